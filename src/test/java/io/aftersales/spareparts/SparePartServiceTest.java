package io.aftersales.spareparts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftersales.cases.CaseFacts;
import io.aftersales.cases.OutboundMail;
import io.aftersales.cases.ServiceCases;
import io.aftersales.finance.Finance;
import io.aftersales.finance.PaymentRequest;
import io.aftersales.handoff.HandedOff;
import io.aftersales.handoff.HandoffKind;
import io.aftersales.handoff.HandoffRequest;
import io.aftersales.mail.CustomerMailer;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.stock.Stock;
import io.aftersales.suppliers.PurchaseOrder;
import io.aftersales.suppliers.Suppliers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The rules in {@link SparePartService}: what is accepted as a part, how payments are applied, what mails say. */
class SparePartServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  SparePartOrderRepository orders = mock(SparePartOrderRepository.class);
  ServiceCases cases = mock(ServiceCases.class);
  MasterData masterData = mock(MasterData.class);
  Finance finance = mock(Finance.class);
  Stock stock = mock(Stock.class);
  Suppliers suppliers = mock(Suppliers.class);
  CustomerMailer mailer = mock(CustomerMailer.class);
  RuntimeService runtime = mock(RuntimeService.class);
  MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
  SparePartSettings settings = new SparePartSettings("P3D", "P10D", "P10D", "Pay by transfer.", ZoneOffset.UTC);
  SparePartService service;
  SparePartOrder order = new SparePartOrder("pi-1", 1L, "SC-2026-000001", 1, "SA-BLEND-900", NOW);

  @BeforeEach
  void setUp() {
    service = new SparePartService(orders, cases, masterData, finance, stock, suppliers, mailer, runtime,
        Clock.fixed(NOW, ZoneOffset.UTC), settings);
    when(orders.findById(7L)).thenReturn(Optional.of(order));
    when(masterData.productBySku("SP-JAR-900")).thenReturn(Optional.of(
        new Product("SP-JAR-900", "Blender jar 1.5 l", "SPARE_PART", 6, null, new BigDecimal("24.90"))));
    when(masterData.productBySku("SA-BLEND-900")).thenReturn(Optional.of(
        new Product("SA-BLEND-900", "Blender 900 W", "SMALL_APPLIANCE", 36, null, new BigDecimal("89.00"))));
    when(masterData.productBySku("SP-NOPRICE")).thenReturn(Optional.of(
        new Product("SP-NOPRICE", "Knob", "SPARE_PART", 6, null, null)));
    when(cases.outboundMail(1L))
        .thenReturn(new OutboundMail(1L, "SC-2026-000001", "Jar", "Li Chen", "li@example.com", null));
    when(runtime.createMessageCorrelation(SparePartRequestProcess.MESSAGE_PAYMENT_RECEIVED)).thenReturn(correlation);
  }

  private SparePartService.PartDetails identify(String sku, Integer quantity, String reason, String address,
      String purchaseDate) {
    return service.identifyPart(7L, sku, quantity, reason, address, purchaseDate);
  }

  @Test
  void acceptsAKnownSparePartAndRecomputesTheMonthsSincePurchase() {
    var part = identify(" sp-jar-900 ", 2, "DEFECT", "Li Chen, Berlin", "2024-11-23");
    assertThat(part.name()).isEqualTo("Blender jar 1.5 l");
    assertThat(part.unitPrice()).isEqualByComparingTo("24.90");
    assertThat(part.amount()).isEqualByComparingTo("49.80");
    assertThat(part.monthsSincePurchase()).isEqualTo(24);
    assertThat(identify("SP-JAR-900", 1, "DEFECT", "x", "2024-11-24").monthsSincePurchase()).isEqualTo(23);
    assertThat(identify("SP-JAR-900", 1, "LOST", "x", null).monthsSincePurchase()).isNull();
    assertThat(order.getPartSku()).isEqualTo("SP-JAR-900");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.IDENTIFIED);
  }

  @Test
  void refusesWhatCannotBeShippedAndSaysWhy() {
    assertThatThrownBy(() -> identify("", 1, "DEFECT", "x", null)).hasMessageContaining("Enter the SKU");
    assertThatThrownBy(() -> identify("SP-XYZ", 1, "DEFECT", "x", null)).hasMessageContaining("not in our master data");
    assertThatThrownBy(() -> identify("SA-BLEND-900", 1, "DEFECT", "x", null)).hasMessageContaining("is a product");
    assertThatThrownBy(() -> identify("SP-NOPRICE", 1, "DEFECT", "x", null)).hasMessageContaining("no list price");
    assertThatThrownBy(() -> identify("SP-JAR-900", 0, "DEFECT", "x", null)).hasMessageContaining("between 1 and 10");
    assertThatThrownBy(() -> identify("SP-JAR-900", 11, "DEFECT", "x", null)).hasMessageContaining("between 1 and 10");
    assertThatThrownBy(() -> identify("SP-JAR-900", 1, "BROKEN", "x", null))
        .hasMessageContaining("defect, lost or worn");
    assertThatThrownBy(() -> identify("SP-JAR-900", 1, "DEFECT", " ", null)).hasMessageContaining("address");
    assertThatThrownBy(() -> identify("SP-JAR-900", 1, "DEFECT", "x", "23.11.2024")).hasMessageContaining("not a date");
    assertThatThrownBy(() -> identify("SP-JAR-900", 1, "DEFECT", "x", "2027-01-01")).hasMessageContaining("future");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.REQUESTED);
  }

  @Test
  void theQuoteAsksForPriceTimesQuantityByTheEndOfReminderAndCancellationPeriods() {
    identify("SP-JAR-900", 2, "LOST", "Li Chen, Berlin", null);
    PaymentRequest request = mock(PaymentRequest.class);
    when(request.getReference()).thenReturn("PAY-SC-2026-000001-1");
    when(request.getAmount()).thenReturn(new BigDecimal("49.80"));
    when(finance.requestPayment("SC-2026-000001", "PAY-SC-2026-000001-1", new BigDecimal("49.80"))).thenReturn(request);
    when(cases.facts(1L)).thenReturn(facts("AMAZON", null));

    var quote = service.sendQuote(7L, "Lost and worn parts are not covered", "pi-1-quote");

    assertThat(quote.reference()).isEqualTo("PAY-SC-2026-000001-1");
    assertThat(quote.dueAt()).isEqualTo("2026-12-06T09:00:00Z"); // 3 + 10 days
    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(mailer).sendMilestone(eq(1L), eq("spare-part-quote"), eq("pi-1-quote"), body.capture());
    assertThat(body.getValue()).startsWith("Hello Li Chen,").contains("total 49.80 EUR").contains("24.90 EUR per piece")
        .contains("PAY-SC-2026-000001-1").contains("not through Amazon").contains("6 December 2026")
        .contains("Lost and worn parts are not covered.");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.QUOTED);
  }

  private static CaseFacts facts(String salesChannel, String retailer) {
    return new CaseFacts(salesChannel, null, retailer, "CONSUMER", "Li Chen", true, "302-1", "SA-BLEND-900",
        "Blender 900 W", "SMALL_APPLIANCE", 36, "2026-11-01", "2026-11-03", 20, 0, 89.0, null);
  }

  private PaymentRequest payment(PaymentRequest.Status status, String paymentReference) {
    PaymentRequest request = mock(PaymentRequest.class);
    when(request.getStatus()).thenReturn(status);
    when(request.getReference()).thenReturn("PAY-SC-2026-000001-1");
    when(request.getCaseNumber()).thenReturn("SC-2026-000001");
    when(request.getPaymentReference()).thenReturn(paymentReference);
    when(finance.payment("PAY-SC-2026-000001-1")).thenReturn(Optional.of(request));
    return request;
  }

  @Test
  void aPaymentIsRecordedAndTellsTheWaitingProcess() {
    order.identified("SP-JAR-900", "Blender jar 1.5 l", 2, "LOST", new BigDecimal("24.90"), "x", NOW);
    order.quoted("Lost", NOW, NOW);
    PaymentRequest open = payment(PaymentRequest.Status.OPEN, null);
    PaymentRequest paid = mock(PaymentRequest.class);
    when(paid.getStatus()).thenReturn(PaymentRequest.Status.PAID);
    when(finance.confirmPayment("PAY-SC-2026-000001-1", "BANK-1")).thenReturn(paid);
    when(orders.findByPaymentRequestReference("PAY-SC-2026-000001-1")).thenReturn(Optional.of(order));
    when(correlation.correlateAllWithResult()).thenReturn(List.of(mock(MessageCorrelationResult.class)));

    var confirmation = service.confirmPayment("PAY-SC-2026-000001-1", "BANK-1").orElseThrow();

    assertThat(confirmation.status()).isEqualTo("PAID");
    assertThat(confirmation.replayed()).isFalse();
    verify(correlation).processInstanceBusinessKey("SC-2026-000001");
    verify(correlation).setVariable("paymentReference", "BANK-1");
    assertThat(order.getPaymentReference()).isEqualTo("BANK-1");
    assertThat(open).isNotNull();
  }

  @Test
  void aPaymentNobodyWaitsForIsRefusedSoTheTransactionRollsBack() {
    payment(PaymentRequest.Status.OPEN, null);
    when(finance.confirmPayment(anyString(), anyString())).thenReturn(mock(PaymentRequest.class));
    when(correlation.correlateAllWithResult()).thenReturn(List.of());
    assertThatThrownBy(() -> service.confirmPayment("PAY-SC-2026-000001-1", "BANK-1"))
        .isInstanceOf(SparePartService.PaymentNotApplicableException.class).hasMessageContaining("Refund");
  }

  @Test
  void aPaymentForAnExpiredQuoteIsRefusedWithoutTouchingAnything() {
    payment(PaymentRequest.Status.CANCELLED, null);
    assertThatThrownBy(() -> service.confirmPayment("PAY-SC-2026-000001-1", "BANK-1"))
        .isInstanceOf(SparePartService.PaymentNotApplicableException.class).hasMessageContaining("expired");
    verify(finance, never()).confirmPayment(anyString(), anyString());
    verify(runtime, never()).createMessageCorrelation(anyString());
  }

  @Test
  void aRepeatedConfirmationAnswersAsTheFirstAndAnotherPaymentIsAConflict() {
    payment(PaymentRequest.Status.PAID, "BANK-1");
    assertThat(service.confirmPayment("PAY-SC-2026-000001-1", "BANK-1").orElseThrow().replayed()).isTrue();
    assertThatThrownBy(() -> service.confirmPayment("PAY-SC-2026-000001-1", "BANK-2"))
        .hasMessageContaining("already paid under BANK-1");
    verify(runtime, never()).createMessageCorrelation(anyString());
    assertThat(service.confirmPayment("PAY-NOPE", "BANK-1")).isEmpty();
  }

  @Test
  void reservationRecordsWhetherThePartGoesFreeAndWhy() {
    identify("SP-JAR-900", 1, "DEFECT", "x", null);
    when(stock.reserve(eq("SP-JAR-900"), anyInt(), eq("SC-2026-000001"), eq("PART-SC-2026-000001-1"))).thenReturn(true);
    assertThat(
        service.reservePart(7L, new SparePartService.ChargeDecision(false, "Warranty ended", true, "Key account")))
        .isTrue();
    assertThat(order.getFree()).isTrue();
    assertThat(order.getChargeNote()).isEqualTo("Goodwill: Key account");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.RESERVED);
  }

  @Test
  void aQuotedPartStaysChargedWhenReserved() {
    identify("SP-JAR-900", 1, "LOST", "x", null);
    order.quoted("Lost", NOW, NOW);
    when(stock.reserve(any(), anyInt(), any(), any())).thenReturn(false);
    assertThat(service.reservePart(7L, new SparePartService.ChargeDecision(false, "Lost", null, null))).isFalse();
    assertThat(order.getFree()).isFalse();
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.QUOTED);
  }

  @Test
  void aMisconfiguredTimerIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new SparePartSettings("3 days", "P10D", "P10D", "x", ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aftersales.spare-parts.payment-reminder-after");
  }

  @Test
  void theShipmentNamesPartQuantityAndAddressAndThePartLeavesStockOnlyWhenItShips() {
    identify("SP-JAR-900", 2, "DEFECT", "Li Chen\nMain St 1\n10115 Berlin", null);
    order.reserved(NOW);
    org.camunda.bpm.engine.delegate.VariableScope procedure = procedureWith(Map.of(
        SparePartRequestProcess.SPARE_PART_ORDER_ID.name(), 7L, SparePartRequestProcess.BIN_LOCATION.name(),
        " B-04-2 "));

    HandoffRequest request = service.describe(HandoffKind.SPARE_PART, procedure);

    assertThat(request.reference()).isEqualTo("PART-SC-2026-000001-1");
    assertThat(request.details()).contains("2 x Blender jar 1.5 l (SP-JAR-900)", "picked from B-04-2",
        "Main St 1\n10115 Berlin");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.SHIPMENT_REQUESTED);
    verify(stock, never()).pick(any(), anyInt(), any(), any());

    service.handedOff(HandoffKind.SPARE_PART, procedure,
        new HandedOff(42L, "DHL", "0034043", null, null, null, null), "pi-handoff");

    verify(stock).pick("SP-JAR-900", 2, "SC-2026-000001", "PART-SC-2026-000001-1");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.SHIPPED);
    assertThat(order.getShipmentId()).isEqualTo(42L);
    assertThat(order.getTrackingNumber()).isEqualTo("0034043");
    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(mailer).sendMilestone(eq(1L), eq("part-shipped"), eq("pi-handoff"), body.capture());
    assertThat(body.getValue()).contains("Hello Li Chen", "Carrier: DHL", "Tracking number: 0034043",
        "2 x Blender jar 1.5 l (SP-JAR-900)", "10115 Berlin");

    // A retried job after the commit of the first: nothing picked or mailed twice.
    service.handedOff(HandoffKind.SPARE_PART, procedure,
        new HandedOff(42L, "DHL", "0034043", null, null, null, null), "pi-handoff");
    verify(stock).pick(any(), anyInt(), any(), any());
    verify(mailer).sendMilestone(any(), any(), any(), any());
  }

  private String mailBody(String milestone, String stepId) {
    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(mailer).sendMilestone(eq(1L), eq(milestone), eq(stepId), body.capture());
    return body.getValue();
  }

  private PurchaseOrder purchaseOrder(String number, PurchaseOrder.Status status) {
    PurchaseOrder po = mock(PurchaseOrder.class);
    when(po.getNumber()).thenReturn(number);
    when(po.getStatus()).thenReturn(status);
    return po;
  }

  @Test
  void preparingRecordsTheRequestOnceWithTheCasesNextRequestNumberAndHandsOverTheTimers() {
    when(orders.findByProcessInstanceId("pi-9")).thenReturn(Optional.empty());
    when(orders.countByCaseNumber("SC-2026-000001")).thenReturn(2);
    SparePartOrder persisted = mock(SparePartOrder.class);
    when(persisted.getId()).thenReturn(99L);
    ArgumentCaptor<SparePartOrder> saved = ArgumentCaptor.forClass(SparePartOrder.class);
    when(orders.save(saved.capture())).thenReturn(persisted);

    var prepared = service.prepare("pi-9", 1L, "SC-2026-000001", "SA-BLEND-900");

    assertThat(prepared.orderId()).isEqualTo(99L);
    assertThat(prepared.timers()).isSameAs(settings);
    SparePartOrder recorded = saved.getValue();
    assertThat(recorded.getProcessInstanceId()).isEqualTo("pi-9");
    assertThat(recorded.getCaseId()).isEqualTo(1L);
    assertThat(recorded.getCaseNumber()).isEqualTo("SC-2026-000001");
    assertThat(recorded.getRequestNo()).as("the case's third request").isEqualTo(3);
    assertThat(recorded.partReference()).isEqualTo("PART-SC-2026-000001-3");
    assertThat(recorded.getProductSku()).isEqualTo("SA-BLEND-900");
    assertThat(recorded.getStatus()).isEqualTo(SparePartOrder.Status.REQUESTED);
    assertThat(recorded.getRequestedAt()).isEqualTo(NOW);
  }

  @Test
  void aRetriedPrepareFindsItsOwnOrderAndRecordsNothingNew() {
    SparePartOrder existing = mock(SparePartOrder.class);
    when(existing.getId()).thenReturn(7L);
    when(orders.findByProcessInstanceId("pi-1")).thenReturn(Optional.of(existing));

    var prepared = service.prepare("pi-1", 1L, "SC-2026-000001", "SA-BLEND-900");

    assertThat(prepared.orderId()).isEqualTo(7L);
    assertThat(prepared.timers()).isSameAs(settings);
    verify(orders, never()).save(any());
    verify(orders, never()).countByCaseNumber(any());
  }

  @Test
  void theMaximumQuantityIsAccepted() {
    var part = identify("SP-JAR-900", SparePartService.MAX_QUANTITY, "WEAR", " Li Chen, Berlin ", "2024-11-23T10:00");
    assertThat(part.amount()).isEqualByComparingTo("249.00");
    assertThat(part.monthsSincePurchase()).isEqualTo(24);
    assertThat(order.getQuantity()).isEqualTo(10);
    assertThat(order.getPartReason()).isEqualTo("WEAR");
    assertThat(order.getShippingAddress()).isEqualTo("Li Chen, Berlin");
  }

  @Test
  void anUnknownOrderIsAnErrorNamingIt() {
    assertThatThrownBy(() -> service.closeRequest(8L, "x", "pi-1-close"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("No spare-part order 8");
    verify(mailer, never()).sendMilestone(any(), any(), any(), any());
  }

  @Test
  void theProcedureIsTheSparePartRequest() {
    assertThat(service.procedure()).isEqualTo("spare-part-request").isEqualTo(SparePartRequestProcess.KEY);
  }

  @Test
  void closingARequestClosesTheOrderAndGivesTheCustomerCaresMessage() {
    identify("SP-JAR-900", 1, "DEFECT", "x", null);

    service.closeRequest(7L, " The part is discontinued. ", "pi-1-close");

    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.CLOSED);
    assertThat(mailBody("spare-part-closed", "pi-1-close")).isEqualTo(
        "Hello Li Chen,\n\nThe part is discontinued.\n\nIf you have any questions, just reply to this email.");
  }

  private void quoted() {
    identify("SP-JAR-900", 2, "LOST", "Li Chen, Berlin", null);
    order.quoted("Lost", Instant.parse("2026-12-06T09:00:00Z"), NOW);
  }

  @Test
  void theReminderNamesAmountReferenceAndDueDate() {
    quoted();

    service.sendPaymentReminder(7L, "pi-1-reminder");

    assertThat(mailBody("payment-reminder", "pi-1-reminder")).startsWith("Hello Li Chen,")
        .contains("your payment of 49.80 EUR for 2 x Blender jar 1.5 l (SP-JAR-900).",
            "Payment reference: PAY-SC-2026-000001-1", "Please pay by 6 December 2026", "Pay by transfer.");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.QUOTED);
    verify(finance, never()).cancelPayment(any());
  }

  @Test
  void anUnpaidQuoteIsCancelledWithFinanceAndTheCustomerIsTold() {
    quoted();

    service.cancelQuote(7L, "pi-1-cancel");

    verify(finance).cancelPayment("PAY-SC-2026-000001-1");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.QUOTE_EXPIRED);
    assertThat(mailBody("quote-expired", "pi-1-cancel")).startsWith("Hello Li Chen,")
        .contains("(payment reference PAY-SC-2026-000001-1), so the quote has now expired",
            "2 x Blender jar 1.5 l (SP-JAR-900)");
  }

  @Test
  void aMissingPartIsOrderedFromTheSupplierAndTheCustomerIsToldAboutTheWait() {
    identify("SP-JAR-900", 2, "DEFECT", "x", null);
    order.chargeSettled(true, "Within the warranty period");
    PurchaseOrder po = purchaseOrder("PO-2026-000003", PurchaseOrder.Status.ORDERED);
    when(suppliers.orderFromSupplier("SC-2026-000001", "SP-JAR-900", 2)).thenReturn(po);

    assertThat(service.orderFromSupplier(7L, "pi-1-order")).isEqualTo("PO-2026-000003");

    assertThat(order.getPurchaseOrderNumber()).isEqualTo("PO-2026-000003");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.AWAITING_SUPPLIER);
    assertThat(mailBody("part-ordered", "pi-1-order")).startsWith("Hello Li Chen,")
        .contains("free of charge under the warranty", "2 x Blender jar 1.5 l (SP-JAR-900)",
            "ordered it from our supplier", "within about 10 days");
  }

  @Test
  void aShortageAfterTheSuppliersOrderWasDeliveredNeedsAPerson() {
    identify("SP-JAR-900", 2, "DEFECT", "x", null);
    PurchaseOrder po = purchaseOrder("PO-2026-000003", PurchaseOrder.Status.DELIVERED);
    when(suppliers.orderFromSupplier("SC-2026-000001", "SP-JAR-900", 2)).thenReturn(po);

    assertThatThrownBy(() -> service.orderFromSupplier(7L, "pi-1-order"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Purchase order PO-2026-000003 for SP-JAR-900 was already delivered but the part is still"
            + " missing for case SC-2026-000001: check the stock count and order by hand.");

    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.IDENTIFIED);
    assertThat(order.getPurchaseOrderNumber()).isNull();
    verify(mailer, never()).sendMilestone(any(), any(), any(), any());
  }

  @Test
  void theSuppliersDeliveryIsConfirmedAndReservedForTheOrderAtOnce() {
    SparePartOrder delivered = spy(order);
    when(orders.findById(7L)).thenReturn(Optional.of(delivered));
    identify("SP-JAR-900", 2, "DEFECT", "x", null);
    delivered.orderedFromSupplier("PO-2026-000003", NOW);
    when(stock.reserve("SP-JAR-900", 2, "SC-2026-000001", "PART-SC-2026-000001-1")).thenReturn(true);

    service.recordSupplierDelivery(7L);

    verify(suppliers).confirmDelivery("PO-2026-000003");
    verify(delivered).deliveredBySupplier(NOW);
    verify(stock).reserve("SP-JAR-900", 2, "SC-2026-000001", "PART-SC-2026-000001-1");
    assertThat(delivered.getStatus()).isEqualTo(SparePartOrder.Status.RESERVED);
  }

  @Test
  void aDeliveryThatCannotBeReservedLeavesTheOrderWaiting() {
    identify("SP-JAR-900", 2, "DEFECT", "x", null);
    order.orderedFromSupplier("PO-2026-000003", NOW);
    when(stock.reserve(any(), anyInt(), any(), any())).thenReturn(false);

    service.recordSupplierDelivery(7L);

    verify(suppliers).confirmDelivery("PO-2026-000003");
    assertThat(order.getStatus()).isEqualTo(SparePartOrder.Status.AWAITING_SUPPLIER);
  }

  @Test
  void aLateSupplierMeansADeliveryUpdateWithTheNewDate() {
    identify("SP-JAR-900", 2, "DEFECT", "x", null);

    service.sendDeliveryUpdate(7L, "2026-12-24T10:00:00Z", "pi-1-late");

    assertThat(mailBody("delivery-update", "pi-1-late")).startsWith("Hello Li Chen,")
        .contains("deliver 2 x Blender jar 1.5 l (SP-JAR-900).", "promises delivery by 24 December 2026.");
  }

  @Test
  void aLateSupplierWithoutANewDateIsPromisedAsSoonAsPossible() {
    identify("SP-JAR-900", 2, "DEFECT", "x", null);

    service.sendDeliveryUpdate(7L, null, "pi-1-late");

    assertThat(mailBody("delivery-update", "pi-1-late")).startsWith("Hello Li Chen,")
        .contains("promises delivery as soon as possible.");
  }

  private static org.camunda.bpm.engine.delegate.VariableScope procedureWith(Map<String, Object> variables) {
    org.camunda.bpm.engine.delegate.VariableScope scope = mock(org.camunda.bpm.engine.delegate.VariableScope.class);
    variables.forEach((name, value) -> when(scope.getVariable(name)).thenReturn(value));
    return scope;
  }

  @Test
  void anOrderNeverMovesBackwards() {
    SparePartOrder o = new SparePartOrder("pi-9", 1L, "SC-2026-000009", 1, "KW-PAN-28", NOW);
    o.paid("BANK-1", NOW);
    o.reserved(NOW);
    o.shipped(1L, "DHL", "1", NOW);
    assertThat(o.getStatus()).as("nothing before the part is identified").isEqualTo(SparePartOrder.Status.REQUESTED);
    o.identified("SP-LID-28", "Glass lid", 1, "LOST", new BigDecimal("12.50"), "Main St 1", NOW);
    o.quoted("Lost", NOW, NOW);
    o.quoteExpired(NOW);
    o.paid("BANK-1", NOW);
    assertThat(o.getStatus()).as("a late payment does not revive an expired quote").isEqualTo(
        SparePartOrder.Status.QUOTE_EXPIRED);
    assertThat(o.getPaymentReference()).isNull();
    o.closed(NOW);
    o.reserved(NOW);
    assertThat(o.getStatus()).isEqualTo(SparePartOrder.Status.QUOTE_EXPIRED);

    SparePartOrder free = new SparePartOrder("pi-10", 1L, "SC-2026-000010", 1, "KW-PAN-28", NOW);
    free.identified("SP-LID-28", "Glass lid", 1, "DEFECT", new BigDecimal("12.50"), "Main St 1", NOW);
    free.reserved(NOW);
    free.orderedFromSupplier("PO-1", NOW); // the reserved part was not on the shelf
    assertThat(free.getStatus()).isEqualTo(SparePartOrder.Status.AWAITING_SUPPLIER);
    free.reserved(NOW);
    free.shipmentRequested();
    free.shipped(3L, "DHL", "T-1", NOW);
    free.identified("SP-OTHER", "Other", 2, "LOST", BigDecimal.ONE, "x", NOW);
    free.closed(NOW);
    assertThat(free.getStatus()).isEqualTo(SparePartOrder.Status.SHIPPED);
    assertThat(free.getPartSku()).isEqualTo("SP-LID-28");
  }

  @Test
  void onlySparePartsAreHandedOff() {
    org.camunda.bpm.engine.delegate.VariableScope procedure = procedureWith(
        Map.of(SparePartRequestProcess.SPARE_PART_ORDER_ID.name(), 7L));
    assertThatThrownBy(() -> service.describe(HandoffKind.REFUND, procedure))
        .hasMessage("spare-part-request does not hand off REFUND");
    assertThatThrownBy(() -> service.handedOff(HandoffKind.REPLACEMENT, procedure,
        new HandedOff(1L, "DHL", "1", null, null, null, null), "pi-1"))
        .hasMessage("spare-part-request does not hand off REPLACEMENT");
    verify(stock, never()).pick(any(), anyInt(), any(), any());
    verify(mailer, never()).sendMilestone(any(), any(), any(), any());
  }
}
