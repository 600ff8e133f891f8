package io.aftersales.sla;

import static io.aftersales.sla.SlaEscalationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.mockito.DelegateExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

/** processes/sla/sla-escalation.bpmn: a team lead expedites the case, or the warning ends when the target is met. */
@Deployment(resources = "processes/sla/sla-escalation.bpmn")
class SlaEscalationProcessTest {
  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.Companion
      .builder("process-test.cfg.xml").assertClassCoverageAtLeast(0.95).build();

  private TaskListener record;

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance start(long clockId, String event) {
    record = DelegateExpressions.registerTaskListenerMock("recordExpediteListener").getMock();
    return runtimeService().startProcessInstanceByKey(KEY, "SC-2026-000710", Map.of(SLA_CLOCK_ID.name(), clockId,
        CASE_ID.name(), 71L, CASE_NUMBER.name(), "SC-2026-000710", CUSTOMER_NAME.name(), "Maria Rossi",
        SLA_EVENT.name(), event, SERVICE_LEVEL.name(), "Resolution", SLA_TARGET.name(), "5 days of business time",
        LATE_STEPS.name(), "Inspect returned item (warehouse, due 09.12. 10:00)"));
  }

  @Test
  void aTeamLeadExpeditesTheCaseAndNotesWhatWasDone() {
    ProcessInstance pi = start(3L, "breached");
    assertThat(pi).isWaitingAt(USER_TASK_EXPEDITE_CASE);
    assertThat(task(pi)).hasCandidateGroup("team-lead").isNotAssigned();
    complete(task(pi), withVariables(EXPEDITE_NOTE.name(), "Asked the warehouse to inspect it today."));
    Mockito.verify(record).notify(ArgumentMatchers.any());
    assertThat(pi).hasPassed(START_EVENT_SERVICE_LEVEL_IN_DANGER, USER_TASK_EXPEDITE_CASE, END_EVENT_CASE_EXPEDITED)
        .isEnded();
  }

  @Test
  void aWarningEndsByItselfWhenItsTargetIsMetInTime() {
    ProcessInstance pi = start(4L, "at risk");
    ProcessInstance other = start(5L, "at risk");
    runtimeService().createMessageCorrelation(MESSAGE_SERVICE_LEVEL_MET)
        .processInstanceVariableEquals(SLA_CLOCK_ID.name(), 4L).correlateAll();
    assertThat(pi).hasPassed(BOUNDARY_SERVICE_LEVEL_MET, END_EVENT_MET_IN_TIME).isEnded();
    assertThat(other).isWaitingAt(USER_TASK_EXPEDITE_CASE);
    Mockito.verify(record, Mockito.never()).notify(ArgumentMatchers.any());
  }
}
