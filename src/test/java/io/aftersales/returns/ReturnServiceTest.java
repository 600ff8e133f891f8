package io.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.aftersales.finance.Finance;
import io.aftersales.handoff.HandedOff;
import io.aftersales.handoff.HandoffKind;
import io.aftersales.handoff.HandoffRequest;
import io.aftersales.integration.ExternalRequests;
import io.aftersales.mail.CustomerMailer;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.stock.Stock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The rules and the idempotency of ReturnService, with its collaborators mocked. */
class ReturnServiceTest {
  private static final String CASE = "SC-2026-000123";
  private static final Long CASE_ID = 123L;

  ReturnAuthorizationRepository repository = mock(ReturnAuthorizationRepository.class);
  CustomerMailer mailer = mock(CustomerMailer.class);
  Finance finance = mock(Finance.class);
  ExternalRequests requests = mock(ExternalRequests.class);
  Stock stock = mock(Stock.class);
  MasterData masterData = mock(MasterData.class);
  ReturnSettings settings = new ReturnSettings("PT24H", "P30D", "P2D", "P14D", "Returns Centre, Cologne");
  ReturnService service = new ReturnService(repository, mailer, finance, requests, stock, masterData, settings,
      Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

  ReturnAuthorization ret;

  private ReturnAuthorization recorded(String channel, String fulfilment, String customerType, BigDecimal price) {
    ReturnAuthorization r = new ReturnAuthorization(new ReturnRequest(CASE_ID, CASE, "pi-1", "Maria Rossi", channel,
        fulfilment, customerType, "RETAILER".equals(channel) ? "Kaufhaus Demo, Cologne" : null, "EC-100001",
        "KW-PAN-28",
        "Frying pan 28 cm, ceramic", price, 6), Instant.parse("2026-11-22T09:00:00Z"));
    when(repository.findById(7L)).thenReturn(Optional.of(r));
    return r;
  }

  @BeforeEach
  void ownShopReturn() {
    ret = recorded("ECOMMERCE", null, "CONSUMER", new BigDecimal("49.90"));
    when(repository.nextRmaSequence()).thenReturn(42L, 43L);
  }

  /** return-handling's variables as the hand-off sees them: the return's id and what else the test names. */
  private static VariableScope procedure(Object... more) {
    Map<String, Object> v = new HashMap<>();
    v.put(ReturnHandlingProcess.RETURN_ID.name(), 7L);
    for (int i = 0; i < more.length; i += 2)
      v.put((String) more[i], more[i + 1]);
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(inv -> v.get(inv.<String>getArgument(0)));
    return scope;
  }

  private static HandedOff parcel(String carrier, String trackingNumber) {
    return new HandedOff(21L, carrier, trackingNumber, null, null, null, null);
  }

  private static HandedOff refund(String paymentReference, String amount) {
    return new HandedOff(31L, null, null, null, null, paymentReference, new BigDecimal(amount));
  }

  private String mailBody(String milestone) {
    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(mailer).sendMilestone(eq(CASE_ID), eq(milestone), anyString(), body.capture());
    return body.getValue();
  }

  private void authorizeAndReceive(String wish) {
    service.authorize(7L, wish, null);
    service.confirmReceipt(7L, "P2D", "pi-1");
  }

  private void inspected(String wish, String condition, ReturnOutcome outcome) {
    authorizeAndReceive(wish);
    service.applyDisposition(7L, new Inspection("KW-PAN-28", condition, "Checked."), outcome);
  }

  @Test
  void recordsARequestOncePerProcessInstance() {
    when(repository.findByProcessInstanceId("pi-1")).thenReturn(Optional.of(ret));
    PreparedReturn prepared = service.prepare(new ReturnRequest(CASE_ID, CASE, "pi-1", null, null, null, null, null,
        null, null, null, null, null));
    verify(repository, never()).save(any());
    assertThat(prepared.timers()).isSameAs(settings);
  }

  @Test
  void issuesOneRmaNumberFromTheSequenceAndKeepsIt() {
    assertThat(service.authorize(7L, "REFUND", null)).isEqualTo("RMA-2026-000042");
    assertThat(service.authorize(7L, "REFUND", null)).as("a retried step keeps the number")
        .isEqualTo("RMA-2026-000042");
    verify(repository, times(1)).nextRmaSequence();
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.AUTHORIZED);
    assertThat(ret.getApproved()).isTrue();
    assertThat(ret.getCustomerWish()).isEqualTo("REFUND");
  }

  @Test
  void refusesToAuthorizeWithoutAKnownWish() {
    assertThatThrownBy(() -> service.authorize(7L, "MONEY_BACK", null)).hasMessageContaining("REFUND or REPLACEMENT");
    assertThat(ret.getRmaNumber()).isNull();
  }

  @Test
  void aRetriedStepNeverMovesTheReturnBack() {
    authorizeAndReceive("REFUND");
    service.authorize(7L, "REPLACEMENT", true);
    service.refuse(7L, "late", null, "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.RECEIVED);
    assertThat(ret.getCustomerWish()).isEqualTo("REFUND");
  }

  @Test
  void refusalRecordsAndMailsTheAgentsReason() {
    service.refuse(7L, "  Delivered 45 days ago.  ", true, "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.REFUSED);
    assertThat(ret.getRefusalReason()).isEqualTo("Delivered 45 days ago.");
    assertThat(ret.getSellerCentralRecorded()).isTrue();
    assertThat(mailBody("return-refused")).contains("Hello Maria Rossi", "Delivered 45 days ago.", "warranty");
  }

  @Test
  void theReturnLabelIsBookedUnderTheRmaNumberToTheReturnAddress() {
    service.authorize(7L, "REFUND", null);
    HandoffRequest label = service.describe(HandoffKind.RETURN_LABEL, procedure());
    assertThat(label.reference()).isEqualTo("RMA-2026-000042");
    assertThat(label.details()).contains("Frying pan 28 cm, ceramic (KW-PAN-28)", "from Maria Rossi",
        "to Returns Centre, Cologne", "order EC-100001");
    assertThat(service.procedure()).isEqualTo(ReturnHandlingProcess.KEY);
  }

  @Test
  void sendsRmaInstructionsOnceTheLabelIsBooked() {
    service.authorize(7L, "REFUND", null);
    service.handedOff(HandoffKind.RETURN_LABEL, procedure(ReturnHandlingProcess.RETURN_SHIPMENT_TIMEOUT.name(), "P30D"),
        parcel("DHL", "JJD1"), "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.AWAITING_ITEM);
    assertThat(mailBody("rma-issued")).contains("RMA-2026-000042", "JJD1", "DHL sends the label",
        "Returns Centre, Cologne",
        "within 30 days");
  }

  @Test
  void nothingIsHandedOffBeforeTheReturnHasAnRma() {
    assertThatThrownBy(() -> service.describe(HandoffKind.RETURN_LABEL, procedure())).hasMessageContaining("no RMA");
    service.authorize(7L, "REFUND", null);
    assertThatThrownBy(() -> service.describe(HandoffKind.TO_SUPPLIER, procedure()))
        .hasMessageContaining("does not hand off TO_SUPPLIER");
    assertThatThrownBy(() -> service.handedOff(HandoffKind.REPAIRED_UNIT, procedure(), parcel("DHL", "1"), "pi-1"))
        .hasMessageContaining("does not hand off REPAIRED_UNIT");
    verifyNoInteractions(mailer);
  }

  @Test
  void restocksAnUnusedItemAndRefundsThePricePaid() {
    authorizeAndReceive("REFUND");
    BigDecimal refund = service.applyDisposition(7L, new Inspection("KW-PAN-28", "NEW", "Sealed."),
        new ReturnOutcome("FULL_REFUND", 100, "RESTOCK"));
    assertThat(refund).isEqualByComparingTo("49.90");
    verify(stock).restock("KW-PAN-28", 1, CASE, "RMA-2026-000042");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.INSPECTED);
    assertThat(ret.getItemCondition()).isEqualTo("NEW");
    assertThat(ret.getRefundAmount()).isEqualByComparingTo("49.90");
  }

  @Test
  void scrapsADamagedItemAndRefundsHalfRoundedToTheCent() {
    ret = recorded("ECOMMERCE", null, "CONSUMER", new BigDecimal("29.95"));
    authorizeAndReceive("REFUND");
    BigDecimal refund = service.applyDisposition(7L, new Inspection(" TX-TOWEL-SET ", "DAMAGED", "Stained."),
        new ReturnOutcome("PARTIAL_REFUND", 50, "SCRAP"));
    assertThat(refund).isEqualByComparingTo("14.98");
    verify(stock).scrap("TX-TOWEL-SET", 1, CASE, "RMA-2026-000042");
    assertThat(ret.getProductSku()).as("the warehouse's SKU wins").isEqualTo("TX-TOWEL-SET");
  }

  @Test
  void refurbishmentAndSendBackMoveNoStockAndRefundNothing() {
    authorizeAndReceive("REPLACEMENT");
    assertThat(service.applyDisposition(7L, new Inspection("KW-PAN-28", "OPENED", "Used once."),
        new ReturnOutcome("REPLACEMENT", 0, "REFURBISH"))).isNull();
    verifyNoInteractions(stock);
  }

  @Test
  void usesTheListPriceWhenThePricePaidIsUnknown() {
    ret = recorded(null, null, "CONSUMER", null);
    Product pan = mock(Product.class);
    when(pan.getListPrice()).thenReturn(new BigDecimal("52.00"));
    when(masterData.productBySku("KW-PAN-28")).thenReturn(Optional.of(pan));
    authorizeAndReceive("REFUND");
    assertThat(service.applyDisposition(7L, new Inspection("KW-PAN-28", "OPENED", "ok"),
        new ReturnOutcome("FULL_REFUND", 100, "REFURBISH"))).isEqualByComparingTo("52.00");
  }

  @Test
  void aRefundWithoutAnyPriceTellsTheTeamLeadWhatToSet() {
    service.authorize(7L, "REFUND", null);
    assertThatThrownBy(() -> service.describe(HandoffKind.REFUND, procedure()))
        .hasMessageContaining(CASE).hasMessageContaining("refundAmount");
    verifyNoInteractions(finance);
  }

  @Test
  void theRefundIsTheDecidedAmountWhereTheOrderWasPlaced() {
    ret = recorded(null, null, "CONSUMER", null);
    service.authorize(7L, "REFUND", null);
    HandoffRequest shop =
        service.describe(HandoffKind.REFUND, procedure(ReturnHandlingProcess.REFUND_AMOUNT.name(), 52));
    assertThat(shop.reference()).isEqualTo("RMA-2026-000042");
    assertThat(shop.amount()).isEqualByComparingTo("52.00");
    assertThat(shop.salesChannel()).isNull();
    assertThat(shop.details()).contains("Frying pan 28 cm, ceramic", "Maria Rossi", "order EC-100001");
    assertThat(ret.getRefundAmount()).isEqualByComparingTo("52.00");

    ret = recorded("AMAZON", "FBM", "CONSUMER", new BigDecimal("59.90"));
    inspected("REFUND", "OPENED", new ReturnOutcome("FULL_REFUND", 100, "REFURBISH"));
    HandoffRequest amazon = service.describe(HandoffKind.REFUND,
        procedure(ReturnHandlingProcess.REFUND_AMOUNT.name(), 59.9));
    assertThat(amazon.salesChannel()).isEqualTo("AMAZON");
    assertThat(amazon.details()).startsWith("full refund for the return of");
    assertThatThrownBy(
        () -> service.describe(HandoffKind.REFUND, procedure(ReturnHandlingProcess.REFUND_AMOUNT.name(), -1)))
        .hasMessageContaining("refundAmount");
  }

  @Test
  void anIssuedRefundClosesTheReturnAndTellsTheCustomerTheAmount() {
    inspected("REFUND", "NEW", new ReturnOutcome("FULL_REFUND", 100, "RESTOCK"));
    service.handedOff(HandoffKind.REFUND, procedure(), refund("PAY-1", "49.90"), "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.REFUNDED);
    assertThat(mailBody("refund-issued")).contains("refunded the full purchase price: 49.90 EUR",
        "payment method of your order");
  }

  @Test
  void anAmazonRefundIsAnnouncedAsIssuedThroughAmazon() {
    ret = recorded("AMAZON", "FBM", "CONSUMER", new BigDecimal("59.90"));
    inspected("REFUND", "OPENED", new ReturnOutcome("FULL_REFUND", 100, "REFURBISH"));
    service.handedOff(HandoffKind.REFUND, procedure(), refund("AMZ-R-1", "59.90"), "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.REFUNDED);
    assertThat(mailBody("refund-issued")).contains("59.90 EUR", "issued through Amazon");
  }

  @Test
  void reservesAReplacementWhenInStockForLogisticsToShip() {
    authorizeAndReceive("REPLACEMENT");
    when(stock.reserve("KW-PAN-28", 1, CASE, "RMA-2026-000042")).thenReturn(true);
    assertThat(service.reserveReplacement(7L)).isEqualTo(ReplacementRequest.inStock());
    assertThat(service.describe(HandoffKind.REPLACEMENT, procedure()).details())
        .contains("Replacement Frying pan 28 cm, ceramic (KW-PAN-28) (1 unit, reserved) to Maria Rossi");
  }

  @Test
  void refundsInFullInsteadWhenNoReplacementIsInStock() {
    authorizeAndReceive("REPLACEMENT");
    service.applyDisposition(7L, new Inspection("KW-PAN-28", "NEW", "ok"),
        new ReturnOutcome("REPLACEMENT", 0, "RESTOCK"));
    when(stock.reserve(anyString(), anyInt(), anyString(), anyString())).thenReturn(false);
    ReplacementRequest request = service.reserveReplacement(7L);
    assertThat(request.reserved()).isFalse();
    assertThat(request.outcome()).isEqualTo("FULL_REFUND");
    assertThat(request.refundPercent()).isEqualTo(100);
    assertThat(request.refundAmount()).isEqualByComparingTo("49.90");
    assertThat(ret.getOutcome()).isEqualTo("FULL_REFUND");
    service.handedOff(HandoffKind.REFUND, procedure(ReturnHandlingProcess.REPLACEMENT_RESERVED.name(), false),
        refund("PAY-2", "49.90"), "pi-1");
    assertThat(mailBody("refund-issued")).contains("replacement is out of stock", "49.90 EUR");
  }

  @Test
  void aShippedReplacementLeavesStockAndTheCustomerGetsTracking() {
    inspected("REPLACEMENT", "OPENED", new ReturnOutcome("REPLACEMENT", 0, "REFURBISH"));
    service.handedOff(HandoffKind.REPLACEMENT, procedure(), parcel("DHL", "JJD2"), "pi-1");
    verify(stock).pick("KW-PAN-28", 1, CASE, "RMA-2026-000042");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.REPLACEMENT_SHIPPED);
    assertThat(mailBody("replacement-shipped")).contains("Tracking number: JJD2");
  }

  @Test
  void aRefusedItemGoesBackWithTheWarehouseFindings() {
    authorizeAndReceive("REPLACEMENT");
    service.applyDisposition(7L, new Inspection("KW-PAN-28", "DAMAGED", "Coating scratched across the base."),
        new ReturnOutcome("REFUSE_AND_SEND_BACK", 0, "NONE"));
    assertThat(service.describe(HandoffKind.SEND_BACK, procedure()).details())
        .contains("back to Maria Rossi", "return refused after inspection");
    service.handedOff(HandoffKind.SEND_BACK, procedure(), parcel("DHL", "JJD3"), "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.SENT_BACK);
    assertThat(mailBody("return-rejected")).contains("Coating scratched across the base.", "JJD3", "at our cost");
  }

  @Test
  void anUnreturnedRmaExpires() {
    service.authorize(7L, "REFUND", null);
    service.expire(7L, "P30D", "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.EXPIRED);
    assertThat(mailBody("rma-expired")).contains("RMA-2026-000042", "within 30 days", "carrier's receipt");
  }

  @Test
  void aLateParcelAfterExpiryDoesNotReopenTheReturn() {
    service.authorize(7L, "REFUND", null);
    service.expire(7L, "P30D", "pi-1");
    service.confirmReceipt(7L, "P2D", "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.EXPIRED);
  }

  @Test
  void asksTheCustomerAndClosesWhenNoAnswerComes() {
    service.askCustomer(7L, "When was it delivered?", "P14D", "act-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.INFO_REQUESTED);
    assertThat(mailBody("return-question")).contains("When was it delivered?", "open for 14 days");
    service.closeUnanswered(7L, "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.ABANDONED);
  }

  @Test
  void guidesAmazonFbaAndRedirectsRetailConsumers() {
    service.guideToAmazon(7L, "pi-1");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.GUIDED_TO_AMAZON);
    assertThat(mailBody("return-via-amazon")).contains("Return or replace items", "order EC-100001");

    ret = recorded("RETAILER", null, "CONSUMER", null);
    service.redirectToRetailer(7L, "pi-2");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.REDIRECTED_TO_RETAILER);
    assertThat(mailBody("return-to-retailer")).contains("Kaufhaus Demo, Cologne", "warranty still applies");
  }

  @Test
  void aBulkReturnIsPickedUpUnderAnRmaAndCreditedForTheDefectiveUnits() {
    ret = recorded("RETAILER", null, "BUSINESS", new BigDecimal("89.00"));
    assertThat(service.authorizeBulkReturn(7L)).isEqualTo("RMA-2026-000042");
    assertThat(service.authorizeBulkReturn(7L)).as("a retried step keeps the number").isEqualTo("RMA-2026-000042");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.PICKUP_REQUESTED);
    assertThat(service.describe(HandoffKind.PICKUP, procedure()).details()).contains("from Kaufhaus Demo, Cologne",
        "RMA-2026-000042");
    service.handedOff(HandoffKind.PICKUP, procedure(),
        new HandedOff(11L, "DB Schenker", "SCH-1", null, LocalDate.parse("2026-12-01"), null, null), "pi-1");
    assertThat(mailBody("bulk-pickup-booked")).contains("RMA-2026-000042", "Collection date: 2026-12-01");

    service.recordCreditNote(7L, new BulkInspection("SA-BLEND-900", 12, 9, "Motor fails."), " CN-42 ",
        new BigDecimal("801"), "pi-1");
    verify(finance).recordCreditNote(CASE, "CN-42", "Kaufhaus Demo, Cologne", new BigDecimal("801.00"));
    verify(stock).restock("SA-BLEND-900", 3, CASE, "RMA-2026-000042");
    verify(stock).scrap("SA-BLEND-900", 9, CASE, "RMA-2026-000042");
    assertThat(ret.getStatus()).isEqualTo(ReturnAuthorization.Status.CREDITED);
    assertThat(ret.getUnitsDefective()).isEqualTo(9);
  }

  @Test
  void aBulkReturnWithoutDefectsRestocksEverythingAndScrapsNothing() {
    ret = recorded("RETAILER", null, "BUSINESS", null);
    service.authorizeBulkReturn(7L);
    service.recordCreditNote(7L, new BulkInspection("SA-BLEND-900", 5, 0, "No fault found."), "CN-43",
        BigDecimal.ZERO, "pi-1");
    verify(stock).restock("SA-BLEND-900", 5, CASE, "RMA-2026-000042");
    verify(stock, never()).scrap(anyString(), anyInt(), anyString(), anyString());
  }

  @Test
  void theFormChecksExplainWhatIsMissing() {
    assertThatThrownBy(() -> ReturnService.checkDecision(true, " ", null, null, null)).hasMessageContaining("question");
    assertThatThrownBy(() -> ReturnService.checkDecision(false, null, true, null, null))
        .hasMessageContaining("REFUND or REPLACEMENT");
    assertThatThrownBy(() -> ReturnService.checkDecision(false, null, false, null, "")).hasMessageContaining("reason");
    ReturnService.checkDecision(true, "Order number?", null, null, null);
    ReturnService.checkDecision(null, null, true, "REPLACEMENT", null);
    ReturnService.checkDecision(false, null, null, null, "Too late.");

    assertThatThrownBy(() -> ReturnService.checkBulkInspection("SA-BLEND-900", 2, 3)).hasMessageContaining("(2)");
    assertThatThrownBy(() -> ReturnService.checkBulkInspection(null, 2, 1)).hasMessageContaining("SKU");
    assertThatThrownBy(() -> ReturnService.checkBulkInspection("SA-BLEND-900", null, 0))
        .hasMessageContaining("units received");
    ReturnService.checkBulkInspection("SA-BLEND-900", 2, 2);
  }

  @Test
  void anAmazonDecisionIsListedForSellerCentralUntilCustomerCareConfirmsIt() {
    ret = recorded("AMAZON", "FBM", "CONSUMER", new BigDecimal("59.90"));
    service.sellerCentralDecisionRequested(7L, true, "REPLACEMENT", null);
    verify(requests).record(io.aftersales.integration.ExternalSystem.AMAZON_SELLER_CENTRAL, "RETURN_DECISION", CASE,
        "EC-100001", "Authorise the return request of Amazon order EC-100001 (Frying pan 28 cm, ceramic (KW-PAN-28);"
            + " replacement).",
        "crm-frontend");
    service.sellerCentralDecisionRequested(7L, false, null, "Delivered 45 days ago.");
    verify(requests).record(eq(io.aftersales.integration.ExternalSystem.AMAZON_SELLER_CENTRAL), eq("RETURN_DECISION"),
        eq(CASE), eq("EC-100001"), contains("Decline the return request of Amazon order EC-100001"),
        eq("crm-frontend"));

    assertThatThrownBy(() -> service.sellerCentralDecisionRecorded(7L, false))
        .isInstanceOf(io.aftersales.shared.TaskInputRefused.class).hasMessageStartingWith("sellerCentralConfirmed");
    var open = mock(io.aftersales.integration.ExternalRequest.class);
    when(open.getId()).thenReturn(5L);
    when(open.getOperation()).thenReturn("RETURN_DECISION");
    when(open.getStatus()).thenReturn(io.aftersales.integration.ExternalRequest.Status.OPEN);
    var label = mock(io.aftersales.integration.ExternalRequest.class);
    when(label.getOperation()).thenReturn("RETURN_LABEL");
    when(requests.ofCase(CASE)).thenReturn(java.util.List.of(open, label));
    service.sellerCentralDecisionRecorded(7L, true);
    verify(requests).complete(5L, "recorded in Seller Central");
    verify(requests, never()).complete(eq(6L), anyString());
  }
}
