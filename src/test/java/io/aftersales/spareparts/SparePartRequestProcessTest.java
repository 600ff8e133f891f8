package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.aftersales.HandoffCalls;
import io.aftersales.shared.TaskInputRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.community.mockito.DelegateExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of processes/spareparts/spare-part-request.bpmn with the real charge decision and the
 * delegates mocked by bean name: free and paid parts for every sales channel, goodwill, the payment
 * wait with its reminder and deadline timers, out of stock and the supplier wait with its chase
 * cycle, parts not accepted or not available, and a failing step becoming an incident.
 */
@Deployment(resources = {"processes/spareparts/spare-part-request.bpmn", "processes/spareparts/spare-part-charge.dmn"})
class SparePartRequestProcessTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  // Every flow node and sequence flow must be reached by the class; report under target/process-test-coverage.
  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.Companion
      .builder("process-test.cfg.xml")
      // The hand-off is a mock here (its model has its own test); counted, it would inflate the ratio.
      .excludeProcessDefinitionKeys("outside-system-handoff").assertClassCoverageAtLeast(1.0).build();

  JavaDelegate prepare;
  JavaDelegate loadPartDetails;
  JavaDelegate closeRequest;
  JavaDelegate sendQuote;
  JavaDelegate sendPaymentReminder;
  JavaDelegate cancelQuote;
  JavaDelegate reservePart;
  JavaDelegate orderFromSupplier;
  JavaDelegate recordSupplierDelivery;
  JavaDelegate sendDeliveryUpdate;
  HandoffCalls handoffs;
  /** What successive ServiceTask_ReservePart runs find in stock (true = reserved); last value repeats. */
  final Deque<Boolean> stock = new ArrayDeque<>();

  org.camunda.bpm.engine.delegate.ExecutionListener loadCaseFacts;

  @BeforeEach
  void mockDelegates() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NOW));
    // The facts come with the test's start variables; in production this listener loads them from the case.
    loadCaseFacts = DelegateExpressions.registerExecutionListenerMock("loadCaseFactsListener").getMock();
    prepare = mock("prepareSparePartRequestDelegate",
        Map.of(SPARE_PART_ORDER_ID.name(), 7L, PAYMENT_REMINDER_AFTER.name(), "P3D",
            PAYMENT_CANCEL_AFTER.name(), "P10D", SUPPLIER_DELIVERY_OLA.name(), "P10D", QUANTITY.name(), 1,
            GOODWILL_REQUESTED.name(), false));
    loadPartDetails =
        mock("loadPartDetailsDelegate", Map.of(SPARE_PART_NAME.name(), "Glass lid 28 cm", SPARE_PART_PRICE.name(), 12.5,
            AMOUNT_DUE.name(), 12.5));
    closeRequest = DelegateExpressions.registerJavaDelegateMock("closeSparePartRequestDelegate").getMock();
    sendQuote = mock("sendQuoteDelegate", Map.of(PAYMENT_REQUEST_REFERENCE.name(), "PAY-SC-2026-000001-1"));
    sendPaymentReminder = DelegateExpressions.registerJavaDelegateMock("sendPaymentReminderDelegate").getMock();
    cancelQuote = DelegateExpressions.registerJavaDelegateMock("cancelQuoteDelegate").getMock();
    reservePart = DelegateExpressions.registerJavaDelegateMock("reservePartDelegate").getMock();
    doAnswer(inv -> {
      boolean reserved = stock.size() > 1 ? stock.poll() : stock.isEmpty() || stock.peek();
      inv.<DelegateExecution>getArgument(0).setVariable(PART_RESERVED.name(), reserved);
      return null;
    }).when(reservePart).execute(any());
    orderFromSupplier = mock("orderPartFromSupplierDelegate", Map.of(PURCHASE_ORDER_NUMBER.name(), "PO-2026-000001",
        PURCHASE_ORDER_DELIVERED.name(), false));
    recordSupplierDelivery = mock("recordSupplierDeliveryDelegate", Map.of(PURCHASE_ORDER_DELIVERED.name(), true));
    sendDeliveryUpdate = DelegateExpressions.registerJavaDelegateMock("sendDeliveryUpdateDelegate").getMock();
    handoffs = HandoffCalls.deploy(processEngine());
  }

  private static JavaDelegate mock(String bean, Map<String, Object> variables) {
    var registered = DelegateExpressions.registerJavaDelegateMock(bean);
    registered.onExecutionSetVariables(variables);
    return registered.getMock();
  }

  @AfterEach
  void reset() {
    handoffs.undeploy();
    Mocks.reset();
    ClockUtil.reset();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Starts the process as service-case does: business key = case number, the case facts as variables. */
  private ProcessInstance request(String salesChannel, String customerType, Integer monthsSincePurchase,
      Integer warrantyMonths) {
    Map<String, Object> v = new HashMap<>();
    v.put(CASE_ID.name(), 1L);
    v.put(CASE_NUMBER.name(), "SC-2026-000001");
    v.put(CUSTOMER_NAME.name(), "Maria Rossi");
    v.put(SALES_CHANNEL.name(), salesChannel);
    v.put(CUSTOMER_TYPE.name(), customerType);
    v.put(PRODUCT_SKU.name(), "KW-PAN-28");
    v.put(WARRANTY_MONTHS.name(), warrantyMonths);
    v.put(MONTHS_SINCE_PURCHASE.name(), monthsSincePurchase);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "SC-2026-000001", v);
    assertThat(pi).hasPassed(SERVICE_TASK_PREPARE_SPARE_PART_REQUEST).isWaitingAt(USER_TASK_IDENTIFY_PART);
    assertThat(task(pi)).hasCandidateGroup("crm-frontend");
    return pi;
  }

  private ProcessInstance request(String salesChannel) {
    return request(salesChannel, "CONSUMER", 2, 24);
  }

  /** Customer care identifies the part (UserTask_IdentifyPart). */
  private void identify(ProcessInstance pi, String reason, boolean goodwill) {
    complete(task(USER_TASK_IDENTIFY_PART, pi), withVariables(PART_IDENTIFICATION.name(), "PART_IDENTIFIED",
        SPARE_PART_SKU.name(), "SP-LID-28", QUANTITY.name(), 1, PART_REASON.name(), reason,
        SHIPPING_ADDRESS.name(), "Via Roma 1, 80100 Napoli", GOODWILL_REQUESTED.name(), goodwill,
        GOODWILL_REASON.name(), goodwill ? "Loyal customer" : null));
  }

  private Job timer(ProcessInstance pi, String activityId) {
    List<Job> timers = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId(activityId).list();
    assertThat(timers).as("timer at " + activityId).hasSize(1);
    return timers.get(0);
  }

  private void assertDue(Job timer, Duration after) {
    assertThat(timer.getDuedate()).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(after)));
  }

  private void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  private void paymentArrives() {
    var result = runtimeService().createMessageCorrelation(MESSAGE_PAYMENT_RECEIVED)
        .processInstanceBusinessKey("SC-2026-000001").setVariable(PAYMENT_REFERENCE.name(), "BANK-4711")
        .correlateAllWithResult();
    assertThat(result).hasSize(1);
  }

  /** From the reservation to the tracking number, part in stock: warehouse picks, logistics ships. */
  private void pickShipAndTrack(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(SERVICE_TASK_RESERVE_PART);
    execute(job(SERVICE_TASK_RESERVE_PART, pi));
    assertThat(pi).isWaitingAt(USER_TASK_PICK_PART);
    assertThat(task(pi)).hasCandidateGroup("warehouse");
    complete(task(pi), withVariables(PART_PICKED.name(), true, BIN_LOCATION.name(), "B-04-2"));
    // Logistics books the parcel and the customer is told through the hand-off (tested with its own model).
    assertThat(pi).hasPassed(CALL_ACTIVITY_SHIP_PART, END_EVENT_PART_SHIPPED).isEnded();
    assertThat(handoffs.calls()).containsExactly(
        new HandoffCalls.Call("SPARE_PART", 1L, "SC-2026-000001", "SC-2026-000001"));
  }

  // ---- free and paid, per sales channel ------------------------------------------------------------

  @ParameterizedTest(name = "{0}: defect within warranty ships free from stock")
  @CsvSource(value = {"ECOMMERCE", "AMAZON", "RETAILER", "NULL"}, nullValues = "NULL")
  void aDefectWithinTheWarrantyShipsFreeFromStock(String salesChannel) throws Exception {
    ProcessInstance pi = request(salesChannel);
    identify(pi, "DEFECT", false);
    assertThat(pi).hasPassed(SERVICE_TASK_LOAD_PART_DETAILS, BUSINESS_RULE_TASK_DECIDE_PART_CHARGE)
        .variables().containsEntry(FREE.name(), true);
    assertThat((String) runtimeService().getVariable(pi.getId(), CHARGE_NOTE.name())).contains("free");
    // The decision's map stays inside the task; only the flattened outputs are process variables.
    assertThat(runtimeService().getVariable(pi.getId(), "partCharge")).isNull();
    pickShipAndTrack(pi);
    assertThat(pi).hasNotPassed(SERVICE_TASK_SEND_QUOTE, USER_TASK_DECIDE_GOODWILL);
    verify(sendQuote, never()).execute(any());
    assertThat(handoffs.kinds()).containsExactly("SPARE_PART");
  }

  @ParameterizedTest(name = "{0}: a lost part is quoted, paid, then shipped")
  @CsvSource(value = {"ECOMMERCE", "AMAZON", "RETAILER", "NULL"}, nullValues = "NULL")
  void aLostPartIsQuotedAndShippedOncePaid(String salesChannel) throws Exception {
    ProcessInstance pi = request(salesChannel);
    identify(pi, "LOST", false);
    assertThat(pi).variables().containsEntry(FREE.name(), false);
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_QUOTE);
    execute(job(SERVICE_TASK_SEND_QUOTE, pi));
    verify(sendQuote).execute(any());
    // The event-based gateway waits for whichever comes first: the payment or the reminder timer.
    assertThat(pi).isWaitingAt(GATEWAY_AWAIT_PAYMENT);
    assertDue(timer(pi, INTERMEDIATE_CATCH_EVENT_PAYMENT_REMINDER_DUE), Duration.ofDays(3));
    paymentArrives();
    assertThat(pi).hasPassed(INTERMEDIATE_CATCH_EVENT_PAYMENT_RECEIVED).hasNotPassed(SERVICE_TASK_SEND_PAYMENT_REMINDER)
        .variables().containsEntry(PAYMENT_REFERENCE.name(), "BANK-4711");
    // The reminder timer is gone with the payment.
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    pickShipAndTrack(pi);
  }

  // ---- the payment wait ----------------------------------------------------------------------------

  @Test
  void aPaymentAfterTheReminderStillShipsThePart() throws Exception {
    ProcessInstance pi = request("RETAILER");
    identify(pi, "WEAR", false);
    execute(job(SERVICE_TASK_SEND_QUOTE, pi));
    moveClock(Duration.ofDays(3));
    execute(timer(pi, INTERMEDIATE_CATCH_EVENT_PAYMENT_REMINDER_DUE));
    assertThat(pi).hasPassed(INTERMEDIATE_CATCH_EVENT_PAYMENT_REMINDER_DUE)
        .isWaitingAt(SERVICE_TASK_SEND_PAYMENT_REMINDER);
    execute(job(SERVICE_TASK_SEND_PAYMENT_REMINDER, pi));
    verify(sendPaymentReminder).execute(any());
    assertThat(pi).isWaitingAt(GATEWAY_AWAIT_PAYMENT_AFTER_REMINDER);
    assertDue(timer(pi, INTERMEDIATE_CATCH_EVENT_PAYMENT_DEADLINE_PASSED), Duration.ofDays(10));
    paymentArrives();
    assertThat(pi).hasPassed(INTERMEDIATE_CATCH_EVENT_PAYMENT_RECEIVED_AFTER_REMINDER)
        .hasNotPassed(SERVICE_TASK_CANCEL_QUOTE);
    pickShipAndTrack(pi);
  }

  @Test
  void anUnpaidQuoteIsRemindedThenCancelled() throws Exception {
    ProcessInstance pi = request("ECOMMERCE");
    identify(pi, "LOST", false);
    execute(job(SERVICE_TASK_SEND_QUOTE, pi));
    // Not due before its time: the job executor would not pick it up.
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
    moveClock(Duration.ofDays(3));
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isOne();
    execute(timer(pi, INTERMEDIATE_CATCH_EVENT_PAYMENT_REMINDER_DUE));
    execute(job(SERVICE_TASK_SEND_PAYMENT_REMINDER, pi));
    Job deadline = timer(pi, INTERMEDIATE_CATCH_EVENT_PAYMENT_DEADLINE_PASSED);
    assertDue(deadline, Duration.ofDays(10));
    moveClock(Duration.ofDays(10));
    execute(deadline);
    assertThat(pi).hasPassed(INTERMEDIATE_CATCH_EVENT_PAYMENT_DEADLINE_PASSED).isWaitingAt(SERVICE_TASK_CANCEL_QUOTE);
    execute(job(SERVICE_TASK_CANCEL_QUOTE, pi));
    verify(cancelQuote).execute(any());
    assertThat(pi).hasPassed(END_EVENT_QUOTE_EXPIRED).isEnded();
    verify(reservePart, never()).execute(any());
    // A late payment finds nothing waiting.
    assertThat(runtimeService().createMessageCorrelation(MESSAGE_PAYMENT_RECEIVED)
        .processInstanceBusinessKey("SC-2026-000001").correlateAllWithResult()).isEmpty();
  }

  @Test
  void timerDurationsComeFromTheProcessVariables() throws Exception {
    prepare = mock("prepareSparePartRequestDelegate",
        Map.of(SPARE_PART_ORDER_ID.name(), 7L, PAYMENT_REMINDER_AFTER.name(), "PT12H",
            PAYMENT_CANCEL_AFTER.name(), "P2D", SUPPLIER_DELIVERY_OLA.name(), "P5D", QUANTITY.name(), 1));
    ProcessInstance pi = request("ECOMMERCE");
    identify(pi, "LOST", false);
    execute(job(SERVICE_TASK_SEND_QUOTE, pi));
    assertDue(timer(pi, INTERMEDIATE_CATCH_EVENT_PAYMENT_REMINDER_DUE), Duration.ofHours(12));
    execute(timer(pi, INTERMEDIATE_CATCH_EVENT_PAYMENT_REMINDER_DUE));
    execute(job(SERVICE_TASK_SEND_PAYMENT_REMINDER, pi));
    assertDue(timer(pi, INTERMEDIATE_CATCH_EVENT_PAYMENT_DEADLINE_PASSED), Duration.ofDays(2));
    paymentArrives();
    stock.add(false);
    execute(job(SERVICE_TASK_RESERVE_PART, pi));
    execute(job(SERVICE_TASK_ORDER_PART_FROM_SUPPLIER, pi));
    assertDue(timer(pi, BOUNDARY_EVENT_SUPPLIER_DELIVERY_OVERDUE), Duration.ofDays(5));
  }

  // ---- goodwill --------------------------------------------------------------------------------------

  @Test
  void aTeamLeadCanSendAChargedPartFreeAsGoodwill() throws Exception {
    // Business customer, kettle 30 months old with 24 months warranty: charged by the decision.
    ProcessInstance pi = request("ECOMMERCE", "BUSINESS", 30, 24);
    identify(pi, "DEFECT", true);
    assertThat(pi).variables().containsEntry(FREE.name(), false);
    assertThat(pi).isWaitingAt(USER_TASK_DECIDE_GOODWILL);
    assertThat(task(pi)).hasCandidateGroup("team-lead");
    complete(task(pi), withVariables(GOODWILL_GRANTED.name(), true, GOODWILL_NOTE.name(), "Key account"));
    assertThat(pi).hasPassed(GATEWAY_GOODWILL_GRANTED).hasNotPassed(SERVICE_TASK_SEND_QUOTE);
    pickShipAndTrack(pi);
  }

  @Test
  void aRefusedGoodwillIsQuoted() throws Exception {
    ProcessInstance pi = request("AMAZON", "CONSUMER", 40, 36);
    identify(pi, "DEFECT", true);
    assertThat(pi).isWaitingAt(USER_TASK_DECIDE_GOODWILL);
    complete(task(pi), withVariables(GOODWILL_GRANTED.name(), false, GOODWILL_NOTE.name(), "Warranty long over"));
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_QUOTE);
  }

  @Test
  void aGoodwillRequestForAFreePartNeedsNoTeamLead() throws Exception {
    ProcessInstance pi = request("ECOMMERCE");
    identify(pi, "DEFECT", true);
    assertThat(pi).hasNotPassed(USER_TASK_DECIDE_GOODWILL).isWaitingAt(SERVICE_TASK_RESERVE_PART);
  }

  // ---- identification ----------------------------------------------------------------------------------

  @Test
  void aPartThatIsNotAcceptedIsRefusedOnTheFormAndTheTaskStaysOpen() throws Exception {
    doThrow(new TaskInputRefused("Spare part SP-LID-99 is not in our master data."))
        .doNothing().when(loadPartDetails).execute(any());
    ProcessInstance pi = request("ECOMMERCE");
    String taskId = task(pi).getId();
    assertThatThrownBy(() -> identify(pi, "DEFECT", false)).isInstanceOf(TaskInputRefused.class)
        .hasMessage("Spare part SP-LID-99 is not in our master data.");
    // The agent's completion is rolled back: the same task, still open, nothing passed after it.
    assertThat(pi).isWaitingAt(USER_TASK_IDENTIFY_PART).hasNotPassed(SERVICE_TASK_LOAD_PART_DETAILS);
    assertThat(task(pi).getId()).isEqualTo(taskId);
    identify(pi, "DEFECT", false);
    assertThat(pi).isWaitingAt(SERVICE_TASK_RESERVE_PART);
    verify(loadPartDetails, times(2)).execute(any());
  }

  @Test
  void aRequestWithoutAvailablePartIsClosedWithCustomerCaresMessage() throws Exception {
    ProcessInstance pi = request("AMAZON");
    complete(task(pi), withVariables(PART_IDENTIFICATION.name(), "NOT_AVAILABLE",
        MESSAGE_TO_CUSTOMER.name(), "We do not offer a spare handle for this pan."));
    assertThat(pi).isWaitingAt(SERVICE_TASK_CLOSE_SPARE_PART_REQUEST);
    execute(job(SERVICE_TASK_CLOSE_SPARE_PART_REQUEST, pi));
    verify(closeRequest).execute(any());
    assertThat(pi).hasPassed(END_EVENT_REQUEST_CLOSED).isEnded().hasNotPassed(SERVICE_TASK_LOAD_PART_DETAILS);
  }

  // ---- out of stock and the supplier wait -----------------------------------------------------------------

  private ProcessInstance outOfStockAwaitingSupplier() throws Exception {
    stock.add(false);
    stock.add(true);
    ProcessInstance pi = request("ECOMMERCE");
    identify(pi, "DEFECT", false);
    execute(job(SERVICE_TASK_RESERVE_PART, pi));
    assertThat(pi).hasPassed(GATEWAY_PART_IN_STOCK).isWaitingAt(SERVICE_TASK_ORDER_PART_FROM_SUPPLIER);
    execute(job(SERVICE_TASK_ORDER_PART_FROM_SUPPLIER, pi));
    verify(orderFromSupplier).execute(any());
    assertThat(pi).isWaitingAt(USER_TASK_RECEIVE_SUPPLIER_DELIVERY);
    assertThat(task(pi)).hasCandidateGroup("warehouse");
    assertDue(timer(pi, BOUNDARY_EVENT_SUPPLIER_DELIVERY_OVERDUE), Duration.ofDays(10));
    return pi;
  }

  @Test
  void aPartOutOfStockIsOrderedAndShippedWhenTheSupplierDelivers() throws Exception {
    ProcessInstance pi = outOfStockAwaitingSupplier();
    complete(task(pi), withVariables(DELIVERY_RECEIVED.name(), true));
    assertThat(pi).isWaitingAt(SERVICE_TASK_RECORD_SUPPLIER_DELIVERY);
    execute(job(SERVICE_TASK_RECORD_SUPPLIER_DELIVERY, pi));
    verify(recordSupplierDelivery).execute(any());
    pickShipAndTrack(pi);
    verify(reservePart, times(2)).execute(any());
    assertThat(pi).hasNotPassed(USER_TASK_CHASE_SUPPLIER_DELIVERY);
  }

  @Test
  void aLateSupplierIsChasedEveryOlaPeriodAndTheChaseEndsWithTheDelivery() throws Exception {
    ProcessInstance pi = outOfStockAwaitingSupplier();
    moveClock(Duration.ofDays(10));
    execute(timer(pi, BOUNDARY_EVENT_SUPPLIER_DELIVERY_OVERDUE));
    // Non-interrupting: the warehouse keeps its task, purchasing gets a chase task.
    assertThat(pi).isWaitingAt(USER_TASK_RECEIVE_SUPPLIER_DELIVERY, USER_TASK_CHASE_SUPPLIER_DELIVERY);
    Task chase = task(USER_TASK_CHASE_SUPPLIER_DELIVERY, pi);
    assertThat(chase).hasCandidateGroup("purchasing");
    // A cycle: the next chase is due one OLA period later.
    assertDue(timer(pi, BOUNDARY_EVENT_SUPPLIER_DELIVERY_OVERDUE), Duration.ofDays(10));
    complete(chase, withVariables(SUPPLIER_EXPECTED_DATE.name(), "2026-12-15", CHASE_NOTE.name(), "Stuck in customs"));
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_DELIVERY_UPDATE);
    execute(job(SERVICE_TASK_SEND_DELIVERY_UPDATE, pi));
    verify(sendDeliveryUpdate).execute(any());
    assertThat(pi).hasPassed(END_EVENT_SUPPLIER_CHASED).isWaitingAt(USER_TASK_RECEIVE_SUPPLIER_DELIVERY);

    // Still late: a second chase. Then the goods arrive while it is open: the chase ends by itself.
    moveClock(Duration.ofDays(10));
    execute(timer(pi, BOUNDARY_EVENT_SUPPLIER_DELIVERY_OVERDUE));
    assertThat(pi).isWaitingAt(USER_TASK_RECEIVE_SUPPLIER_DELIVERY, USER_TASK_CHASE_SUPPLIER_DELIVERY);
    complete(task(USER_TASK_RECEIVE_SUPPLIER_DELIVERY, pi), withVariables(DELIVERY_RECEIVED.name(), true));
    execute(job(SERVICE_TASK_RECORD_SUPPLIER_DELIVERY, pi));
    assertThat(pi).hasPassed(BOUNDARY_EVENT_DELIVERY_ARRIVED, END_EVENT_CHASE_NO_LONGER_NEEDED);
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(USER_TASK_CHASE_SUPPLIER_DELIVERY).count()).isZero();
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    pickShipAndTrack(pi);
    verify(sendDeliveryUpdate, times(1)).execute(any());
  }

  @Test
  void aPartNotOnTheShelfIsOrderedFromTheSupplier() throws Exception {
    ProcessInstance pi = request("ECOMMERCE");
    identify(pi, "DEFECT", false);
    execute(job(SERVICE_TASK_RESERVE_PART, pi));
    complete(task(USER_TASK_PICK_PART, pi), withVariables(PART_PICKED.name(), false,
        PICK_NOTE.name(), "Bin B-04-2 empty"));
    assertThat(pi).hasPassed(GATEWAY_PART_PICKED).isWaitingAt(SERVICE_TASK_ORDER_PART_FROM_SUPPLIER);
    execute(job(SERVICE_TASK_ORDER_PART_FROM_SUPPLIER, pi));
    complete(task(USER_TASK_RECEIVE_SUPPLIER_DELIVERY, pi), withVariables(DELIVERY_RECEIVED.name(), true));
    execute(job(SERVICE_TASK_RECORD_SUPPLIER_DELIVERY, pi));
    pickShipAndTrack(pi);
  }

  // ---- failures ----------------------------------------------------------------------------------------

  @Test
  void aFailingSupplierOrderBecomesAnIncidentAfterFiveAttempts() throws Exception {
    doThrow(new IllegalStateException("supplier portal down")).when(orderFromSupplier).execute(any());
    stock.add(false);
    ProcessInstance pi = request("ECOMMERCE");
    identify(pi, "DEFECT", false);
    execute(job(SERVICE_TASK_RESERVE_PART, pi));
    int attempts = 0;
    while (job(SERVICE_TASK_ORDER_PART_FROM_SUPPLIER, pi).getRetries() > 0) {
      assertThatThrownBy(() -> execute(job(SERVICE_TASK_ORDER_PART_FROM_SUPPLIER, pi)))
          .hasMessageContaining("supplier portal down");
      attempts++;
    }
    assertThat(attempts).as("attempts of retry cycle R5/PT5M").isEqualTo(5);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
    assertThat(pi).isWaitingAt(SERVICE_TASK_ORDER_PART_FROM_SUPPLIER).isNotEnded();
  }

  @Test
  void everyStepThatTalksToMailOrAnOutsideSystemRunsAsyncWithRetries() throws Exception {
    var model = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(KEY).singleResult().getId());
    for (String id : List.of(SERVICE_TASK_CLOSE_SPARE_PART_REQUEST, SERVICE_TASK_SEND_QUOTE,
        SERVICE_TASK_SEND_PAYMENT_REMINDER, SERVICE_TASK_CANCEL_QUOTE, SERVICE_TASK_RESERVE_PART,
        SERVICE_TASK_ORDER_PART_FROM_SUPPLIER, SERVICE_TASK_RECORD_SUPPLIER_DELIVERY,
        SERVICE_TASK_SEND_DELIVERY_UPDATE)) {
      var task = (ServiceTask) model.getModelElementById(id);
      assertThat(task.isCamundaAsyncBefore()).as(id).isTrue();
    }
  }
}
