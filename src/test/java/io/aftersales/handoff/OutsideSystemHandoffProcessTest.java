package io.aftersales.handoff;

import static io.aftersales.handoff.OutsideSystemHandoffProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftersales.finance.Finance;
import io.aftersales.finance.Refund;
import io.aftersales.logistics.Logistics;
import io.aftersales.logistics.Shipment;
import io.aftersales.shared.TaskInputRefused;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every path of processes/handoff/outside-system-handoff.bpmn, called by a procedure as in production, with the
 * real delegates, listener and {@link Handoffs}; Logistics, Finance and the calling procedure's party are mocks.
 */
@Deployment(resources = "processes/handoff/outside-system-handoff.bpmn")
class OutsideSystemHandoffProcessTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  private static final String PROCEDURE = "test-procedure";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.Companion
      .builder("process-test.cfg.xml")
      // Only the hand-off model is measured, not the calling procedure each test deploys.
      .excludeProcessDefinitionKeys(PROCEDURE).assertClassCoverageAtLeast(1.0).build();

  Logistics logistics = mock(Logistics.class);
  Finance finance = mock(Finance.class);
  /** The calling procedure: records what it was asked and told. */
  final List<String> told = new ArrayList<>();
  final List<HandedOff> done = new ArrayList<>();
  HandoffRequest next = HandoffRequest.shipment("RMA-2026-000001", "Prepaid return label for a kettle");
  String parentDeployment;

  @BeforeEach
  void setUp() {
    HandoffParty party = new HandoffParty() {
      @Override
      public String procedure() {
        return PROCEDURE;
      }
      @Override
      public HandoffRequest describe(HandoffKind kind, VariableScope procedure) {
        told.add("describe " + kind + " for return " + procedure.getVariable("returnId"));
        return next;
      }
      @Override
      public void handedOff(HandoffKind kind, VariableScope procedure, HandedOff result, String stepId) {
        told.add("done " + kind + " for return " + procedure.getVariable("returnId"));
        done.add(result);
      }
    };
    Handoffs handoffs = new Handoffs(List.of(party), logistics, finance);
    OutsideSystemHandoffDelegates delegates = new OutsideSystemHandoffDelegates();
    Mocks.register("requestHandoffDelegate", delegates.requestHandoffDelegate(handoffs));
    Mocks.register("confirmHandoffDelegate", delegates.confirmHandoffDelegate(handoffs));
    Mocks.register("handoffInputListener", delegates.handoffInputListener(handoffs, Clock.fixed(NOW, ZoneOffset.UTC)));
    // A procedure calling the hand-off exactly as the real ones do (business key, case, kind).
    parentDeployment = repositoryService().createDeployment().addModelInstance("test-procedure.bpmn",
        Bpmn.createExecutableProcess(PROCEDURE).camundaHistoryTimeToLive(1).startEvent()
            .callActivity("CallActivity_Handoff").calledElement(KEY)
            .camundaIn("caseId", "caseId").camundaIn("caseNumber", "caseNumber").camundaIn("kind", "handoffKind")
            .userTask("UserTask_After").endEvent().done())
        .deploy().getId();
    Shipment shipment = mock(Shipment.class);
    when(shipment.getId()).thenReturn(42L);
    when(logistics.request(any(), anyString(), anyString(), anyString())).thenReturn(shipment);
  }

  @AfterEach
  void tearDown() {
    repositoryService().deleteDeployment(parentDeployment, true);
    Mocks.reset();
  }

  private ProcessInstance handoff(HandoffKind kind) {
    runtimeService().startProcessInstanceByKey(PROCEDURE, "SC-2026-000001", Map.of("caseId", 1L,
        "caseNumber", "SC-2026-000001", "kind", kind.name(), "returnId", 5L));
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();
    assertThat(pi).isWaitingAt(SERVICE_TASK_REQUEST_HANDOFF);
    execute(job(SERVICE_TASK_REQUEST_HANDOFF, pi));
    return pi;
  }

  @ParameterizedTest(name = "{0}: logistics books it, the procedure records it and tells the customer")
  @EnumSource(value = HandoffKind.class, names = "REFUND", mode = EnumSource.Mode.EXCLUDE)
  void logisticsBooksEveryKindOfShipment(HandoffKind kind) {
    ProcessInstance pi = handoff(kind);

    verify(logistics).request(kind.shipmentKind(), "SC-2026-000001", "RMA-2026-000001",
        "Prepaid return label for a kettle");
    assertThat(pi).isWaitingAt(USER_TASK_BOOK_SHIPMENT).variables()
        .containsEntry(HANDOFF_RECORD_ID.name(), 42L).containsEntry(HANDOFF_REFERENCE.name(), "RMA-2026-000001")
        .containsEntry(HANDOFF_DETAILS.name(), "Prepaid return label for a kettle")
        .doesNotContainKey(REFUND_SYSTEM.name());
    assertThat(task(pi)).hasCandidateGroup("logistics").hasName("Book shipment");
    Map<String, Object> input =
        new java.util.HashMap<>(Map.of(CARRIER.name(), " DHL ", TRACKING_NUMBER.name(), "00340434"));
    if (kind == HandoffKind.PICKUP) input.put(COLLECTION_DATE.name(), "2026-12-09");
    complete(task(pi), input);

    assertThat(pi).isWaitingAt(SERVICE_TASK_CONFIRM_HANDOFF);
    execute(job(SERVICE_TASK_CONFIRM_HANDOFF, pi));
    assertThat(pi).hasPassed(GATEWAY_HANDOFF_DONE, END_EVENT_HANDED_OFF).isEnded();
    verify(logistics).confirm(42L, "DHL", "00340434");
    assertThat(told).containsExactly("describe " + kind + " for return 5", "done " + kind + " for return 5");
    assertThat(done).containsExactly(new HandedOff(42L, "DHL", "00340434", null,
        kind == HandoffKind.PICKUP ? LocalDate.parse("2026-12-09") : null, null, null));
    // Back in the procedure, which goes on.
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCEDURE).singleResult())
        .isWaitingAt("UserTask_After");
  }

  @Test
  void financeIssuesTheRefundWhereTheOrderWasPlaced() {
    next =
        HandoffRequest.refund("RMA-2026-000001", "Amazon order 302-1234567-1234567", new BigDecimal("49.9"), "AMAZON");
    Refund refund = mock(Refund.class);
    when(refund.getId()).thenReturn(8L);
    when(finance.requestRefund("SC-2026-000001", "RMA-2026-000001", new BigDecimal("49.90"), "AMAZON"))
        .thenReturn(refund);
    Refund issued = mock(Refund.class);
    when(issued.getPaymentReference()).thenReturn("AMZ-REF-1");
    when(issued.getAmount()).thenReturn(new BigDecimal("49.90"));
    when(finance.confirmRefund(8L, "AMZ-REF-1")).thenReturn(issued);

    ProcessInstance pi = handoff(HandoffKind.REFUND);

    assertThat(pi).isWaitingAt(USER_TASK_ISSUE_REFUND).variables()
        .containsEntry(REFUND_SYSTEM.name(), "Amazon Seller Central")
        .containsEntry(HANDOFF_DETAILS.name(), "Refund 49.90 EUR. Amazon order 302-1234567-1234567");
    assertThat(task(pi)).hasCandidateGroup("finance");
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), Map.of(PAYMENT_REFERENCE.name(), "  ")))
        .rootCause().isInstanceOf(TaskInputRefused.class).hasMessage("paymentReference: required");
    complete(task(pi), withVariables(PAYMENT_REFERENCE.name(), "AMZ-REF-1"));
    execute(job(SERVICE_TASK_CONFIRM_HANDOFF, pi));

    assertThat(pi).isEnded();
    verify(logistics, never()).request(any(), any(), any(), any());
    assertThat(done).containsExactly(new HandedOff(8L, null, null, null, null, "AMZ-REF-1", new BigDecimal("49.90")));
  }

  @Test
  void aShopRefundIsIssuedInTheShopBackEnd() {
    next = HandoffRequest.refund("W-SC-2026-000001-refund", "Order 10042", new BigDecimal("89"), null);
    Refund refund = mock(Refund.class);
    when(refund.getId()).thenReturn(9L);
    when(finance.requestRefund("SC-2026-000001", "W-SC-2026-000001-refund", new BigDecimal("89.00"), "ECOMMERCE"))
        .thenReturn(refund);
    ProcessInstance pi = handoff(HandoffKind.REFUND);
    assertThat(pi).variables().containsEntry(REFUND_SYSTEM.name(), "Shop back end");
  }

  @Test
  void aRefundWithoutAnAmountIsAnIncidentNotAGuess() {
    next = HandoffRequest.refund("RMA-2026-000001", "Order 10042", null, "ECOMMERCE");
    runtimeService().startProcessInstanceByKey(PROCEDURE, "SC-2026-000001", Map.of("caseId", 1L,
        "caseNumber", "SC-2026-000001", "kind", "REFUND", "returnId", 5L));
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();
    for (int attempt = 0; attempt < 5; attempt++) {
      assertThatThrownBy(() -> execute(job(SERVICE_TASK_REQUEST_HANDOFF, pi)))
          .hasMessageContaining("No amount to refund");
    }
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).singleResult().getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
    verify(finance, never()).requestRefund(any(), any(), any(), any());
  }

  @Test
  void aPickupNeedsItsCollectionDayNotInThePastAndALabelLinkMustBeAWebAddress() {
    ProcessInstance pi = handoff(HandoffKind.PICKUP);
    String taskId = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(CARRIER.name(), "DHL", TRACKING_NUMBER.name(), "1")))
        .rootCause().isInstanceOf(TaskInputRefused.class).hasMessage("collectionDate: required");
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(CARRIER.name(), "DHL", TRACKING_NUMBER.name(), "1",
        COLLECTION_DATE.name(), "2026-12-06"))).rootCause().isInstanceOf(TaskInputRefused.class)
        .hasMessageContaining("cannot be in the past");
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(CARRIER.name(), "DHL", TRACKING_NUMBER.name(), "1",
        COLLECTION_DATE.name(), "next Tuesday"))).rootCause().isInstanceOf(TaskInputRefused.class)
        .hasMessageContaining("collectionDate: enter the day");
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(CARRIER.name(), "DHL", TRACKING_NUMBER.name(), "1",
        COLLECTION_DATE.name(), "2026-12-07", LABEL_URL.name(), "javascript:alert(1)"))).rootCause()
        .isInstanceOf(TaskInputRefused.class)
        .hasMessageStartingWith("labelUrl:");
    assertThatThrownBy(() -> taskService().complete(taskId,
        Map.of(CARRIER.name(), "DHL\nX", TRACKING_NUMBER.name(), "1",
            COLLECTION_DATE.name(), "2026-12-07")))
        .rootCause().isInstanceOf(TaskInputRefused.class).hasMessageStartingWith("carrier:");
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(CARRIER.name(), "DHL", TRACKING_NUMBER.name(),
        "1".repeat(101), COLLECTION_DATE.name(), "2026-12-07"))).rootCause().isInstanceOf(TaskInputRefused.class)
        .hasMessage("trackingNumber: at most 100 characters");
    assertThat(pi).isWaitingAt(USER_TASK_BOOK_SHIPMENT);

    // Today is fine (the form's date picker sends a date, Tasklist may send a date-time).
    complete(task(pi), withVariables(CARRIER.name(), "DHL", TRACKING_NUMBER.name(), "1", COLLECTION_DATE.name(),
        "2026-12-07T00:00:00", LABEL_URL.name(), "https://carrier.example/label/1.pdf"));
    execute(job(SERVICE_TASK_CONFIRM_HANDOFF, pi));
    assertThat(done.get(0).collectionDate()).isEqualTo(LocalDate.parse("2026-12-07"));
    assertThat(done.get(0).labelUrl()).isEqualTo("https://carrier.example/label/1.pdf");
  }

  @Test
  void anUnknownKindOrACallerThatIsNoProcedureBecomesAnIncidentWithItsReason() {
    runtimeService().startProcessInstanceByKey(PROCEDURE, "SC-2026-000001", Map.of("caseId", 1L,
        "caseNumber", "SC-2026-000001", "kind", "PARCEL_TO_MARS", "returnId", 5L));
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();
    assertThatThrownBy(() -> execute(job(SERVICE_TASK_REQUEST_HANDOFF, pi))).hasMessageContaining(
        "Unknown handoffKind PARCEL_TO_MARS");

    ProcessInstance alone = runtimeService().startProcessInstanceByKey(KEY, Map.of("caseId", 1L,
        "caseNumber", "SC-2026-000001", HANDOFF_KIND.name(), "SPARE_PART"));
    assertThatThrownBy(() -> execute(job(SERVICE_TASK_REQUEST_HANDOFF, alone)))
        .hasMessageContaining("runs only as a procedure's call activity");
    verify(logistics, never()).request(any(), any(), any(), any());
  }

  @Test
  void aProcedureWithoutPartyIsNamedInTheIncident() {
    Handoffs none = new Handoffs(List.of(), logistics, finance);
    assertThatThrownBy(() -> none.request("return-handling", HandoffKind.REFUND, "SC-1", mock(VariableScope.class)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("No procedure hands off as return-handling");
  }
}
