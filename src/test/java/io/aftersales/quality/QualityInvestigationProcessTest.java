package io.aftersales.quality;

import static io.aftersales.quality.QualityInvestigationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.mockito.DelegateExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/quality/quality-investigation.bpmn: investigate, decide the containment, close with findings. */
@Deployment(resources = "processes/quality/quality-investigation.bpmn")
class QualityInvestigationProcessTest {
  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.Companion
      .builder("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void supplierManagementInvestigatesTheProcessOwnersDecideAndTheFindingsAreRecorded() throws Exception {
    JavaDelegate record = DelegateExpressions.registerJavaDelegateMock("recordInvestigationDelegate").getMock();
    TaskListener closer = DelegateExpressions.registerTaskListenerMock("recordCloserListener").getMock();
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "QI-7", Map.of(INVESTIGATION_ID.name(), 7L,
        PRODUCT_SKU.name(), "SA-KETTLE-17", PRODUCT_NAME.name(), "Electric kettle 1.7 l", REQUEST_TYPE.name(),
        "WARRANTY", CASE_COUNT.name(), 5L, TRIGGER.name(), "5 warranty cases of SA-KETTLE-17 within 30 days",
        CASE_NUMBERS.name(), "SC-2026-000001, SC-2026-000002"));
    assertThat(pi).isWaitingAt(USER_TASK_INVESTIGATE_PROBLEM);
    assertThat(task(pi)).hasCandidateGroup("supplier-management");
    complete(task(pi), withVariables(FINDINGS.name(), "Batch 2611: the lid seal is 1 mm too thin."));
    assertThat(pi).isWaitingAt(USER_TASK_DECIDE_CONTAINMENT);
    assertThat(task(pi)).hasCandidateGroup("process-owner");
    complete(task(pi), withVariables(CONTAINMENT.name(), "SUPPLIER_CLAIM", CONTAINMENT_NOTE.name(),
        "Claim batch 2611 from the supplier; stop selling its remaining stock."));
    assertThat(pi).isWaitingAt(USER_TASK_CLOSE_INVESTIGATION);
    assertThat(task(pi)).hasCandidateGroup("supplier-management");
    complete(task(pi), withVariables(CLOSING_FINDINGS.name(), "Supplier credited the batch; new seals from 2612."));
    verify(closer).notify(any());
    verify(record).execute(any());
    assertThat(pi).hasPassed(START_EVENT_PROBLEM_RECURS, SERVICE_TASK_RECORD_INVESTIGATION,
        END_EVENT_INVESTIGATION_CLOSED).isEnded();
  }
}
