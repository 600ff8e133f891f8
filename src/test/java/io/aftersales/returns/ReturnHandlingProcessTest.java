package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.aftersales.HandoffCalls;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every path of processes/returns/return-handling.bpmn for every sales channel, on an in-memory
 * engine with the real decisions, the delegates mocked by bean name and outside-system-handoff
 * replaced by a mock that records each call (the hand-off model has its own test): routing, window
 * check, decision (incl. asking the customer and its timeout), Seller Central for Amazon FBM, RMA
 * and label, receipt and its timeout, inspection, each outcome, the escalation timers (which end by
 * themselves once the work is done) and a failing step that becomes an incident. Afterwards the
 * flow nodes the tests passed are compared with the model: all of them must have been reached.
 */
@Deployment(resources = {"processes/returns/return-handling.bpmn", "processes/returns/return-window.dmn",
    "processes/returns/return-outcome.dmn"})
class ReturnHandlingProcessTest {
  private static int instance;

  @RegisterExtension
  @Order(1)
  // Every flow node and sequence flow must be reached by the class; report under target/process-test-coverage.
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.Companion
      .builder("process-test.cfg.xml")
      // The hand-off is a mock here (its model has its own test); counted, it would inflate the ratio.
      .excludeProcessDefinitionKeys("outside-system-handoff").assertClassCoverageAtLeast(1.0).build();

  JavaDelegate prepareReturn;
  JavaDelegate guideToAmazonReturn;
  JavaDelegate redirectToRetailer;
  JavaDelegate authorizeBulkReturn;
  JavaDelegate recordCreditNote;
  JavaDelegate askCustomer;
  JavaDelegate closeUnansweredReturn;
  JavaDelegate sendReturnRefusal;
  JavaDelegate createRma;
  JavaDelegate closeUnreturnedRma;
  JavaDelegate sendGoodsReceived;
  JavaDelegate applyDisposition;
  JavaDelegate reserveReplacement;
  TaskListener returnDecisionCheck;
  TaskListener bulkInspectionCheck;
  static TaskListener sellerCentralDecision;
  HandoffCalls handoffs;

  /** Whether ServiceTask_ReserveReplacement finds a unit in stock. */
  boolean replacementInStock = true;

  org.camunda.bpm.engine.delegate.ExecutionListener loadCaseFacts;

  @BeforeEach
  void mockDelegates() throws Exception {
    prepareReturn = DelegateExpressions.registerJavaDelegateMock("prepareReturnDelegate").getMock();
    // The helper bean OLA timers count business time with (the calendars of application.yaml).
    org.camunda.bpm.engine.test.mock.Mocks.register("businessTime",
        io.aftersales.calendar.TestCalendars.businessTime());
    // The facts come with the test's start variables; in production this listener loads them from the case.
    loadCaseFacts = DelegateExpressions.registerExecutionListenerMock("loadCaseFactsListener").getMock();
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      execution.setVariable(RETURN_ID.name(), 7L);
      setIfAbsent(execution, RETURN_DECISION_OLA.name(), "PT24H");
      setIfAbsent(execution, RETURN_SHIPMENT_TIMEOUT.name(), "P30D");
      setIfAbsent(execution, INSPECTION_OLA.name(), "P2D");
      setIfAbsent(execution, CUSTOMER_ANSWER_TIMEOUT.name(), "P14D");
      execution.setVariable(NEEDS_CUSTOMER_INFO.name(), false);
      execution.setVariable(RETURN_APPROVED.name(), false);
      return null;
    }).when(prepareReturn).execute(any());
    guideToAmazonReturn = DelegateExpressions.registerJavaDelegateMock("guideToAmazonReturnDelegate").getMock();
    redirectToRetailer = DelegateExpressions.registerJavaDelegateMock("redirectToRetailerDelegate").getMock();
    var bulkReturn = DelegateExpressions.registerJavaDelegateMock("authorizeBulkReturnDelegate");
    bulkReturn.onExecutionSetVariables(Map.of(RMA_NUMBER.name(), "RMA-2026-000001"));
    authorizeBulkReturn = bulkReturn.getMock();
    recordCreditNote = DelegateExpressions.registerJavaDelegateMock("recordCreditNoteDelegate").getMock();
    askCustomer = DelegateExpressions.registerJavaDelegateMock("askCustomerDelegate").getMock();
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      execution.setVariable(NEEDS_CUSTOMER_INFO.name(), false);
      return null;
    }).when(askCustomer).execute(any());
    closeUnansweredReturn = DelegateExpressions.registerJavaDelegateMock("closeUnansweredReturnDelegate").getMock();
    sendReturnRefusal = DelegateExpressions.registerJavaDelegateMock("sendReturnRefusalDelegate").getMock();
    var rma = DelegateExpressions.registerJavaDelegateMock("createRmaDelegate");
    rma.onExecutionSetVariables(Map.of(RMA_NUMBER.name(), "RMA-2026-000002"));
    createRma = rma.getMock();
    closeUnreturnedRma = DelegateExpressions.registerJavaDelegateMock("closeUnreturnedRmaDelegate").getMock();
    sendGoodsReceived = DelegateExpressions.registerJavaDelegateMock("sendGoodsReceivedDelegate").getMock();
    var disposition = DelegateExpressions.registerJavaDelegateMock("applyDispositionDelegate");
    disposition.onExecutionSetVariables(Map.of(REFUND_AMOUNT.name(), 49.9));
    applyDisposition = disposition.getMock();
    reserveReplacement = DelegateExpressions.registerJavaDelegateMock("reserveReplacementDelegate").getMock();
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      execution.setVariable(REPLACEMENT_RESERVED.name(), replacementInStock);
      if (!replacementInStock) {
        execution.setVariable(OUTCOME.name(), "FULL_REFUND");
        execution.setVariable(REFUND_PERCENT.name(), 100);
        execution.setVariable(REFUND_AMOUNT.name(), 49.9);
      }
      return null;
    }).when(reserveReplacement).execute(any());
    returnDecisionCheck = DelegateExpressions.registerTaskListenerMock("returnDecisionCheckListener").getMock();
    bulkInspectionCheck = DelegateExpressions.registerTaskListenerMock("bulkInspectionCheckListener").getMock();
    sellerCentralDecision = DelegateExpressions.registerTaskListenerMock("sellerCentralDecisionListener").getMock();
    handoffs = HandoffCalls.deploy(processEngine());
  }

  private static void setIfAbsent(DelegateExecution execution, String name, Object value) {
    if (execution.getVariable(name) == null) execution.setVariable(name, value);
  }

  @AfterEach
  void reset() {
    handoffs.undeploy();
    ClockUtil.reset();
    Mocks.reset();
  }

  // ------------------------------------------------------------------ channels and starting

  /** The sales channels of a consumer return (the default route) with the case facts service-case passes. */
  enum ConsumerChannel {
    OWN_SHOP("ECOMMERCE", null), AMAZON_FBM("AMAZON", "FBM"), UNKNOWN(null, null);

    final String salesChannel;
    final String fulfilment;

    ConsumerChannel(String salesChannel, String fulfilment) {
      this.salesChannel = salesChannel;
      this.fulfilment = fulfilment;
    }
  }

  private static Map<String, Object> facts(String salesChannel, String fulfilment, String customerType, Integer days) {
    Map<String, Object> v = new HashMap<>();
    v.put(CASE_ID.name(), 1L);
    v.put(CASE_NUMBER.name(), "SC-2026-" + (++instance));
    v.put(CUSTOMER_NAME.name(), "Maria Rossi");
    v.put(SALES_CHANNEL.name(), salesChannel);
    v.put(FULFILMENT.name(), fulfilment);
    v.put(CUSTOMER_TYPE.name(), customerType);
    v.put(RETAILER_NAME.name(), "RETAILER".equals(salesChannel) ? "Kaufhaus Demo, Cologne" : null);
    v.put(ORDER_NUMBER.name(), "EC-100001");
    v.put(PRODUCT_SKU.name(), "KW-PAN-28");
    v.put(PRODUCT_NAME.name(), "Frying pan 28 cm, ceramic");
    v.put(DAYS_SINCE_DELIVERY.name(), days);
    v.put(PURCHASE_PRICE.name(), 49.9);
    return v;
  }

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(KEY, (String) variables.get(CASE_NUMBER.name()), variables);
  }

  private static ProcessInstance start(ConsumerChannel channel, Integer days) {
    return start(facts(channel.salesChannel, channel.fulfilment, "CONSUMER", days));
  }

  private static Task task(String taskDefinitionKey, ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  /** Completes the open task at this element, after checking who gets it. */
  private static void work(ProcessInstance pi, String taskDefinitionKey, String group, Object... variables) {
    assertThat(pi).isWaitingAt(taskDefinitionKey);
    Task task = task(taskDefinitionKey, pi);
    assertThat(task).hasCandidateGroup(group);
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2)
      values.put((String) variables[i], variables[i + 1]);
    complete(task, values);
  }

  /** Runs the async continuation waiting at this element. */
  private static void run(ProcessInstance pi, String activityId) {
    assertThat(pi).isWaitingAt(activityId);
    execute(job(activityId, pi));
  }

  private static Job timer(ProcessInstance pi, String activityId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
        .singleResult();
  }

  /** From the start to the agent's decision task (the window check in between is the real decision). */
  private static void decide(ProcessInstance pi, boolean approved, String wish) {
    work(pi, USER_TASK_DECIDE_RETURN, "crm-frontend", NEEDS_CUSTOMER_INFO.name(), false, RETURN_APPROVED.name(),
        approved,
        CUSTOMER_WISH.name(), wish, REFUSAL_REASON.name(), approved ? null : "Delivered 45 days ago.");
  }

  /** Amazon FBM only: the decision is recorded in Seller Central by the agent. */
  private static void recordInSellerCentralIfFbm(ProcessInstance pi, ConsumerChannel channel) {
    if (channel == ConsumerChannel.AMAZON_FBM) {
      work(pi, USER_TASK_RECORD_DECISION_IN_SELLER_CENTRAL, "crm-frontend", SELLER_CENTRAL_CONFIRMED.name(), true);
      // Listed as an outside-system request when the task is created, done when it is completed.
      verify(sellerCentralDecision, org.mockito.Mockito.times(2)).notify(any());
    } else {
      assertThat(pi).hasNotPassed(USER_TASK_RECORD_DECISION_IN_SELLER_CENTRAL);
    }
  }

  /** What a call activity of this return passes to outside-system-handoff: the kind and the case. */
  private static HandoffCalls.Call handoff(String kind, ProcessInstance pi) {
    return new HandoffCalls.Call(kind, 1L, pi.getBusinessKey(), pi.getBusinessKey());
  }

  /** Approved return up to the warehouse's receipt: RMA, then label and instructions through the hand-off. */
  private void approveAndLabel(ProcessInstance pi, ConsumerChannel channel, String wish) {
    decide(pi, true, wish);
    recordInSellerCentralIfFbm(pi, channel);
    // Logistics books the label and the customer gets the instructions through the hand-off (tested with its own model).
    assertThat(pi).hasPassed(SERVICE_TASK_CREATE_RMA, CALL_ACTIVITY_CREATE_RETURN_LABEL)
        .isWaitingAt(USER_TASK_RECEIVE_RETURNED_ITEM);
    assertThat(pi).variables().containsEntry(RMA_NUMBER.name(), "RMA-2026-000002");
    assertThat(handoffs.calls()).containsExactly(handoff("RETURN_LABEL", pi));
  }

  /** Approved return up to the warehouse's inspection: RMA, label and instructions, receipt. */
  private void approveAndReceive(ProcessInstance pi, ConsumerChannel channel, String wish) {
    approveAndLabel(pi, channel, wish);
    work(pi, USER_TASK_RECEIVE_RETURNED_ITEM, "warehouse", ITEM_RECEIVED.name(), true);
    run(pi, SERVICE_TASK_SEND_GOODS_RECEIVED);
    assertThat(pi).isWaitingAt(USER_TASK_INSPECT_RETURNED_ITEM);
  }

  private static void inspect(ProcessInstance pi, String condition) {
    work(pi, USER_TASK_INSPECT_RETURNED_ITEM, "warehouse", ITEM_CONDITION.name(), condition, INSPECTION_NOTES.name(),
        "Checked.");
  }

  /**
   * The refund branch, the same for every sales channel: finance refunds through the hand-off (kind REFUND), in
   * Seller Central for Amazon orders and in the shop back end otherwise; that choice is the hand-off's business.
   */
  private void assertRefunded(ProcessInstance pi) {
    assertThat(pi).isEnded().hasPassed(GATEWAY_REFUND_NEEDED, CALL_ACTIVITY_REFUND_CUSTOMER, END_EVENT_REFUND_ISSUED)
        .hasNotPassed(CALL_ACTIVITY_SHIP_REPLACEMENT, CALL_ACTIVITY_SEND_ITEM_BACK);
    assertThat(handoffs.calls()).containsExactly(handoff("RETURN_LABEL", pi), handoff("REFUND", pi));
  }

  // ------------------------------------------------------------------ routing

  @Test
  void guidesAmazonFbaCustomersToAmazonsReturnCentre() throws Exception {
    ProcessInstance pi = start(facts("AMAZON", "FBA", "CONSUMER", 10));
    verify(prepareReturn).execute(any());
    run(pi, SERVICE_TASK_GUIDE_TO_AMAZON_RETURN);
    verify(guideToAmazonReturn).execute(any());
    assertThat(pi).isEnded().hasPassed(END_EVENT_GUIDED_TO_AMAZON).hasNotPassed(BUSINESS_RULE_TASK_CHECK_RETURN_WINDOW);
  }

  @Test
  void redirectsRetailConsumersToTheirShop() throws Exception {
    for (String customerType : new String[]{"CONSUMER", null}) {
      ProcessInstance pi = start(facts("RETAILER", null, customerType, 240));
      run(pi, SERVICE_TASK_REDIRECT_TO_RETAILER);
      assertThat(pi).isEnded().hasPassed(END_EVENT_REDIRECTED_TO_RETAILER)
          .hasNotPassed(BUSINESS_RULE_TASK_CHECK_RETURN_WINDOW, SERVICE_TASK_AUTHORIZE_BULK_RETURN);
    }
    verify(redirectToRetailer, org.mockito.Mockito.times(2)).execute(any());
    assertThat(handoffs.calls()).as("nothing to ship or refund").isEmpty();
  }

  @Test
  void creditsARetailersBulkReturnOfDefectiveStock() throws Exception {
    ProcessInstance pi = start(facts("RETAILER", null, "BUSINESS", 240));
    run(pi, SERVICE_TASK_AUTHORIZE_BULK_RETURN);
    verify(authorizeBulkReturn).execute(any());
    assertThat(pi).variables().containsEntry(RMA_NUMBER.name(), "RMA-2026-000001");
    // Logistics books the collection and the retailer is told through the hand-off (tested with its own model).
    assertThat(pi).hasPassed(CALL_ACTIVITY_ARRANGE_BULK_PICKUP).isWaitingAt(USER_TASK_INSPECT_BULK_RETURN);
    assertThat(handoffs.calls()).containsExactly(handoff("PICKUP", pi));
    work(pi, USER_TASK_INSPECT_BULK_RETURN, "warehouse", UNITS_RECEIVED.name(), 12, UNITS_DEFECTIVE.name(), 9,
        INSPECTION_NOTES.name(), "Motor fails on 9 units.");
    verify(bulkInspectionCheck).notify(any());
    work(pi, USER_TASK_ISSUE_CREDIT_NOTE, "finance", CREDIT_NOTE_NUMBER.name(), "CN-2026-0042",
        CREDIT_NOTE_AMOUNT.name(), 801.0);
    run(pi, SERVICE_TASK_RECORD_CREDIT_NOTE);
    verify(recordCreditNote).execute(any());
    assertThat(pi).isEnded().hasPassed(END_EVENT_CREDIT_NOTE_ISSUED)
        .hasNotPassed(BUSINESS_RULE_TASK_CHECK_RETURN_WINDOW);
  }

  @Test
  void aWrongBulkCountKeepsTheWarehouseTaskOpen() {
    doThrow(new io.aftersales.shared.TaskInputRefused("Units defective must be between 0 and the units received (2)."))
        .when(bulkInspectionCheck).notify(any());
    ProcessInstance pi = start(facts("RETAILER", null, "BUSINESS", 240));
    execute(job(SERVICE_TASK_AUTHORIZE_BULK_RETURN, pi));
    assertThat(handoffs.kinds()).containsExactly("PICKUP");
    Task inspection = task(USER_TASK_INSPECT_BULK_RETURN, pi);
    assertThatThrownBy(() -> complete(inspection, withVariables(UNITS_RECEIVED.name(), 2, UNITS_DEFECTIVE.name(), 3)))
        .hasMessageContaining("Units defective");
    assertThat(pi).isWaitingAt(USER_TASK_INSPECT_BULK_RETURN).hasNotPassed(USER_TASK_ISSUE_CREDIT_NOTE);
  }

  // ------------------------------------------------------------------ window and decision

  @Test
  void theAgentSeesTheWindowResultAsPlainVariables() {
    ProcessInstance pi = start(ConsumerChannel.OWN_SHOP, 31);
    assertThat(pi).hasPassed(BUSINESS_RULE_TASK_CHECK_RETURN_WINDOW).isWaitingAt(USER_TASK_DECIDE_RETURN);
    assertThat(pi).variables().containsEntry(WITHIN_RETURN_WINDOW.name(), false)
        .containsEntry(RETURN_WINDOW_DAYS.name(), 30).containsKey(WINDOW_NOTE.name())
        // only the flat values reach the process (output mappings of decisionResult), no serialized result map
        .doesNotContainKeys("returnWindow", "decisionResult");
    assertThat((String) runtimeService().getVariable(pi.getId(), WINDOW_NOTE.name())).contains("Outside the 30-day");
  }

  @ParameterizedTest
  @EnumSource(ConsumerChannel.class)
  void refusesWithTheAgentsReason(ConsumerChannel channel) throws Exception {
    ProcessInstance pi = start(channel, 45);
    decide(pi, false, null);
    verify(returnDecisionCheck).notify(any());
    recordInSellerCentralIfFbm(pi, channel);
    run(pi, SERVICE_TASK_SEND_RETURN_REFUSAL);
    verify(sendReturnRefusal).execute(any());
    verify(createRma, never()).execute(any());
    assertThat(pi).isEnded().hasPassed(END_EVENT_RETURN_REFUSED, END_EVENT_DECISION_MADE);
  }

  @Test
  void anIncompleteDecisionKeepsTheAgentsTaskOpen() {
    doThrow(new io.aftersales.shared.TaskInputRefused("Choose what the customer wants: REFUND or REPLACEMENT."))
        .when(returnDecisionCheck).notify(any());
    ProcessInstance pi = start(ConsumerChannel.OWN_SHOP, 6);
    assertThatThrownBy(() -> complete(task(USER_TASK_DECIDE_RETURN, pi), withVariables(RETURN_APPROVED.name(), true)))
        .hasMessageContaining("REFUND or REPLACEMENT");
    assertThat(pi).isWaitingAt(USER_TASK_DECIDE_RETURN).hasNotPassed(SERVICE_TASK_CREATE_RMA);
  }

  @ParameterizedTest
  @EnumSource(ConsumerChannel.class)
  void asksTheCustomerAndDecidesOnTheAnswer(ConsumerChannel channel) throws Exception {
    ProcessInstance pi = start(channel, null);
    assertThat(pi).variables().containsEntry(WITHIN_RETURN_WINDOW.name(), false);
    work(pi, USER_TASK_DECIDE_RETURN, "crm-frontend", NEEDS_CUSTOMER_INFO.name(), true,
        QUESTION_TO_CUSTOMER.name(), "When was the pan delivered?");
    run(pi, SERVICE_TASK_ASK_CUSTOMER);
    verify(askCustomer).execute(any());
    // the event-based gateway waits for whichever comes first: the answer or the timeout
    assertThat(pi).isWaitingAt(GATEWAY_AWAIT_CUSTOMER_ANSWER);
    assertThat(timer(pi, INTERMEDIATE_CATCH_EVENT_ANSWER_OVERDUE)).isNotNull();
    assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventName(MESSAGE_CUSTOMER_REPLIED).count()).isEqualTo(1);

    // service-case correlates every customer message to all waiting executions of the case
    runtimeService().createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED)
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(LAST_CUSTOMER_MESSAGE.name(), "It arrived last Monday.")
        .correlateAllWithResult();
    assertThat(pi).hasPassed(INTERMEDIATE_CATCH_EVENT_CUSTOMER_ANSWERED).isWaitingAt(USER_TASK_DECIDE_RETURN);
    assertThat(pi).variables().containsEntry(LAST_CUSTOMER_MESSAGE.name(), "It arrived last Monday.");
    assertThat(timer(pi, INTERMEDIATE_CATCH_EVENT_ANSWER_OVERDUE)).as("the reminder timer is gone").isNull();

    decide(pi, false, null);
    recordInSellerCentralIfFbm(pi, channel);
    run(pi, SERVICE_TASK_SEND_RETURN_REFUSAL);
    assertThat(pi).isEnded().hasPassed(END_EVENT_RETURN_REFUSED);
  }

  @Test
  void closesTheReturnWhenTheCustomerDoesNotAnswer() throws Exception {
    Map<String, Object> variables = facts("ECOMMERCE", null, "CONSUMER", null);
    variables.put(CUSTOMER_ANSWER_TIMEOUT.name(), "P10D");
    ProcessInstance pi = start(variables);
    complete(task(USER_TASK_DECIDE_RETURN, pi), withVariables(NEEDS_CUSTOMER_INFO.name(), true,
        QUESTION_TO_CUSTOMER.name(), "Which order is it?"));
    Date asked = ClockUtil.getCurrentTime();
    run(pi, SERVICE_TASK_ASK_CUSTOMER);
    Job overdue = timer(pi, INTERMEDIATE_CATCH_EVENT_ANSWER_OVERDUE);
    assertThat(Duration.between(asked.toInstant(), overdue.getDuedate().toInstant()))
        .as("timer from the customerAnswerTimeout variable")
        .isBetween(Duration.ofDays(10).minusMinutes(1), Duration.ofDays(10).plusMinutes(1));
    execute(overdue);
    run(pi, SERVICE_TASK_CLOSE_UNANSWERED_RETURN);
    verify(closeUnansweredReturn).execute(any());
    assertThat(pi).isEnded().hasPassed(INTERMEDIATE_CATCH_EVENT_ANSWER_OVERDUE, END_EVENT_RETURN_ABANDONED)
        .hasNotPassed(INTERMEDIATE_CATCH_EVENT_CUSTOMER_ANSWERED);
  }

  @Test
  void aTeamLeadIsAskedToExpediteAndTheReminderEndsWithTheDecision() throws Exception {
    Map<String, Object> variables = facts("AMAZON", "FBM", "CONSUMER", 2);
    variables.put(RETURN_DECISION_OLA.name(), "PT4H");
    // Friday 16:00 in Berlin: customer care works two more hours, then two on Saturday morning (open 09:00-13:00).
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-04T15:00:00Z")));
    ProcessInstance pi = start(variables);
    Job overdue = timer(pi, BOUNDARY_EVENT_DECISION_OVERDUE);
    assertThat(overdue.getDuedate()).as("4 business hours of customer care")
        .isEqualTo(Date.from(java.time.Instant.parse("2026-12-05T10:00:00Z")));
    execute(overdue);
    // non-interrupting: the agent's task stays, the team lead gets one beside it
    assertThat(pi).isWaitingAt(USER_TASK_DECIDE_RETURN, USER_TASK_EXPEDITE_RETURN_DECISION);
    assertThat(task(USER_TASK_EXPEDITE_RETURN_DECISION, pi)).hasCandidateGroup("team-lead");

    decide(pi, true, "REFUND");
    assertThat(pi).hasPassed(END_EVENT_DECISION_MADE).hasNotPassed(END_EVENT_DECISION_EXPEDITED)
        .isWaitingAt(USER_TASK_RECORD_DECISION_IN_SELLER_CENTRAL);
    assertThat(task(USER_TASK_EXPEDITE_RETURN_DECISION, pi)).as("the team lead's task ended by itself").isNull();
  }

  @Test
  void theTeamLeadMayFinishFirstAndTheAgentStillDecides() throws Exception {
    ProcessInstance pi = start(ConsumerChannel.OWN_SHOP, 2);
    execute(timer(pi, BOUNDARY_EVENT_DECISION_OVERDUE));
    work(pi, USER_TASK_EXPEDITE_RETURN_DECISION, "team-lead", DECISION_ESCALATION_NOTE.name(), "Assigned to Anna.");
    assertThat(pi).hasPassed(END_EVENT_DECISION_EXPEDITED).isWaitingAt(USER_TASK_DECIDE_RETURN);
    decide(pi, true, "REFUND");
    assertThat(pi).hasPassed(CALL_ACTIVITY_CREATE_RETURN_LABEL).isWaitingAt(USER_TASK_RECEIVE_RETURNED_ITEM);
    assertThat(handoffs.calls()).containsExactly(handoff("RETURN_LABEL", pi));
  }

  // ------------------------------------------------------------------ RMA, receipt, inspection, outcomes

  @ParameterizedTest
  @EnumSource(ConsumerChannel.class)
  void refundsAnUnusedItemInFull(ConsumerChannel channel) throws Exception {
    ProcessInstance pi = start(channel, 6);
    approveAndReceive(pi, channel, "REFUND");
    inspect(pi, "NEW");
    assertThat(pi).hasPassed(BUSINESS_RULE_TASK_DECIDE_RETURN_OUTCOME, SERVICE_TASK_APPLY_DISPOSITION);
    assertThat(pi).variables().containsEntry(OUTCOME.name(), "FULL_REFUND").containsEntry(REFUND_PERCENT.name(), 100)
        .containsEntry(DISPOSITION.name(), "RESTOCK").doesNotContainKeys("returnOutcome", "decisionResult");
    assertRefunded(pi);
    verify(applyDisposition).execute(any());
  }

  @ParameterizedTest
  @EnumSource(ConsumerChannel.class)
  void refundsHalfForADamagedItem(ConsumerChannel channel) throws Exception {
    ProcessInstance pi = start(channel, 20);
    approveAndReceive(pi, channel, "REFUND");
    inspect(pi, "DAMAGED");
    assertThat(pi).variables().containsEntry(OUTCOME.name(), "PARTIAL_REFUND").containsEntry(REFUND_PERCENT.name(), 50)
        .containsEntry(DISPOSITION.name(), "SCRAP");
    assertRefunded(pi);
  }

  @ParameterizedTest
  @EnumSource(ConsumerChannel.class)
  void shipsAReplacementForAnOpenedItem(ConsumerChannel channel) throws Exception {
    ProcessInstance pi = start(channel, 6);
    approveAndReceive(pi, channel, "REPLACEMENT");
    inspect(pi, "OPENED");
    assertThat(pi).variables().containsEntry(OUTCOME.name(), "REPLACEMENT").containsEntry(DISPOSITION.name(),
        "REFURBISH");
    run(pi, SERVICE_TASK_RESERVE_REPLACEMENT);
    verify(reserveReplacement).execute(any());
    // Logistics ships the reserved unit and the customer is told through the hand-off.
    assertThat(pi).isEnded().hasPassed(GATEWAY_REPLACEMENT_RESERVED, CALL_ACTIVITY_SHIP_REPLACEMENT,
        END_EVENT_REPLACEMENT_SHIPPED).hasNotPassed(GATEWAY_REFUND_NEEDED, CALL_ACTIVITY_REFUND_CUSTOMER);
    assertThat(handoffs.calls()).containsExactly(handoff("RETURN_LABEL", pi), handoff("REPLACEMENT", pi));
  }

  @ParameterizedTest
  @EnumSource(ConsumerChannel.class)
  void refundsInFullWhenNoReplacementIsInStock(ConsumerChannel channel) throws Exception {
    replacementInStock = false;
    ProcessInstance pi = start(channel, 6);
    approveAndReceive(pi, channel, "REPLACEMENT");
    inspect(pi, "NEW");
    run(pi, SERVICE_TASK_RESERVE_REPLACEMENT);
    verify(reserveReplacement).execute(any());
    assertThat(pi).hasPassed(GATEWAY_REPLACEMENT_RESERVED).variables().containsEntry(REPLACEMENT_RESERVED.name(), false)
        .containsEntry(OUTCOME.name(), "FULL_REFUND").containsEntry(REFUND_PERCENT.name(), 100);
    assertRefunded(pi);
  }

  @ParameterizedTest
  @EnumSource(ConsumerChannel.class)
  void sendsADamagedItemBackWhenTheCustomerWantedAReplacement(ConsumerChannel channel) throws Exception {
    ProcessInstance pi = start(channel, 6);
    approveAndReceive(pi, channel, "REPLACEMENT");
    inspect(pi, "DAMAGED");
    assertThat(pi).variables().containsEntry(OUTCOME.name(), "REFUSE_AND_SEND_BACK").containsEntry(DISPOSITION.name(),
        "NONE");
    // Logistics sends the item back and the customer learns why through the hand-off.
    assertThat(pi).isEnded().hasPassed(CALL_ACTIVITY_SEND_ITEM_BACK, END_EVENT_RETURN_REJECTED)
        .hasNotPassed(GATEWAY_REFUND_NEEDED, SERVICE_TASK_RESERVE_REPLACEMENT);
    assertThat(handoffs.calls()).containsExactly(handoff("RETURN_LABEL", pi), handoff("SEND_BACK", pi));
  }

  @Test
  void closesTheRmaWhenTheParcelDoesNotArrive() throws Exception {
    ProcessInstance pi = start(ConsumerChannel.OWN_SHOP, 6);
    // The label hand-off completes with the decision: the wait for the parcel starts then.
    Date instructed = ClockUtil.getCurrentTime();
    approveAndLabel(pi, ConsumerChannel.OWN_SHOP, "REFUND");
    Job notReceived = timer(pi, BOUNDARY_EVENT_RETURN_NOT_RECEIVED);
    assertThat(Duration.between(instructed.toInstant(), notReceived.getDuedate().toInstant()))
        .isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30).plusMinutes(1));
    execute(notReceived);
    // interrupting: the warehouse task is gone
    assertThat(task(USER_TASK_RECEIVE_RETURNED_ITEM, pi)).isNull();
    run(pi, SERVICE_TASK_CLOSE_UNRETURNED_RMA);
    verify(closeUnreturnedRma).execute(any());
    assertThat(pi).isEnded().hasPassed(END_EVENT_RETURN_NOT_RECEIVED).hasNotPassed(SERVICE_TASK_SEND_GOODS_RECEIVED);
    assertThat(handoffs.kinds()).as("no refund without the item").containsExactly("RETURN_LABEL");
  }

  @Test
  void anOverdueInspectionIsEscalatedAndTheEscalationEndsWithTheInspection() throws Exception {
    ProcessInstance pi = start(ConsumerChannel.OWN_SHOP, 6);
    // Received on Wednesday 23 December 2026 at 15:00 in Berlin: the warehouse is closed on the 24th, 25th and 26th
    // (company closing day, Christmas), so two business days end on Tuesday 29 December at 15:00.
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-23T14:00:00Z")));
    approveAndReceive(pi, ConsumerChannel.OWN_SHOP, "REFUND");
    Job overdue = timer(pi, BOUNDARY_EVENT_INSPECTION_OVERDUE);
    assertThat(overdue.getDuedate()).as("inspection OLA: 2 business days of the warehouse")
        .isEqualTo(Date.from(java.time.Instant.parse("2026-12-29T14:00:00Z")));
    execute(overdue);
    assertThat(pi).isWaitingAt(USER_TASK_INSPECT_RETURNED_ITEM, USER_TASK_EXPEDITE_INSPECTION);
    assertThat(task(USER_TASK_EXPEDITE_INSPECTION, pi)).hasCandidateGroup("team-lead");
    inspect(pi, "NEW");
    assertThat(task(USER_TASK_EXPEDITE_INSPECTION, pi)).isNull();
    assertThat(pi).hasPassed(END_EVENT_INSPECTION_DONE).hasNotPassed(END_EVENT_INSPECTION_EXPEDITED);
    assertRefunded(pi);
  }

  @Test
  void theTeamLeadMayCloseTheInspectionReminderFirst() throws Exception {
    ProcessInstance pi = start(ConsumerChannel.OWN_SHOP, 6);
    approveAndReceive(pi, ConsumerChannel.OWN_SHOP, "REFUND");
    execute(timer(pi, BOUNDARY_EVENT_INSPECTION_OVERDUE));
    work(pi, USER_TASK_EXPEDITE_INSPECTION, "team-lead", INSPECTION_ESCALATION_NOTE.name(), "Walter checks it today.");
    assertThat(pi).hasPassed(END_EVENT_INSPECTION_EXPEDITED).isWaitingAt(USER_TASK_INSPECT_RETURNED_ITEM);
  }

  @Test
  void aGoodsReceivedStepThatKeepsFailingBecomesAnIncidentNotALoss() throws Exception {
    doThrow(new IllegalStateException("Mail server unreachable")).when(sendGoodsReceived).execute(any());
    ProcessInstance pi = start(ConsumerChannel.OWN_SHOP, 6);
    approveAndLabel(pi, ConsumerChannel.OWN_SHOP, "REFUND");
    work(pi, USER_TASK_RECEIVE_RETURNED_ITEM, "warehouse", ITEM_RECEIVED.name(), true);
    int attempts = 0;
    while (job(SERVICE_TASK_SEND_GOODS_RECEIVED, pi).getRetries() > 0) {
      assertThatThrownBy(() -> execute(job(SERVICE_TASK_SEND_GOODS_RECEIVED, pi)))
          .hasMessageContaining("Mail server unreachable");
      attempts++;
    }
    assertThat(attempts).as("attempts of retry cycle R5/PT5M").isEqualTo(5);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    // The receipt is kept: the step waits for an operator, nothing further happens meanwhile.
    assertThat(pi).hasPassed(USER_TASK_RECEIVE_RETURNED_ITEM).isWaitingAt(SERVICE_TASK_SEND_GOODS_RECEIVED).isNotEnded()
        .hasNotPassed(USER_TASK_INSPECT_RETURNED_ITEM);
    assertThat(handoffs.kinds()).containsExactly("RETURN_LABEL");
  }
}
