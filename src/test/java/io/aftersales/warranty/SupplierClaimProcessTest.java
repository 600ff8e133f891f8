package io.aftersales.warranty;

import static io.aftersales.warranty.SupplierClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.mockito.DelegateExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of processes/warranty/supplier-claim.bpmn: started by message, settled, chased when overdue. */
@Deployment(resources = "processes/warranty/supplier-claim.bpmn")
class SupplierClaimProcessTest {

  @RegisterExtension
  // Fails the class below 90% flow-node coverage; report under target/process-test-coverage.
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.Companion
      .builder("process-test.cfg.xml").assertClassCoverageAtLeast(0.9).build();

  JavaDelegate fileSupplierClaim;
  JavaDelegate recordClaimSettlement;

  @BeforeEach
  void mockDelegates() {
    var fileMock = DelegateExpressions.registerJavaDelegateMock("fileSupplierClaimDelegate");
    fileMock.onExecutionSetVariables(Map.of(CLAIM_ID.name(), 7L, SUPPLIER_NAME.name(), "Shenzhen Home Appliances Ltd.",
        SETTLEMENT_OVERDUE_AFTER.name(), "P30D"));
    fileSupplierClaim = fileMock.getMock();
    recordClaimSettlement = DelegateExpressions.registerJavaDelegateMock("recordClaimSettlementDelegate").getMock();
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  /** What warranty-claim's RaiseSupplierClaimDelegate sends. */
  private ProcessInstance raise(String caseNumber) {
    return runtimeService().createMessageCorrelation(MESSAGE_SUPPLIER_CLAIM_RAISED)
        .processInstanceBusinessKey(caseNumber)
        .setVariable(CASE_ID.name(), 1L).setVariable(CASE_NUMBER.name(), caseNumber)
        .setVariable(PRODUCT_SKU.name(), "SA-KETTLE-17").setVariable(QUANTITY.name(), 1)
        .setVariable(REASON.name(), "Heating element failed after 14 months.")
        .correlateStartMessage();
  }

  @Test
  void aRaisedClaimIsFiledAndSettledBySupplierManagement() throws Exception {
    ProcessInstance pi = raise("SC-2026-000101");
    assertThat(pi).hasBusinessKey("SC-2026-000101").isWaitingAt(SERVICE_TASK_FILE_SUPPLIER_CLAIM);
    execute(job(SERVICE_TASK_FILE_SUPPLIER_CLAIM, pi));
    verify(fileSupplierClaim).execute(any());
    assertThat(pi).isWaitingAt(USER_TASK_SETTLE_SUPPLIER_CLAIM);
    assertThat(task(pi)).hasCandidateGroup("supplier-management");
    complete(task(pi), withVariables(AMOUNT_RECOVERED.name(), 35.0, SETTLEMENT_NOTES.name(), "Credit note CN-5521"));
    assertThat(pi).isWaitingAt(SERVICE_TASK_RECORD_CLAIM_SETTLEMENT);
    execute(job(SERVICE_TASK_RECORD_CLAIM_SETTLEMENT, pi));
    verify(recordClaimSettlement).execute(any());
    assertThat(pi).isEnded().hasPassed(SERVICE_TASK_RECORD_CLAIM_SETTLEMENT, END_EVENT_SUPPLIER_CLAIM_SETTLED)
        .hasNotPassed(USER_TASK_CHASE_SUPPLIER_CLAIM);
  }

  @Test
  void aRejectedClaimIsRecordedWithZeroRecovered() throws Exception {
    ProcessInstance pi = raise("SC-2026-000102");
    execute(job(SERVICE_TASK_FILE_SUPPLIER_CLAIM, pi));
    complete(task(pi), withVariables(AMOUNT_RECOVERED.name(), 0.0, SETTLEMENT_NOTES.name(), "Supplier says misuse"));
    execute(job(SERVICE_TASK_RECORD_CLAIM_SETTLEMENT, pi));
    assertThat(pi).isEnded().hasPassed(END_EVENT_SUPPLIER_CLAIM_SETTLED)
        .variables().containsEntry(AMOUNT_RECOVERED.name(), 0.0);
  }

  @Test
  void aSupplierSilentForThirtyDaysIsChasedByATeamLeadWhileTheClaimStaysOpen() throws Exception {
    Instant start = Instant.parse("2026-11-23T09:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    ProcessInstance pi = raise("SC-2026-000103");
    execute(job(SERVICE_TASK_FILE_SUPPLIER_CLAIM, pi));
    Job overdue = job(BOUNDARY_EVENT_SETTLEMENT_OVERDUE, pi);
    assertThat(Duration.between(start, overdue.getDuedate().toInstant())).isEqualTo(Duration.ofDays(30));
    execute(overdue);
    assertThat(pi).isWaitingAt(USER_TASK_SETTLE_SUPPLIER_CLAIM, USER_TASK_CHASE_SUPPLIER_CLAIM);
    var chase = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(USER_TASK_CHASE_SUPPLIER_CLAIM).singleResult();
    assertThat(chase).hasCandidateGroup("team-lead");
    complete(chase, withVariables(CHASE_NOTES.name(), "Called the supplier's key account, answer promised this week."));
    assertThat(pi).hasPassed(END_EVENT_SUPPLIER_CLAIM_CHASED).isWaitingAt(USER_TASK_SETTLE_SUPPLIER_CLAIM);
    verify(recordClaimSettlement, never()).execute(any());
    complete(task(USER_TASK_SETTLE_SUPPLIER_CLAIM, pi), withVariables(AMOUNT_RECOVERED.name(), 35.0));
    execute(job(SERVICE_TASK_RECORD_CLAIM_SETTLEMENT, pi));
    assertThat(pi).isEnded().hasPassed(END_EVENT_SUPPLIER_CLAIM_SETTLED);
  }

  @Test
  void aChaseStillOpenEndsWithTheSettlement() throws Exception {
    ProcessInstance pi = raise("SC-2026-000105");
    execute(job(SERVICE_TASK_FILE_SUPPLIER_CLAIM, pi));
    execute(job(BOUNDARY_EVENT_SETTLEMENT_OVERDUE, pi));
    assertThat(pi).isWaitingAt(USER_TASK_SETTLE_SUPPLIER_CLAIM, USER_TASK_CHASE_SUPPLIER_CLAIM);
    complete(task(USER_TASK_SETTLE_SUPPLIER_CLAIM, pi), withVariables(AMOUNT_RECOVERED.name(), 0.0));
    execute(job(SERVICE_TASK_RECORD_CLAIM_SETTLEMENT, pi));
    // Settled: the claim ends, and the team lead's chase with it (it would otherwise stay open for good).
    assertThat(pi).isEnded().hasPassed(END_EVENT_SUPPLIER_CLAIM_SETTLED).hasNotPassed(END_EVENT_SUPPLIER_CLAIM_CHASED);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aPortalFailureWhileFilingBecomesAnIncident() throws Exception {
    doThrow(new IllegalStateException("database down")).when(fileSupplierClaim).execute(any());
    ProcessInstance pi = raise("SC-2026-000104");
    int attempts = 0;
    while (job(pi).getRetries() > 0) {
      assertThatThrownBy(() -> execute(job(pi))).hasMessageContaining("database down");
      attempts++;
    }
    assertThat(attempts).isEqualTo(5);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
  }
}
