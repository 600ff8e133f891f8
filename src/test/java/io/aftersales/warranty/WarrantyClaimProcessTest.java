package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.aftersales.HandoffCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.mockito.DelegateExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of processes/warranty/warranty-claim.bpmn with the real decision warranty-eligibility and mocked
 * delegates: each sales channel, each remedy, the documents wait with reminder and abandonment, the assessment OLA,
 * the supplier claim hand-off and a mail failure that becomes an incident.
 */
@Deployment(resources = {"processes/warranty/warranty-claim.bpmn", "processes/warranty/warranty-eligibility.dmn"})
class WarrantyClaimProcessTest {

  @RegisterExtension
  // Fails the class below 90% flow-node coverage; report under target/process-test-coverage.
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.Companion
      .builder("process-test.cfg.xml")
      // The hand-off is a mock here (its model has its own test); counted, it would inflate the ratio.
      .excludeProcessDefinitionKeys("outside-system-handoff").assertClassCoverageAtLeast(0.9).build();

  private static final List<String> SERVICE_DELEGATES = List.of("requestMissingDocumentsDelegate",
      "sendDocumentsReminderDelegate", "closeAbandonedClaimDelegate", "sendClaimRejectionDelegate",
      "bookWarrantyDeliveryDelegate", "raiseSupplierClaimDelegate");

  final Map<String, JavaDelegate> delegates = new HashMap<>();
  JavaDelegate registerClaim;
  JavaDelegate refreshClaimFacts;
  TaskListener recordAssessment;
  int caseSequence;
  HandoffCalls handoffs;
  /** What ServiceTask_ReserveWarrantyGoods finds in stock. */
  boolean inStock = true;

  org.camunda.bpm.engine.delegate.ExecutionListener loadCaseFacts;

  @BeforeEach
  void mockDelegates() throws Exception {
    registerClaim = DelegateExpressions.registerJavaDelegateMock("registerClaimDelegate").getMock();
    // The helper bean OLA timers count business time with (the calendars of application.yaml).
    org.camunda.bpm.engine.test.mock.Mocks.register("businessTime",
        io.aftersales.calendar.TestCalendars.businessTime());
    // The facts come with the test's start variables; in production this listener loads them from the case.
    loadCaseFacts = DelegateExpressions.registerExecutionListenerMock("loadCaseFactsListener").getMock();
    // Same rule as the real delegate, so every channel meets the decision as in production.
    doAnswer(inv -> {
      DelegateExecution execution = inv.getArgument(0);
      DOCUMENTS_REMINDER_AFTER.set(execution, "P5D");
      DOCUMENTS_ABANDON_AFTER.set(execution, "P14D");
      ASSESSMENT_OLA.set(execution, "P2D");
      PROOF_OF_PURCHASE.set(execution, WarrantyService.proofOfPurchase(SALES_CHANNEL.fromOrNull(execution),
          ORDER_KNOWN.fromOrNull(execution), PROOF_OF_PURCHASE.fromOrNull(execution)));
      return null;
    }).when(registerClaim).execute(any());
    refreshClaimFacts = DelegateExpressions.registerJavaDelegateMock("refreshClaimFactsDelegate").getMock();
    doAnswer(inv -> {
      DelegateExecution execution = inv.getArgument(0);
      String date = PURCHASE_DATE.fromOrNull(execution);
      MONTHS_SINCE_PURCHASE.set(execution, date == null ? null : date.startsWith("2020") ? 70 : 8);
      return null;
    }).when(refreshClaimFacts).execute(any());
    for (String name : SERVICE_DELEGATES) {
      delegates.put(name, DelegateExpressions.registerJavaDelegateMock(name).getMock());
    }
    recordAssessment = DelegateExpressions.registerTaskListenerMock("recordAssessmentListener").getMock();
    JavaDelegate reserve = DelegateExpressions.registerJavaDelegateMock("reserveWarrantyGoodsDelegate").getMock();
    delegates.put("reserveWarrantyGoodsDelegate", reserve);
    doAnswer(inv -> {
      DelegateExecution execution = inv.getArgument(0);
      IN_STOCK.set(execution, inStock);
      if (!inStock) PURCHASE_ORDER_NUMBER.set(execution, "PO-2026-000001");
      return null;
    }).when(reserve).execute(any());
    handoffs = HandoffCalls.deploy(processEngine());
  }

  @AfterEach
  void reset() {
    handoffs.undeploy();
    Mocks.reset();
    ClockUtil.reset();
  }

  private JavaDelegate delegate(String name) {
    return delegates.get(name);
  }

  /** The case facts service-case passes in; tests override what matters. */
  private ProcessInstance claim(Object... overrides) {
    String caseNumber = "SC-2026-" + String.format("%06d", ++caseSequence);
    Map<String, Object> v = new HashMap<>();
    v.put(CASE_ID.name(), (long) caseSequence);
    v.put(CASE_NUMBER.name(), caseNumber);
    v.put(CUSTOMER_NAME.name(), "Jonas Weber");
    v.put("subject", "Kettle stopped heating");
    v.put("requestType", "WARRANTY");
    v.put(SALES_CHANNEL.name(), "ECOMMERCE");
    v.put("fulfilment", null);
    v.put(RETAILER_NAME.name(), null);
    v.put(CUSTOMER_TYPE.name(), "CONSUMER");
    v.put(ORDER_KNOWN.name(), true);
    v.put(ORDER_NUMBER.name(), "EC-100002");
    v.put(PRODUCT_SKU.name(), "SA-KETTLE-17");
    v.put(PRODUCT_NAME.name(), "Electric kettle 1.7 l");
    v.put(PRODUCT_CATEGORY.name(), "SMALL_APPLIANCE");
    v.put(WARRANTY_MONTHS.name(), 24);
    v.put(PURCHASE_DATE.name(), "2025-09-22");
    v.put(MONTHS_SINCE_PURCHASE.name(), 14);
    v.put(PURCHASE_PRICE.name(), 39.90);
    v.put(SERIAL_NUMBER.name(), null);
    for (int i = 0; i < overrides.length; i += 2)
      v.put((String) overrides[i], overrides[i + 1]);
    return runtimeService().startProcessInstanceByKey(KEY, caseNumber, v);
  }

  private ProcessInstance amazonClaim() {
    return claim(SALES_CHANNEL.name(), "AMAZON", "fulfilment", "FBA", ORDER_NUMBER.name(), "302-1234567-7654321",
        PRODUCT_SKU.name(), "SA-BLEND-900", WARRANTY_MONTHS.name(), 36, MONTHS_SINCE_PURCHASE.name(), 3,
        PURCHASE_PRICE.name(), 89.0);
  }

  private ProcessInstance retailerClaim() {
    return claim(SALES_CHANNEL.name(), "RETAILER", RETAILER_NAME.name(), "Kaufhaus Demo, Cologne",
        ORDER_NUMBER.name(), "RT-KAUFHOF-55012", PRODUCT_SKU.name(), "SA-BLEND-900", WARRANTY_MONTHS.name(), 36,
        MONTHS_SINCE_PURCHASE.name(), 8);
  }

  private Task taskAt(ProcessInstance pi, String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  private void assess(ProcessInstance pi, String remedy, boolean defectiveUnit, Object... more) {
    assertThat(pi).isWaitingAt(USER_TASK_ASSESS_DEFECT);
    assertThat(task(USER_TASK_ASSESS_DEFECT, pi)).hasCandidateGroup("crm-frontend");
    Map<String, Object> v = new HashMap<>(Map.of(REMEDY.name(), remedy, DEFECTIVE_UNIT.name(), defectiveUnit,
        ASSESSMENT_NOTES.name(), "Heating element dead, no signs of misuse."));
    for (int i = 0; i < more.length; i += 2)
      v.put((String) more[i], more[i + 1]);
    complete(task(USER_TASK_ASSESS_DEFECT, pi), v);
  }

  /** Runs the async step waiting at {@code activityId} and checks its delegate ran. */
  private void runJob(ProcessInstance pi, String activityId, String delegateName) throws Exception {
    assertThat(pi).isWaitingAt(activityId);
    execute(job(activityId, pi));
    verify(delegate(delegateName)).execute(any());
  }

  private void work(ProcessInstance pi, String taskKey, String group, Object... variables) {
    assertThat(pi).isWaitingAt(taskKey);
    assertThat(task(taskKey, pi)).hasCandidateGroup(group);
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2)
      v.put((String) variables[i], variables[i + 1]);
    complete(task(taskKey, pi), v);
  }

  // --- eligibility per sales channel --------------------------------------------------------------------------

  @Test
  void anOwnShopClaimWithinTheLegalGuaranteeGoesStraightToTheAssessment() throws Exception {
    ProcessInstance pi = claim();
    assertThat(pi).hasPassed(SERVICE_TASK_REGISTER_CLAIM, BUSINESS_RULE_TASK_CHECK_WARRANTY_ELIGIBILITY)
        .isWaitingAt(USER_TASK_ASSESS_DEFECT)
        .variables().containsEntry(ELIGIBILITY.name(), "ELIGIBLE").containsEntry(PROOF_OF_PURCHASE.name(), true)
        .containsEntry(DOCUMENTS_REMINDER_AFTER.name(), "P5D").containsEntry(ASSESSMENT_OLA.name(), "P2D");
    assertThat((String) runtimeService().getVariable(pi.getId(), ELIGIBILITY_NOTE.name())).contains("legal guarantee");
    assertThat(task(pi)).hasCandidateGroup("crm-frontend");
    verify(registerClaim).execute(any());
    // The decision's outputs are flattened: only plain values, nothing that needs Java serialization.
    var variables = runtimeService().getVariablesTyped(pi.getId(), false);
    variables.keySet().forEach(name -> assertThat(variables.getValueTyped(name).getType().isPrimitiveValueType())
        .as(name + " is a plain value").isTrue());
  }

  @Test
  void anAmazonOrderIdIsProofEnoughAndTheLongerProductWarrantyApplies() {
    ProcessInstance pi = claim(SALES_CHANNEL.name(), "AMAZON", "fulfilment", "FBM", WARRANTY_MONTHS.name(), 36,
        MONTHS_SINCE_PURCHASE.name(), 30);
    assertThat(pi).isWaitingAt(USER_TASK_ASSESS_DEFECT).variables().containsEntry(ELIGIBILITY.name(), "ELIGIBLE");
  }

  @Test
  void aRetailerPurchaseWithoutTheShopsReceiptAsksForIt() throws Exception {
    ProcessInstance pi = retailerClaim();
    assertThat(pi).isWaitingAt(SERVICE_TASK_REQUEST_MISSING_DOCUMENTS).variables()
        .containsEntry(ELIGIBILITY.name(), "DOCUMENTS_MISSING").containsEntry(PROOF_OF_PURCHASE.name(), false);
    assertThat((String) runtimeService().getVariable(pi.getId(), MISSING_DOCUMENTS.name())).contains("shop's receipt");
    runJob(pi, SERVICE_TASK_REQUEST_MISSING_DOCUMENTS, "requestMissingDocumentsDelegate");
    assertThat(pi).isWaitingAt(GATEWAY_AWAIT_DOCUMENTS);
  }

  @Test
  void anUnknownOrderAsksForTheOrderNumberOrReceipt() {
    ProcessInstance pi = claim(SALES_CHANNEL.name(), null, ORDER_KNOWN.name(), false, ORDER_NUMBER.name(), "12345",
        PURCHASE_DATE.name(), null, MONTHS_SINCE_PURCHASE.name(), null, PURCHASE_PRICE.name(), null);
    assertThat(pi).isWaitingAt(SERVICE_TASK_REQUEST_MISSING_DOCUMENTS).variables()
        .containsEntry(PROOF_OF_PURCHASE.name(), false);
    assertThat((String) runtimeService().getVariable(pi.getId(), MISSING_DOCUMENTS.name())).contains("order number");
  }

  @Test
  void aBusinessCustomerBeyondTheProductWarrantyIsToldWhy() throws Exception {
    ProcessInstance pi = claim(CUSTOMER_TYPE.name(), "BUSINESS", ORDER_NUMBER.name(), "EC-090017",
        MONTHS_SINCE_PURCHASE.name(), 30);
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_CLAIM_REJECTION).variables().containsEntry(ELIGIBILITY.name(),
        "EXPIRED");
    runJob(pi, SERVICE_TASK_SEND_CLAIM_REJECTION, "sendClaimRejectionDelegate");
    assertThat(pi).isEnded().hasPassed(END_EVENT_CLAIM_REJECTED).hasNotPassed(USER_TASK_ASSESS_DEFECT);
  }

  @Test
  void aConsumerClaimTwoYearsAfterPurchaseIsExpiredButOneMonthEarlierIsCovered() throws Exception {
    ProcessInstance expired = claim(MONTHS_SINCE_PURCHASE.name(), 24);
    assertThat(expired).isWaitingAt(SERVICE_TASK_SEND_CLAIM_REJECTION);
    ProcessInstance covered = claim(MONTHS_SINCE_PURCHASE.name(), 23);
    assertThat(covered).isWaitingAt(USER_TASK_ASSESS_DEFECT);
  }

  // --- waiting for documents ------------------------------------------------------------------------------------

  private ProcessInstance waitingForDocuments() throws Exception {
    ProcessInstance pi = retailerClaim();
    runJob(pi, SERVICE_TASK_REQUEST_MISSING_DOCUMENTS, "requestMissingDocumentsDelegate");
    assertThat(pi).isWaitingAt(GATEWAY_AWAIT_DOCUMENTS);
    return pi;
  }

  private void customerReplies(ProcessInstance pi, String text) {
    var result = runtimeService().createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED)
        .processInstanceBusinessKey(pi.getBusinessKey()).setVariable(LAST_CUSTOMER_MESSAGE.name(), text)
        .correlateAllWithResult();
    assertThat(result).hasSize(1);
  }

  @Test
  void theCustomersReplyWithTheReceiptReachesTheAgentAndTheClaimIsCheckedAgain() throws Exception {
    ProcessInstance pi = waitingForDocuments();
    customerReplies(pi, "Receipt from Kaufhaus attached, bought in March.");
    assertThat(pi).hasPassed(INTERMEDIATE_CATCH_EVENT_DOCUMENTS_RECEIVED).isWaitingAt(USER_TASK_CHECK_DOCUMENTS);
    Task check = task(USER_TASK_CHECK_DOCUMENTS, pi);
    assertThat(check).hasCandidateGroup("crm-frontend");
    assertThat(engine.getTaskService().getVariable(check.getId(), LAST_CUSTOMER_MESSAGE.name()))
        .isEqualTo("Receipt from Kaufhaus attached, bought in March.");
    // No reminder is pending any more.
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    complete(check, withVariables(PROOF_OF_PURCHASE.name(), true, PURCHASE_DATE.name(), "2026-03-14",
        SERIAL_NUMBER.name(), "B900-7781", PHOTOS_RECEIVED.name(), true));
    verify(refreshClaimFacts).execute(any());
    assertThat(pi).hasPassed(SERVICE_TASK_REFRESH_CLAIM_FACTS).isWaitingAt(USER_TASK_ASSESS_DEFECT)
        .variables().containsEntry(ELIGIBILITY.name(), "ELIGIBLE").containsEntry(MONTHS_SINCE_PURCHASE.name(), 8);
  }

  @Test
  void documentsThatStillDoNotProveThePurchaseAreAskedForAgain() throws Exception {
    ProcessInstance pi = waitingForDocuments();
    customerReplies(pi, "I lost the receipt, sorry.");
    complete(task(USER_TASK_CHECK_DOCUMENTS, pi), withVariables(PROOF_OF_PURCHASE.name(), false,
        PHOTOS_RECEIVED.name(), true));
    assertThat(pi).isWaitingAt(SERVICE_TASK_REQUEST_MISSING_DOCUMENTS);
    execute(job(SERVICE_TASK_REQUEST_MISSING_DOCUMENTS, pi));
    verify(delegate("requestMissingDocumentsDelegate"), times(2)).execute(any());
    assertThat(pi).isWaitingAt(GATEWAY_AWAIT_DOCUMENTS);
  }

  @Test
  void aReceiptShowingAnOldPurchaseEndsInARejection() throws Exception {
    ProcessInstance pi = waitingForDocuments();
    customerReplies(pi, "Here is the receipt.");
    complete(task(USER_TASK_CHECK_DOCUMENTS, pi), withVariables(PROOF_OF_PURCHASE.name(), true,
        PURCHASE_DATE.name(), "2020-01-10", PHOTOS_RECEIVED.name(), false));
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_CLAIM_REJECTION).variables().containsEntry(ELIGIBILITY.name(),
        "EXPIRED");
  }

  @Test
  void silenceBringsAReminderAfterFiveDaysAndAReplyAfterItStillCounts() throws Exception {
    Instant start = Instant.parse("2026-11-23T09:00:00Z");
    ClockUtil.setCurrentTime(java.util.Date.from(start));
    ProcessInstance pi = waitingForDocuments();
    Job reminder = job(INTERMEDIATE_CATCH_EVENT_REMINDER_DUE, pi);
    assertThat(Duration.between(start, reminder.getDuedate().toInstant())).isEqualTo(Duration.ofDays(5));
    ClockUtil.setCurrentTime(java.util.Date.from(start.plus(Duration.ofDays(5))));
    execute(reminder);
    runJob(pi, SERVICE_TASK_SEND_DOCUMENTS_REMINDER, "sendDocumentsReminderDelegate");
    assertThat(pi).isWaitingAt(GATEWAY_AWAIT_DOCUMENTS_AFTER_REMINDER);
    Job abandon = job(INTERMEDIATE_CATCH_EVENT_ABANDON_DUE, pi);
    assertThat(Duration.between(start.plus(Duration.ofDays(5)), abandon.getDuedate().toInstant()))
        .isEqualTo(Duration.ofDays(14));
    customerReplies(pi, "Sorry for the delay, receipt attached.");
    assertThat(pi).hasPassed(INTERMEDIATE_CATCH_EVENT_DOCUMENTS_RECEIVED_AFTER_REMINDER)
        .isWaitingAt(USER_TASK_CHECK_DOCUMENTS);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    complete(task(USER_TASK_CHECK_DOCUMENTS, pi), withVariables(PROOF_OF_PURCHASE.name(), true,
        PURCHASE_DATE.name(), "2026-03-14", PHOTOS_RECEIVED.name(), true));
    assertThat(pi).isWaitingAt(USER_TASK_ASSESS_DEFECT);
    verify(delegate("closeAbandonedClaimDelegate"), never()).execute(any());
  }

  @Test
  void noAnswerAfterTheReminderClosesTheClaimAsAbandoned() throws Exception {
    ProcessInstance pi = waitingForDocuments();
    execute(job(INTERMEDIATE_CATCH_EVENT_REMINDER_DUE, pi));
    execute(job(SERVICE_TASK_SEND_DOCUMENTS_REMINDER, pi));
    execute(job(INTERMEDIATE_CATCH_EVENT_ABANDON_DUE, pi));
    runJob(pi, SERVICE_TASK_CLOSE_ABANDONED_CLAIM, "closeAbandonedClaimDelegate");
    assertThat(pi).isEnded().hasPassed(END_EVENT_CLAIM_ABANDONED).hasNotPassed(USER_TASK_CHECK_DOCUMENTS);
    // A late reply no longer reaches this process (service-case still gives it to an agent).
    assertThat(runtimeService().createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED)
        .processInstanceBusinessKey(pi.getBusinessKey()).correlateAllWithResult()).isEmpty();
  }

  // --- assessment OLA ---------------------------------------------------------------------------------------------

  @Test
  void anOverdueAssessmentAsksATeamLeadWithoutTakingTheTaskAway() {
    Instant start = Instant.parse("2026-11-23T09:00:00Z");
    ClockUtil.setCurrentTime(java.util.Date.from(start));
    ProcessInstance pi = claim();
    Job ola = job(BOUNDARY_EVENT_ASSESSMENT_OVERDUE, pi);
    assertThat(Duration.between(start, ola.getDuedate().toInstant())).isEqualTo(Duration.ofDays(2));
    execute(ola);
    assertThat(pi).isWaitingAt(USER_TASK_ASSESS_DEFECT, USER_TASK_EXPEDITE_ASSESSMENT);
    Task expedite = taskAt(pi, USER_TASK_EXPEDITE_ASSESSMENT);
    assertThat(expedite).hasCandidateGroup("team-lead");
    complete(expedite, withVariables(EXPEDITE_NOTES.name(), "Assigned to Chris, due today."));
    assertThat(pi).hasPassed(END_EVENT_ASSESSMENT_EXPEDITED).isWaitingAt(USER_TASK_ASSESS_DEFECT);
  }

  @Test
  void theTeamLeadsTaskEndsWhenTheLateAssessmentIsMade() {
    ProcessInstance pi = claim();
    execute(job(BOUNDARY_EVENT_ASSESSMENT_OVERDUE, pi));
    assertThat(pi).isWaitingAt(USER_TASK_ASSESS_DEFECT, USER_TASK_EXPEDITE_ASSESSMENT);
    assess(pi, "REJECT", false, REJECTION_REASON.name(), "Damage by a fall, not a defect.");
    // The expedite task went with the assessment: nothing is left for the team lead, and the claim moves on.
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(USER_TASK_EXPEDITE_ASSESSMENT).count()).isZero();
    assertThat(pi).hasPassed(END_EVENT_ASSESSMENT_DONE).hasNotPassed(END_EVENT_ASSESSMENT_EXPEDITED);
  }

  // --- remedies -----------------------------------------------------------------------------------------------------

  @Test
  void aSparePartIsShippedAndTrackedAndNoSupplierClaimWithoutADefectiveUnit() throws Exception {
    ProcessInstance pi = claim();
    assess(pi, "SPARE_PART", false, SPARE_PART_SKU.name(), "SP-LID-28");
    verify(recordAssessment).notify(any());
    runJob(pi, SERVICE_TASK_RESERVE_WARRANTY_GOODS, "reserveWarrantyGoodsDelegate");
    assertThat(pi).isEnded().hasPassed(CALL_ACTIVITY_SHIP_WARRANTY_GOODS, END_EVENT_CLAIM_RESOLVED)
        .hasNotPassed(USER_TASK_RECEIVE_WARRANTY_GOODS, INTERMEDIATE_THROW_EVENT_SUPPLIER_CLAIM_RAISED);
    // The remedy is the hand-off's kind: logistics books a spare-part parcel.
    assertThat(handoffs.calls()).containsExactly(
        new HandoffCalls.Call("SPARE_PART", 1L, "SC-2026-000001", "SC-2026-000001"));
    verify(delegate("raiseSupplierClaimDelegate"), never()).execute(any());
  }

  @Test
  void aReplacementIsShippedAndTheDefectiveUnitIsClaimedFromTheSupplier() throws Exception {
    ProcessInstance pi = claim();
    assess(pi, "REPLACEMENT", true);
    runJob(pi, SERVICE_TASK_RESERVE_WARRANTY_GOODS, "reserveWarrantyGoodsDelegate");
    assertThat(handoffs.kinds()).containsExactly("REPLACEMENT");
    // The hand-off to supplier management is its own async step: a failure there never resends the mail.
    assertThat(pi).isWaitingAt(INTERMEDIATE_THROW_EVENT_SUPPLIER_CLAIM_RAISED);
    runJob(pi, INTERMEDIATE_THROW_EVENT_SUPPLIER_CLAIM_RAISED, "raiseSupplierClaimDelegate");
    assertThat(pi).isEnded().hasPassed(END_EVENT_CLAIM_RESOLVED);
  }

  @ParameterizedTest(name = "{0} out of stock: purchasing orders it, the warehouse receives it, then it ships")
  @CsvSource({"SPARE_PART", "REPLACEMENT"})
  void goodsOutOfStockAreOrderedReceivedByTheWarehouseAndThenShipped(String remedy) throws Exception {
    inStock = false;
    ProcessInstance pi = claim();
    assess(pi, remedy, false, SPARE_PART_SKU.name(), "SP-LID-28");
    runJob(pi, SERVICE_TASK_RESERVE_WARRANTY_GOODS, "reserveWarrantyGoodsDelegate");
    assertThat(pi).isWaitingAt(USER_TASK_RECEIVE_WARRANTY_GOODS).variables()
        .containsEntry(PURCHASE_ORDER_NUMBER.name(), "PO-2026-000001");
    assertThat(handoffs.calls()).as("nothing ships before the delivery").isEmpty();
    work(pi, USER_TASK_RECEIVE_WARRANTY_GOODS, "warehouse", "deliveryReceived", true, DELIVERY_NOTE.name(), "LS-4711");
    runJob(pi, SERVICE_TASK_BOOK_WARRANTY_DELIVERY, "bookWarrantyDeliveryDelegate");
    assertThat(handoffs.kinds()).containsExactly(remedy);
    assertThat(pi).isEnded().hasPassed(CALL_ACTIVITY_SHIP_WARRANTY_GOODS, END_EVENT_CLAIM_RESOLVED);
  }

  @Test
  void aRepairInHouseCollectsTheUnitRepairsItAndSendsItBack() throws Exception {
    ProcessInstance pi = claim();
    assess(pi, "REPAIR_IN_HOUSE", false);
    assertThat(handoffs.kinds()).containsExactly("RETURN_LABEL");
    work(pi, USER_TASK_RECEIVE_DEFECTIVE_UNIT, "warehouse", RECEIPT_NOTES.name(), "Kettle, scale inside.");
    work(pi, USER_TASK_REPAIR_UNIT, "warehouse", REPAIR_NOTES.name(), "Thermostat replaced, tested.");
    assertThat(handoffs.kinds()).containsExactly("RETURN_LABEL", "REPAIRED_UNIT");
    assertThat(pi).isEnded().hasPassed(CALL_ACTIVITY_BOOK_DEFECTIVE_UNIT_PICKUP, CALL_ACTIVITY_SHIP_REPAIRED_UNIT,
        END_EVENT_CLAIM_RESOLVED).hasNotPassed(CALL_ACTIVITY_SHIP_UNIT_TO_SUPPLIER);
  }

  @Test
  void aRepairAtTheSupplierGoesThroughSupplierManagementAndRaisesAClaim() throws Exception {
    ProcessInstance pi = amazonClaim();
    assess(pi, "REPAIR_AT_SUPPLIER", true);
    work(pi, USER_TASK_RECEIVE_DEFECTIVE_UNIT, "warehouse", RECEIPT_NOTES.name(), "Blender, motor smells burnt.");
    assertThat(handoffs.kinds()).containsExactly("RETURN_LABEL", "TO_SUPPLIER");
    work(pi, USER_TASK_CONFIRM_SUPPLIER_REPAIR, "supplier-management", SUPPLIER_REPAIR_NOTES.name(), "Motor replaced.");
    assertThat(handoffs.kinds()).containsExactly("RETURN_LABEL", "TO_SUPPLIER", "REPAIRED_UNIT");
    execute(job(INTERMEDIATE_THROW_EVENT_SUPPLIER_CLAIM_RAISED, pi));
    verify(delegate("raiseSupplierClaimDelegate")).execute(any());
    assertThat(pi).isEnded().hasPassed(END_EVENT_CLAIM_RESOLVED).hasNotPassed(USER_TASK_REPAIR_UNIT);
  }

  @Test
  void anAmazonRefundIsIssuedByFinanceAndConfirmed() throws Exception {
    ProcessInstance pi = amazonClaim();
    assess(pi, "REFUND", false);
    assertThat(handoffs.kinds()).containsExactly("REFUND");
    assertThat(pi).isEnded().hasPassed(CALL_ACTIVITY_REFUND_PURCHASE_PRICE, END_EVENT_CLAIM_RESOLVED);
  }

  @Test
  void aRetailerClaimWithTheReceiptCanBeRefunded() throws Exception {
    ProcessInstance pi = retailerClaim();
    execute(job(SERVICE_TASK_REQUEST_MISSING_DOCUMENTS, pi));
    customerReplies(pi, "Receipt attached.");
    complete(task(USER_TASK_CHECK_DOCUMENTS, pi), withVariables(PROOF_OF_PURCHASE.name(), true,
        PURCHASE_DATE.name(), "2026-03-14", PHOTOS_RECEIVED.name(), true));
    assess(pi, "REFUND", true);
    assertThat(handoffs.kinds()).containsExactly("REFUND");
    execute(job(INTERMEDIATE_THROW_EVENT_SUPPLIER_CLAIM_RAISED, pi));
    assertThat(pi).isEnded().hasPassed(END_EVENT_CLAIM_RESOLVED, INTERMEDIATE_THROW_EVENT_SUPPLIER_CLAIM_RAISED);
  }

  @Test
  void aRejectedAssessmentExplainsTheReasonToTheCustomer() throws Exception {
    ProcessInstance pi = claim();
    assess(pi, "REJECT", false, REJECTION_REASON.name(), "Limescale damage: the kettle was never descaled.");
    runJob(pi, SERVICE_TASK_SEND_CLAIM_REJECTION, "sendClaimRejectionDelegate");
    assertThat(pi).isEnded().hasPassed(END_EVENT_CLAIM_REJECTED).hasNotPassed(END_EVENT_CLAIM_RESOLVED);
  }

  /** Works whatever waits next (an async step, a reply, a task) with plausible input, until the claim ends or waits for the assessment. */
  private void driveToEnd(ProcessInstance pi) {
    Map<String, Map<String, Object>> inputs = Map.of(
        USER_TASK_CHECK_DOCUMENTS, Map.of(PROOF_OF_PURCHASE.name(), true, PURCHASE_DATE.name(), "2026-03-14",
            PHOTOS_RECEIVED.name(), true),
        USER_TASK_RECEIVE_DEFECTIVE_UNIT, Map.of(RECEIPT_NOTES.name(), "complete"),
        USER_TASK_REPAIR_UNIT, Map.of(REPAIR_NOTES.name(), "fixed"),
        USER_TASK_CONFIRM_SUPPLIER_REPAIR,
        Map.of(REPAIRED_UNIT_RECEIVED.name(), true, SUPPLIER_REPAIR_NOTES.name(), "ok"));
    for (int step = 0; step < 40 && !isEnded(pi); step++) {
      Job next = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count() > 0
          ? engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).messages().singleResult()
          : engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
      if (next != null) {
        execute(next);
        continue;
      }
      if (engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
          .eventName(MESSAGE_CUSTOMER_REPLIED).count() > 0) {
        customerReplies(pi, "Receipt attached.");
        continue;
      }
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
      if (task.getTaskDefinitionKey().equals(USER_TASK_ASSESS_DEFECT)) return;
      assertThat(inputs).as("input for " + task.getTaskDefinitionKey()).containsKey(task.getTaskDefinitionKey());
      complete(task, inputs.get(task.getTaskDefinitionKey()));
    }
  }

  private static boolean isEnded(ProcessInstance pi) {
    return runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} / {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "ECOMMERCE,SPARE_PART", "ECOMMERCE,REPLACEMENT", "ECOMMERCE,REPAIR_IN_HOUSE", "ECOMMERCE,REPAIR_AT_SUPPLIER",
      "ECOMMERCE,REFUND",
      "AMAZON_FBA,SPARE_PART", "AMAZON_FBA,REPLACEMENT", "AMAZON_FBA,REPAIR_IN_HOUSE", "AMAZON_FBA,REPAIR_AT_SUPPLIER",
      "AMAZON_FBA,REFUND",
      "AMAZON_FBM,SPARE_PART", "AMAZON_FBM,REPLACEMENT", "AMAZON_FBM,REPAIR_IN_HOUSE", "AMAZON_FBM,REPAIR_AT_SUPPLIER",
      "AMAZON_FBM,REFUND",
      "RETAILER,SPARE_PART", "RETAILER,REPLACEMENT", "RETAILER,REPAIR_IN_HOUSE", "RETAILER,REPAIR_AT_SUPPLIER",
      "RETAILER,REFUND"})
  void everyRemedyEndsTheClaimResolvedForEverySalesChannel(String channel, String remedy) throws Exception {
    ProcessInstance pi = switch (channel) {
      case "RETAILER" -> retailerClaim();
      case "AMAZON_FBA" -> amazonClaim();
      case "AMAZON_FBM" -> claim(SALES_CHANNEL.name(), "AMAZON", "fulfilment", "FBM",
          ORDER_NUMBER.name(), "305-7654321-1234567", MONTHS_SINCE_PURCHASE.name(), 5);
      default -> claim();
    };
    driveToEnd(pi);
    if (!isEnded(pi)) {
      assess(pi, remedy, true, SPARE_PART_SKU.name(), "SP-LID-28");
      driveToEnd(pi);
    }
    assertThat(pi).isEnded().hasPassed(USER_TASK_ASSESS_DEFECT, INTERMEDIATE_THROW_EVENT_SUPPLIER_CLAIM_RAISED,
        END_EVENT_CLAIM_RESOLVED);
    if (channel.equals("RETAILER")) assertThat(pi).hasPassed(USER_TASK_CHECK_DOCUMENTS);
  }

  // --- failures -----------------------------------------------------------------------------------------------------

  @Test
  void aPersistentFailureBecomesAnIncidentNotALoss() throws Exception {
    doThrow(new IllegalStateException("database down")).when(delegate("reserveWarrantyGoodsDelegate")).execute(any());
    ProcessInstance pi = claim();
    assess(pi, "SPARE_PART", false, SPARE_PART_SKU.name(), "SP-LID-28");
    int attempts = 0;
    while (job(SERVICE_TASK_RESERVE_WARRANTY_GOODS, pi).getRetries() > 0) {
      assertThatThrownBy(() -> execute(job(SERVICE_TASK_RESERVE_WARRANTY_GOODS, pi)))
          .hasMessageContaining("database down");
      attempts++;
    }
    assertThat(attempts).as("attempts of retry cycle R5/PT5M").isEqualTo(5);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    assertThat(pi).isWaitingAt(SERVICE_TASK_RESERVE_WARRANTY_GOODS).isNotEnded();
    assertThat(handoffs.calls()).isEmpty();
  }
}
