package io.aftersales.survey;

import static io.aftersales.survey.ServiceRecoveryProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/survey/service-recovery.bpmn: an unhappy answer gives the team leads one task, then it ends. */
@Deployment(resources = "processes/survey/service-recovery.bpmn")
class ServiceRecoveryProcessTest {
  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.Companion
      .builder("process-test.cfg.xml").assertClassCoverageAtLeast(0.9).build();

  @org.junit.jupiter.api.AfterEach
  void reset() {
    org.camunda.bpm.engine.test.mock.Mocks.reset();
  }

  @Test
  void aTeamLeadRecoversTheServiceAndNotesWhatWasDone() {
    org.camunda.bpm.engine.delegate.TaskListener record = org.camunda.community.mockito.DelegateExpressions
        .registerTaskListenerMock("recordRecoveryListener").getMock();
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "SC-2026-000501", Map.of(
        SURVEY_ID.name(), 9L, CASE_ID.name(), 5L, CASE_NUMBER.name(), "SC-2026-000501", CUSTOMER_NAME.name(),
        "Maria Rossi",
        SURVEY_SCORE.name(), "1", SURVEY_SOLVED.name(), false, CUSTOMER_MESSAGE.name(), "Nobody called me back."));
    assertThat(pi).hasBusinessKey("SC-2026-000501").isWaitingAt(USER_TASK_RECOVER_SERVICE);
    assertThat(task(pi)).hasCandidateGroup("team-lead").isNotAssigned();
    complete(task(pi), withVariables(RECOVERY_NOTE.name(), "Called her, sent a new lid at our cost."));
    org.mockito.Mockito.verify(record).notify(org.mockito.ArgumentMatchers.any());
    assertThat(pi).hasPassed(START_EVENT_CUSTOMER_UNHAPPY, USER_TASK_RECOVER_SERVICE, END_EVENT_SERVICE_RECOVERED)
        .isEnded().variables().containsEntry(RECOVERY_NOTE.name(), "Called her, sent a new lid at our cost.");
  }
}
