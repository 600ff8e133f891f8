package io.aftersales.warranty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftersales.cases.ServiceCases;
import io.aftersales.handoff.HandedOff;
import io.aftersales.handoff.HandoffKind;
import io.aftersales.mail.CustomerMailer;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.masterdata.Supplier;
import io.aftersales.shared.TaskInputRefused;
import io.aftersales.stock.Stock;
import io.aftersales.suppliers.PurchaseOrder;
import io.aftersales.suppliers.SupplierClaim;
import io.aftersales.suppliers.Suppliers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** WarrantyService's rules and customer mails, with the back-office modules mocked. */
class WarrantyServiceTest {
  private static final String CASE = "SC-2026-000042";

  WarrantyClaimRepository claims = mock(WarrantyClaimRepository.class);
  ServiceCases cases = mock(ServiceCases.class);
  CustomerMailer mailer = mock(CustomerMailer.class);
  Stock stock = mock(Stock.class);
  Suppliers suppliers = mock(Suppliers.class);
  MasterData masterData = mock(MasterData.class);
  RuntimeService runtime = mock(RuntimeService.class);
  Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  WarrantyService service = new WarrantyService(claims, cases, mailer, stock, suppliers, masterData, runtime,
      clock, new WarrantySettings("P5D", "P14D", "P2D", "P30D"));
  WarrantyClaim claim = new WarrantyClaim("pi-1", 42L, CASE, "ECOMMERCE", "SA-KETTLE-17", true, clock.instant());

  @BeforeEach
  void claimExists() {
    when(claims.findFirstByCaseNumberOrderByIdDesc(CASE)).thenReturn(Optional.of(claim));
  }

  private static ClaimFacts facts(String channel, String serialNumber) {
    return new ClaimFacts(42L, CASE, "Jonas Weber", channel, null, "EC-100002", "SA-KETTLE-17",
        "Electric kettle 1.7 l", "2025-09-22", 14, new BigDecimal("39.90"), serialNumber, null);
  }

  private String mailBody(String milestone) {
    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(mailer).sendMilestone(eq(42L), eq(milestone), eq("step-1"), body.capture());
    return body.getValue();
  }

  @Test
  void ownShopAndAmazonOrdersProveThePurchaseRetailAndUnknownOrdersDoNot() {
    assertThat(WarrantyService.proofOfPurchase("ECOMMERCE", true, null)).isTrue();
    assertThat(WarrantyService.proofOfPurchase("AMAZON", true, false)).isTrue();
    assertThat(WarrantyService.proofOfPurchase("RETAILER", true, null)).isFalse();
    assertThat(WarrantyService.proofOfPurchase(null, false, null)).isFalse();
    assertThat(WarrantyService.proofOfPurchase("RETAILER", true, true)).as("an agent's check is kept").isTrue();
  }

  @Test
  void registrationHandsTheConfiguredTimersToTheProcess() {
    when(claims.findByProcessInstanceId("pi-2")).thenReturn(Optional.empty());
    var registration = service.registerClaim("pi-2", facts("RETAILER", null), true, null);
    assertThat(registration).isEqualTo(new WarrantyService.Registration(false, "P5D", "P14D", "P2D"));
    ArgumentCaptor<WarrantyClaim> saved = ArgumentCaptor.forClass(WarrantyClaim.class);
    verify(claims).save(saved.capture());
    assertThat(saved.getValue().getStatus()).isEqualTo(WarrantyClaim.Status.REGISTERED);
    assertThat(saved.getValue().getProcessInstanceId()).isEqualTo("pi-2");
    assertThat(saved.getValue().getSalesChannel()).isEqualTo("RETAILER");

    // A retried job finds its own record; a case's next claim gets a new one, the first stays as it ended.
    when(claims.findByProcessInstanceId("pi-1")).thenReturn(Optional.of(claim));
    service.registerClaim("pi-1", facts("RETAILER", null), true, null);
    verify(claims).save(any());
  }

  @Test
  void aClaimNeverMovesBackwards() {
    claim.documentsRequested("DOCUMENTS_MISSING", null, "receipt", clock.instant());
    claim.abandoned(clock.instant());
    claim.documentsReceived(true, null, null, true, clock.instant());
    claim.assessed("REPLACEMENT", null, "late", null, false, null, clock.instant());
    claim.resolved(clock.instant());
    assertThat(claim.getStatus()).as("late documents and assessment do not reopen it").isEqualTo(
        WarrantyClaim.Status.ABANDONED);

    WarrantyClaim shipped = new WarrantyClaim("pi-3", 42L, CASE, null, null, true, clock.instant());
    shipped.resolved(clock.instant());
    assertThat(shipped.getStatus()).as("nothing is resolved before it is assessed").isEqualTo(
        WarrantyClaim.Status.REGISTERED);
    shipped.assessed("SPARE_PART", "SP-1", "ok", null, false, null, clock.instant());
    shipped.resolved(clock.instant());
    shipped.rejected("ELIGIBLE", null, "late rejection", clock.instant());
    shipped.documentsRequested("DOCUMENTS_MISSING", null, "receipt", clock.instant());
    assertThat(shipped.getStatus()).isEqualTo(WarrantyClaim.Status.RESOLVED);
    assertThat(shipped.getRejectionReason()).isNull();
  }

  @Test
  void aMisconfiguredTimerIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new WarrantySettings("5 days", "P14D", "P2D", "P30D"))
        .hasMessageContaining("aftersales.warranty.reminder-after");
  }

  @Test
  void theDocumentsRequestListsWhatIsMissingPhotosAndTheSerialNumber() {
    service.requestMissingDocuments(facts("RETAILER", null), "DOCUMENTS_MISSING", "note", "the shop's receipt",
        "step-1");
    assertThat(mailBody("warranty-documents-requested")).startsWith("Hello Jonas Weber,")
        .contains("Electric kettle 1.7 l").contains("- the shop's receipt").contains("photos that show the defect")
        .contains("serial number").contains("reply to this email");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.AWAITING_DOCUMENTS);
    assertThat(claim.getMissingDocuments()).isEqualTo("the shop's receipt");
  }

  @Test
  void aKnownSerialNumberIsNotAskedForAgainAndTheReminderSaysWhenTheClaimCloses() {
    service.sendDocumentsReminder(facts("RETAILER", "B900-7781"), "the shop's receipt", "step-1");
    assertThat(mailBody("warranty-documents-reminder")).doesNotContain("serial number").contains("within 14 days");
  }

  @Test
  void anAbandonedClaimCanBeReopenedByReplying() {
    claim.documentsRequested("DOCUMENTS_MISSING", null, "the shop's receipt", clock.instant());
    service.closeAbandoned(facts("RETAILER", null), "the shop's receipt", "step-1");
    assertThat(mailBody("warranty-claim-closed")).contains("closed the claim for now").contains("any time");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.ABANDONED);
    assertThat(claim.getClosedAt()).isNotNull();
  }

  @Test
  void anExpiredClaimIsExplainedWithThePurchaseDateAndAnOffer() {
    service.sendRejection(facts("ECOMMERCE", null), "EXPIRED", "Consumer purchases are covered for 24 months.", null,
        null, "step-1");
    assertThat(mailBody("warranty-claim-rejected")).contains("on 2025-09-22, 14 months ago")
        .contains("covered for 24 months").contains("repair it for you at cost").contains("spare part");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.REJECTED);
    assertThat(claim.getEligibility()).isEqualTo("EXPIRED");
  }

  @Test
  void aRejectedAssessmentGivesTheAgentsReason() {
    service.sendRejection(facts("ECOMMERCE", null), "ELIGIBLE", null, "REJECT", "Limescale damage", "step-1");
    assertThat(mailBody("warranty-claim-rejected")).contains("Limescale damage.").contains("not covered");
    assertThat(claim.getRejectionReason()).isEqualTo("Limescale damage");
  }

  private Integer months(Boolean proof, String date) {
    return service.refreshFacts(facts("RETAILER", null), proof, null, date, null, false).monthsSincePurchase();
  }

  @Test
  void theCorrectedPurchaseDateGivesFullMonthsAndBadDatesAreRefused() {
    when(cases.linkLateOrder(42L, null)).thenReturn(Optional.empty());
    assertThat(service.refreshFacts(facts("RETAILER", null), true, null, "2025-09-22", " SN-1 ", true))
        .isEqualTo(new WarrantyService.Refreshed(Map.of(), "2025-09-22", 14, true));
    assertThat(claim.getSerialNumber()).isEqualTo("SN-1");
    assertThat(months(true, "2024-11-23")).isEqualTo(23);
    assertThat(months(true, "2024-11-22")).isEqualTo(24);
    assertThat(months(false, "")).isNull();
    assertThat(service.refreshFacts(facts("RETAILER", null), false, null, "", null, false).proofOfPurchase()).isFalse();
    assertThatThrownBy(() -> months(true, "22.09.2025")).hasMessageContaining("not a date like");
    assertThatThrownBy(() -> months(true, "2027-01-01")).hasMessageContaining("in the future");
  }

  @Test
  void anOrderNumberSentLaterIsLinkedAndProvesThePurchaseWithItsDate() {
    ClaimFacts unknownOrder = new ClaimFacts(42L, CASE, "Jonas Weber", null, null, null, "SA-KETTLE-17",
        "Electric kettle 1.7 l", null, null, null, null, null);
    when(cases.linkLateOrder(42L, " EC-100002 ")).thenReturn(Optional.of(Map.of("salesChannel", "ECOMMERCE",
        "orderNumber", "EC-100002", "orderKnown", true, "purchaseDate", "2025-09-22", "purchasePrice", 39.9)));
    var refreshed = service.refreshFacts(unknownOrder, false, " EC-100002 ", null, null, true);
    assertThat(refreshed.linkedFacts()).containsEntry("orderNumber", "EC-100002").containsEntry("purchasePrice", 39.9);
    assertThat(refreshed.purchaseDate()).as("the order's date when the agent gave none").isEqualTo("2025-09-22");
    assertThat(refreshed.monthsSincePurchase()).isEqualTo(14);
    assertThat(refreshed.proofOfPurchase()).as("our own order proves the purchase").isTrue();
    assertThat(claim.isProofOfPurchase()).isTrue();

    // The agent's date from the receipt wins over the order's.
    assertThat(service.refreshFacts(unknownOrder, false, " EC-100002 ", "2025-10-01", null, true).purchaseDate())
        .isEqualTo("2025-10-01");
    when(cases.linkLateOrder(42L, "NOPE")).thenThrow(new io.aftersales.shared.TaskInputRefused("orderNumber: NOPE"));
    assertThatThrownBy(() -> service.refreshFacts(unknownOrder, false, "NOPE", null, null, true))
        .hasMessageStartingWith("orderNumber");
  }

  @Test
  void anIncompleteAssessmentIsRefused() {
    assertThatThrownBy(() -> service.recordAssessment(CASE, "SPARE_PART", " ", "notes", null, false, "EC-100002", null))
        .hasMessageContaining("SKU");
    when(masterData.productBySku("SP-NOPE")).thenReturn(Optional.empty());
    assertThatThrownBy(
        () -> service.recordAssessment(CASE, "SPARE_PART", "SP-NOPE", "notes", null, false, "EC-100002", null))
        .hasMessageContaining("Unknown spare part");
    assertThatThrownBy(() -> service.recordAssessment(CASE, "REJECT", null, "notes", "", false, "EC-100002", null))
        .isInstanceOf(io.aftersales.shared.TaskInputRefused.class).hasMessageContaining("rejection reason");
    // A whole product is not a spare part: it would ship a kettle as "the lid".
    when(masterData.productBySku("SA-KETTLE-17")).thenReturn(Optional.of(new Product("SA-KETTLE-17", "Kettle",
        "SMALL_APPLIANCES", 24, null, java.math.BigDecimal.TEN)));
    assertThatThrownBy(
        () -> service.recordAssessment(CASE, "SPARE_PART", "SA-KETTLE-17", "notes", null, false, "EC-100002", null))
        .isInstanceOf(io.aftersales.shared.TaskInputRefused.class).hasMessageContaining("not a spare part");
    when(masterData.productBySku("SP-LID-28")).thenReturn(Optional.of(new Product("SP-LID-28", "Lid",
        Product.SPARE_PART_CATEGORY, 6, null, java.math.BigDecimal.ONE)));
    service.recordAssessment(CASE, "SPARE_PART", "SP-LID-28", "Lid cracked", null, false, "EC-100002", null);
    assertThat(claim.getRemedy()).isEqualTo("SPARE_PART");
    service.recordAssessment(CASE, "REPLACEMENT", null, "Element dead", null, true, "EC-100002", null);
    assertThat(claim.getRemedy()).isEqualTo("REPLACEMENT");
    // Without an order (its delivery address), a remedy that ships needs an address; a refund does not.
    assertThatThrownBy(() -> service.recordAssessment(CASE, "REPLACEMENT", null, "Element dead", null, true, " ", " "))
        .isInstanceOf(io.aftersales.shared.TaskInputRefused.class).hasMessageContaining("shipping address");
    service.recordAssessment(CASE, "REFUND", null, "Element dead", null, true, null, null);
    service.recordAssessment(CASE, "REPAIR_IN_HOUSE", null, "Element dead", null, true, null,
        "Hauptstr. 1, 50667 Köln");
    assertThat(claim.getShippingAddress()).isEqualTo("Hauptstr. 1, 50667 Köln");
    assertThat(claim.isDefectiveUnit()).isTrue();
  }

  /** The procedure's variables as the hand-off sees them (the calling warranty-claim). */
  private static VariableScope procedure(ClaimFacts f, Object... more) {
    Map<String, Object> v = new HashMap<>();
    v.put("caseId", f.caseId());
    v.put("caseNumber", f.caseNumber());
    v.put("customerName", f.customerName());
    v.put("salesChannel", f.salesChannel());
    v.put("orderNumber", f.orderNumber());
    v.put("productSku", f.productSku());
    v.put("productName", f.productName());
    v.put("purchasePrice", f.purchasePrice());
    v.put("shippingAddress", f.shippingAddress());
    for (int i = 0; i < more.length; i += 2)
      v.put((String) more[i], more[i + 1]);
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(inv -> v.get(inv.<String>getArgument(0)));
    return scope;
  }

  private Product product(String sku, String name, BigDecimal listPrice) {
    Product product = mock(Product.class);
    when(product.getName()).thenReturn(name);
    when(product.getListPrice()).thenReturn(listPrice);
    when(masterData.productBySku(sku)).thenReturn(Optional.of(product));
    return product;
  }

  @Test
  void aPartInStockIsReservedForTheCaseWithoutOrderingOrMailing() {
    product("SP-JAR-900", "Blender jar 1.5 l", null);
    when(stock.reserve("SP-JAR-900", 1, CASE, "W-" + CASE + "-part")).thenReturn(true);
    assertThat(service.reserveGoods(facts("ECOMMERCE", null), "SPARE_PART", " SP-JAR-900 ", "step-1"))
        .isEqualTo(new WarrantyService.Reservation(true, null, "1 x Blender jar 1.5 l (SP-JAR-900)"));
    verify(suppliers, never()).orderFromSupplier(any(), any(), anyInt());
    verify(mailer, never()).sendMilestone(any(), any(), any(), any());
  }

  @Test
  void anOutOfStockReplacementIsOrderedFromTheSupplierAndTheCustomerIsTold() {
    PurchaseOrder po = mock(PurchaseOrder.class);
    when(po.getNumber()).thenReturn("PO-2026-000007");
    when(po.getStatus()).thenReturn(PurchaseOrder.Status.ORDERED);
    when(suppliers.orderFromSupplier(CASE, "SA-KETTLE-17", 1)).thenReturn(po);
    var reservation = service.reserveGoods(facts("ECOMMERCE", null), "REPLACEMENT", null, "step-1");
    assertThat(reservation).isEqualTo(new WarrantyService.Reservation(false, "PO-2026-000007",
        "1 x SA-KETTLE-17 (SA-KETTLE-17)"));
    verify(stock).reserve("SA-KETTLE-17", 1, CASE, "W-" + CASE + "-replacement");
    assertThat(mailBody("warranty-goods-ordered")).contains("a new unit", "Electric kettle 1.7 l",
        "ordered it from our supplier");
  }

  @Test
  void aSecondShortageAfterADeliveredOrderNeedsAPerson() {
    PurchaseOrder po = mock(PurchaseOrder.class);
    when(po.getNumber()).thenReturn("PO-2026-000007");
    when(po.getStatus()).thenReturn(PurchaseOrder.Status.DELIVERED);
    when(suppliers.orderFromSupplier(any(), any(), anyInt())).thenReturn(po);
    assertThatThrownBy(() -> service.reserveGoods(facts("ECOMMERCE", null), "SPARE_PART", "SP-JAR-900", "step-1"))
        .hasMessageContaining("PO-2026-000007").hasMessageContaining("order by hand");
    assertThatThrownBy(() -> service.reserveGoods(facts("ECOMMERCE", null), "SPARE_PART", " ", "step-1"))
        .hasMessageContaining("without sparePartSku");
    verify(mailer, never()).sendMilestone(any(), any(), any(), any());
  }

  @Test
  void theSuppliersDeliveryIsBookedAndReservedOrTheRetryNamesTheProblem() {
    when(stock.reserve("SP-JAR-900", 1, CASE, "W-" + CASE + "-part")).thenReturn(true);
    service.bookDelivery(facts("ECOMMERCE", null), "SPARE_PART", "SP-JAR-900", "PO-2026-000007");
    verify(suppliers).confirmDelivery("PO-2026-000007");

    when(stock.reserve("SA-KETTLE-17", 1, CASE, "W-" + CASE + "-replacement")).thenReturn(false);
    assertThatThrownBy(() -> service.bookDelivery(facts("ECOMMERCE", null), "REPLACEMENT", null, "PO-2026-000008"))
        .hasMessageContaining("could not be reserved");
  }

  @Test
  void eachHandoffNamesItsReferenceTheGoodsAndWhereTheyGo() {
    product("SP-JAR-900", "Blender jar 1.5 l", null);
    product("SA-KETTLE-17", "Electric kettle 1.7 l", new BigDecimal("44.00"));
    ClaimFacts withAddress = new ClaimFacts(42L, CASE, "Jonas Weber", "ECOMMERCE", null, null, "SA-KETTLE-17",
        "Electric kettle 1.7 l", null, null, new BigDecimal("39.9"), null, "Jonas Weber, Main St 1, Berlin");
    var part = service.describe(HandoffKind.SPARE_PART, procedure(withAddress, "sparePartSku", "SP-JAR-900"));
    assertThat(part.reference()).isEqualTo("W-" + CASE + "-part");
    assertThat(part.details()).contains("Free warranty spare part Blender jar 1.5 l (SP-JAR-900", "reserved in stock",
        "ship to: Jonas Weber, Main St 1, Berlin");
    var unit = service.describe(HandoffKind.REPLACEMENT, procedure(facts("ECOMMERCE", null)));
    assertThat(unit.reference()).isEqualTo("W-" + CASE + "-replacement");
    assertThat(unit.details()).contains("a new Electric kettle 1.7 l (SA-KETTLE-17", "order EC-100002");
    assertThat(service.describe(HandoffKind.RETURN_LABEL, procedure(facts("ECOMMERCE", null))).reference())
        .isEqualTo("W-" + CASE + "-return-label");
    assertThat(service.describe(HandoffKind.TO_SUPPLIER, procedure(facts("ECOMMERCE", null))).details())
        .contains("to (no supplier on file) for a warranty repair");
    assertThat(service.describe(HandoffKind.REPAIRED_UNIT, procedure(facts("ECOMMERCE", null))).reference())
        .isEqualTo("W-" + CASE + "-repaired");
    assertThatThrownBy(() -> service.describe(HandoffKind.SEND_BACK, procedure(facts("ECOMMERCE", null))))
        .hasMessageContaining("does not hand off SEND_BACK");
  }

  @Test
  void theRefundIsThePricePaidOrElseTheListPriceWhereTheOrderWasPlaced() {
    var refund = service.describe(HandoffKind.REFUND, procedure(facts("AMAZON", null)));
    assertThat(refund.reference()).isEqualTo("W-" + CASE + "-refund");
    assertThat(refund.amount()).isEqualByComparingTo("39.90");
    assertThat(refund.salesChannel()).isEqualTo("AMAZON");

    product("SA-KETTLE-17", "Electric kettle", new BigDecimal("44.00"));
    ClaimFacts noPrice = new ClaimFacts(42L, CASE, "Jonas Weber", null, null, null, "SA-KETTLE-17", "Electric kettle",
        null, null, null, null, null);
    assertThat(service.describe(HandoffKind.REFUND, procedure(noPrice)).amount()).isEqualByComparingTo("44.00");
  }

  @Test
  void shippedGoodsLeaveTheStockOnceResolveTheClaimAndTheCustomerGetsTheTrackingNumber() {
    product("SP-JAR-900", "Blender jar 1.5 l", null);
    VariableScope procedure = procedure(facts("ECOMMERCE", null), "sparePartSku", "SP-JAR-900");
    HandedOff parcel = new HandedOff(5L, "DHL", "00340434", null, null, null, null);
    claim.assessed("SPARE_PART", "SP-JAR-900", "Jar cracked.", null, false, null, clock.instant());
    service.handedOff(HandoffKind.SPARE_PART, procedure, parcel, "step-1");
    verify(stock).pick("SP-JAR-900", 1, CASE, "W-" + CASE + "-part");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.RESOLVED);
    assertThat(mailBody("warranty-part-shipped")).contains("Blender jar 1.5 l", "Carrier: DHL",
        "Tracking number: 00340434", "unplug");
    // A retried job after commit picks nothing twice.
    service.handedOff(HandoffKind.SPARE_PART, procedure, parcel, "step-1");
    verify(stock).pick(any(), anyInt(), any(), any());
  }

  @Test
  void everyHandoffTellsTheCustomerWhatHappensNext() {
    VariableScope procedure = procedure(facts("ECOMMERCE", null));
    claim.assessed("REPLACEMENT", null, "Element dead.", null, false, null, clock.instant());
    service.handedOff(HandoffKind.REPLACEMENT, procedure, new HandedOff(5L, "DHL", "T-1", null, null, null, null),
        "step-1");
    assertThat(mailBody("warranty-replacement-shipped")).contains("brand-new replacement", "T-1",
        "keep the defective unit");
    verify(stock).pick("SA-KETTLE-17", 1, CASE, "W-" + CASE + "-replacement");

    service.handedOff(HandoffKind.RETURN_LABEL, procedure,
        new HandedOff(6L, "DPD", "RL-1", "https://dpd.example/l/1", null, null, null), "step-1");
    assertThat(mailBody("warranty-return-label")).contains("Print the prepaid return label: https://dpd.example/l/1",
        "Drop the parcel at any DPD point. Tracking number: RL-1");
    service.handedOff(HandoffKind.TO_SUPPLIER, procedure, new HandedOff(7L, "UPS", "S-1", null, null, null, null),
        "step-1");
    assertThat(mailBody("warranty-unit-at-supplier")).contains("manufacturer's repair service");
    service.handedOff(HandoffKind.REPAIRED_UNIT, procedure, new HandedOff(8L, "DHL", "R-1", null, null, null, null),
        "step-1");
    assertThat(mailBody("warranty-repaired-unit-shipped")).startsWith("Hello Jonas Weber,\n\nYour Electric kettle")
        .contains("Tracking number: R-1");
    service.handedOff(HandoffKind.REFUND, procedure(facts("AMAZON", null)),
        new HandedOff(9L, null, null, null, null, "AMZ-1", new BigDecimal("39.9")), "step-1");
    assertThat(mailBody("warranty-refund-issued")).contains("39.90 EUR", "reference AMZ-1", "Amazon order overview");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.RESOLVED);
  }

  @Test
  void aSettlementNeedsAnAmountAndZeroMeansRejected() {
    assertThatThrownBy(() -> service.recordSupplierSettlement(7L, null)).hasMessageContaining("amount recovered");
    assertThatThrownBy(() -> service.recordSupplierSettlement(7L, new BigDecimal("-1")))
        .hasMessageContaining("amount recovered");
    service.recordSupplierSettlement(7L, new BigDecimal("35"));
    verify(suppliers).settleClaim(7L, new BigDecimal("35.00"));
  }

  @Test
  void theProcedureIsTheWarrantyClaim() {
    assertThat(service.procedure()).isEqualTo("warranty-claim").isEqualTo(WarrantyClaimProcess.KEY);
  }

  @Test
  void aCaseWithoutARegisteredClaimIsAnErrorNamingTheCase() {
    ClaimFacts other = new ClaimFacts(43L, "SC-2026-000043", "Jonas Weber", "ECOMMERCE", null, "EC-100002",
        "SA-KETTLE-17", "Electric kettle 1.7 l", null, null, null, null, null);
    when(claims.findFirstByCaseNumberOrderByIdDesc("SC-2026-000043")).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service.closeAbandoned(other, "the shop's receipt", "step-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("No warranty claim registered for case SC-2026-000043");
    verify(mailer, never()).sendMilestone(any(), any(), any(), any());
  }

  @Test
  void theAbandonedClaimMailNamesTheMissingDocuments() {
    claim.documentsRequested("DOCUMENTS_MISSING", null, "the shop's receipt", clock.instant());
    service.closeAbandoned(facts("RETAILER", null), "the shop's receipt", "step-1");
    assertThat(mailBody("warranty-claim-closed")).startsWith("Hello Jonas Weber,")
        .contains("Electric kettle 1.7 l", "the shop's receipt");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.ABANDONED);
    assertThat(claim.getClosedAt()).isEqualTo(clock.instant());
  }

  @Test
  void aRejectedAssessmentKeepsTheEligibilityAndAnExpiryIgnoresAnyAssessmentReason() {
    service.sendRejection(facts("ECOMMERCE", null), "ELIGIBLE", null, "REJECT", " Limescale damage ", "step-1");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.REJECTED);
    assertThat(claim.getEligibility()).as("the warranty was valid; the defect is not covered").isEqualTo("ELIGIBLE");
    assertThat(claim.getRejectionReason()).isEqualTo(" Limescale damage ");
    assertThat(mailBody("warranty-claim-rejected")).contains("Limescale damage.").doesNotContain("period has ended");

    WarrantyClaim expired = new WarrantyClaim("pi-4", 42L, "SC-2026-000044", "ECOMMERCE", "SA-KETTLE-17", true,
        clock.instant());
    when(claims.findFirstByCaseNumberOrderByIdDesc("SC-2026-000044")).thenReturn(Optional.of(expired));
    ClaimFacts expiredFacts = new ClaimFacts(42L, "SC-2026-000044", "Jonas Weber", "ECOMMERCE", null, "EC-100002",
        "SA-KETTLE-17", "Electric kettle 1.7 l", "2023-09-22", 38, null, null, null);
    service.sendRejection(expiredFacts, null, "Consumer purchases are covered for 24 months.", null,
        "stale reason", "step-2");
    assertThat(expired.getStatus()).isEqualTo(WarrantyClaim.Status.REJECTED);
    assertThat(expired.getEligibility()).isEqualTo("EXPIRED");
    assertThat(expired.getEligibilityNote()).isEqualTo("Consumer purchases are covered for 24 months.");
    assertThat(expired.getRejectionReason()).isNull();
    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(mailer).sendMilestone(eq(42L), eq("warranty-claim-rejected"), eq("step-2"), body.capture());
    assertThat(body.getValue()).contains("period has ended").doesNotContain("stale reason");
  }

  @Test
  void anOrderOfOurOwnShopProvesThePurchaseWithoutALateLink() {
    when(cases.linkLateOrder(42L, null)).thenReturn(Optional.empty());
    var refreshed = service.refreshFacts(facts("ECOMMERCE", null), false, null, null, " ", null);
    assertThat(refreshed).isEqualTo(new WarrantyService.Refreshed(Map.of(), null, null, true));
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.DOCUMENTS_RECEIVED);
    assertThat(claim.isProofOfPurchase()).isTrue();
    assertThat(claim.getSerialNumber()).isNull();
    assertThat(claim.isPhotosReceived()).isFalse();
    assertThat(claim.getDocumentsReceivedAt()).isEqualTo(clock.instant());

    ClaimFacts noOrder = new ClaimFacts(42L, CASE, "Jonas Weber", "ECOMMERCE", null, null, "SA-KETTLE-17",
        "Electric kettle 1.7 l", null, null, null, null, null);
    assertThat(service.refreshFacts(noOrder, false, null, null, null, true).proofOfPurchase())
        .as("without an order number there is nothing to prove it").isFalse();
    ClaimFacts unknownChannel = new ClaimFacts(42L, CASE, "Jonas Weber", null, null, "EC-100002", "SA-KETTLE-17",
        "Electric kettle 1.7 l", null, null, null, null, null);
    assertThat(service.refreshFacts(unknownChannel, false, null, null, null, true).proofOfPurchase()).isFalse();
    assertThat(service.refreshFacts(noOrder, true, null, null, null, true).proofOfPurchase())
        .as("the agent saw a receipt").isTrue();
  }

  @Test
  void aLinkedOrdersChannelAndDateServeWhenTheAgentLeftTheDateBlank() {
    when(cases.linkLateOrder(42L, "EC-100002")).thenReturn(Optional.of(Map.of("salesChannel", "ECOMMERCE",
        "orderNumber", "EC-100002", "purchaseDate", "2025-09-22")));
    var refreshed = service.refreshFacts(facts("RETAILER", null), false, "EC-100002", "  ", null, false);
    assertThat(refreshed.purchaseDate()).isEqualTo("2025-09-22");
    assertThat(refreshed.monthsSincePurchase()).isEqualTo(14);
    assertThat(refreshed.proofOfPurchase()).as("the linked order is ours, whatever the case said").isTrue();
    assertThat(claim.getPurchaseDate()).isEqualTo(java.time.LocalDate.of(2025, 9, 22));

    when(cases.linkLateOrder(42L, "RT-1")).thenReturn(Optional.of(Map.of("salesChannel", "RETAILER",
        "orderNumber", "RT-1")));
    var retail = service.refreshFacts(facts("ECOMMERCE", null), false, "RT-1", "2026-11-22", null, false);
    assertThat(retail.proofOfPurchase()).as("a retail order still needs the receipt").isFalse();
    assertThat(retail.purchaseDate()).as("today is not in the future").isEqualTo("2026-11-22");
    assertThat(retail.monthsSincePurchase()).isZero();
  }

  @Test
  void anAssessmentWithoutRemedyOrRejectionReasonIsRefusedAndAValidOneIsRecordedTrimmed() {
    assertThatThrownBy(() -> service.recordAssessment(CASE, null, null, "notes", null, false, "EC-100002", null))
        .isInstanceOf(TaskInputRefused.class).hasMessage("Choose a remedy");
    assertThatThrownBy(() -> service.recordAssessment(CASE, "REJECT", null, "notes", null, false, "EC-100002", null))
        .isInstanceOf(TaskInputRefused.class).hasMessage("Write the rejection reason for the customer");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.REGISTERED);

    service.recordAssessment(CASE, "REJECT", " ", "Limescale", " Limescale damage ", false, null, null);
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.ASSESSED);
    assertThat(claim.getRemedy()).isEqualTo("REJECT");
    assertThat(claim.getRejectionReason()).isEqualTo("Limescale damage");
    assertThat(claim.getSparePartSku()).isNull();
    assertThat(claim.getAssessmentNotes()).isEqualTo("Limescale");
    assertThat(claim.isDefectiveUnit()).isFalse();

    when(masterData.productBySku("SP-LID-28")).thenReturn(Optional.of(new Product("SP-LID-28", "Lid",
        Product.SPARE_PART_CATEGORY, 6, null, BigDecimal.ONE)));
    service.recordAssessment(CASE, "SPARE_PART", " SP-LID-28 ", "Lid cracked", null, false, null, " Main St 1 ");
    assertThat(claim.getSparePartSku()).isEqualTo("SP-LID-28");
    assertThat(claim.getShippingAddress()).isEqualTo("Main St 1");
    assertThat(claim.getRejectionReason()).isNull();
  }

  private static ClaimFacts withDelivery(String orderNumber, String shippingAddress) {
    return new ClaimFacts(42L, CASE, "Jonas Weber", "ECOMMERCE", null, orderNumber, "SA-KETTLE-17",
        "Electric kettle 1.7 l", null, null, new BigDecimal("39.90"), null, shippingAddress);
  }

  private String returnLabelDetails(ClaimFacts f) {
    return service.describe(HandoffKind.RETURN_LABEL, procedure(f)).details();
  }

  @Test
  void logisticsIsToldTheAddressOrThatTheOrderHoldsItOrNeither() {
    assertThat(returnLabelDetails(withDelivery(null, " Jonas Weber, Main St 1, Berlin "))).isEqualTo(
        "Prepaid return label for the defective Electric kettle 1.7 l (warranty repair); customer Jonas Weber, case "
            + CASE
            + ", ship to: Jonas Weber, Main St 1, Berlin. Send the label to the customer by the carrier's email.");
    assertThat(returnLabelDetails(withDelivery("EC-100002", "Main St 1"))).contains(
        "customer Jonas Weber, case " + CASE + ", order EC-100002, ship to: Main St 1. Send");
    assertThat(returnLabelDetails(withDelivery("EC-100002", null))).contains(
        "customer Jonas Weber, case " + CASE + ", order EC-100002 (delivery address there). Send");
    assertThat(returnLabelDetails(withDelivery("EC-100002", "  "))).contains(
        "customer Jonas Weber, case " + CASE + ", order EC-100002 (delivery address there). Send");
    assertThat(returnLabelDetails(withDelivery(null, null))).contains("customer Jonas Weber, case " + CASE + ". Send");
    assertThat(service.describe(HandoffKind.REPAIRED_UNIT, procedure(withDelivery(null, null))).details()).isEqualTo(
        "Send the repaired Electric kettle 1.7 l back to the customer; customer Jonas Weber, case " + CASE);
  }

  @Test
  void aRefundWithoutAnyKnownPriceIsAnError() {
    ClaimFacts noPrice = new ClaimFacts(42L, CASE, "Jonas Weber", null, null, null, "SA-KETTLE-17", "Electric kettle",
        null, null, null, null, null);
    when(masterData.productBySku("SA-KETTLE-17")).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service.describe(HandoffKind.REFUND, procedure(noPrice)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("No purchase price or list price known for the refund of case " + CASE);
    product("SA-KETTLE-17", "Electric kettle", null);
    assertThatThrownBy(() -> service.describe(HandoffKind.REFUND, procedure(noPrice)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("No purchase price or list price");
  }

  @Test
  void theUnitGoesToTheProductsSupplier() {
    Product kettle = product("SA-KETTLE-17", "Electric kettle 1.7 l", null);
    when(kettle.getSupplier()).thenReturn(new Supplier("Kettle Works GmbH", "claims@kettleworks.example"));
    assertThat(service.describe(HandoffKind.TO_SUPPLIER, procedure(facts("ECOMMERCE", null))).details())
        .isEqualTo("Send the defective Electric kettle 1.7 l to Kettle Works GmbH for a warranty repair");
  }

  private WarrantyClaim assessed(String remedy) {
    claim.assessed(remedy, null, "Element dead.", null, true, null, clock.instant());
    return claim;
  }

  @Test
  void theRepairedUnitShippedResolvesTheClaim() {
    assessed("REPAIR_IN_HOUSE");
    service.handedOff(HandoffKind.REPAIRED_UNIT, procedure(facts("ECOMMERCE", null)),
        new HandedOff(8L, "DHL", "R-1", null, null, null, null), "step-1");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.RESOLVED);
    assertThat(claim.getClosedAt()).isEqualTo(clock.instant());
    assertThat(mailBody("warranty-repaired-unit-shipped")).contains("Carrier: DHL", "Tracking number: R-1");
    verify(stock, never()).pick(any(), anyInt(), any(), any());
  }

  @Test
  void theRefundIssuedResolvesTheClaim() {
    assessed("REFUND");
    service.handedOff(HandoffKind.REFUND, procedure(facts("ECOMMERCE", null)),
        new HandedOff(9L, null, null, null, null, "FIN-7", new BigDecimal("39.9")), "step-1");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.RESOLVED);
    assertThat(claim.getClosedAt()).isEqualTo(clock.instant());
    assertThat(mailBody("warranty-refund-issued")).contains("39.90 EUR", "reference FIN-7");
  }

  @Test
  void theLabelAndTheUnitAtTheSupplierLeaveTheClaimOpenAndTheStockAlone() {
    assessed("REPAIR_AT_SUPPLIER");
    VariableScope procedure = procedure(facts("ECOMMERCE", null));
    service.handedOff(HandoffKind.RETURN_LABEL, procedure,
        new HandedOff(6L, "DPD", "RL-1", "https://dpd.example/l/1", null, null, null), "step-1");
    service.handedOff(HandoffKind.TO_SUPPLIER, procedure, new HandedOff(7L, "UPS", "S-1", null, null, null, null),
        "step-1");
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.ASSESSED);
    verify(stock, never()).pick(any(), anyInt(), any(), any());
    assertThatThrownBy(() -> service.handedOff(HandoffKind.SEND_BACK, procedure,
        new HandedOff(7L, "UPS", "S-1", null, null, null, null), "step-1"))
        .isInstanceOf(IllegalStateException.class).hasMessage("warranty-claim does not hand off SEND_BACK");
  }

  @Test
  void aRetriedReplacementHandoffPicksNothingTwice() {
    assessed("REPLACEMENT");
    claim.resolved(clock.instant());
    service.handedOff(HandoffKind.REPLACEMENT, procedure(facts("ECOMMERCE", null)),
        new HandedOff(5L, "DHL", "T-1", null, null, null, null), "step-1");
    verify(stock, never()).pick(any(), anyInt(), any(), any());
    assertThat(mailBody("warranty-replacement-shipped")).contains("T-1");
  }

  private ProcessInstanceQuery runningSupplierClaims(long count) {
    ProcessInstanceQuery query = mock(ProcessInstanceQuery.class, RETURNS_SELF);
    when(query.count()).thenReturn(count);
    when(runtime.createProcessInstanceQuery()).thenReturn(query);
    return query;
  }

  private MessageCorrelationBuilder supplierClaimStart() {
    MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
    when(runtime.createMessageCorrelation(SupplierClaimProcess.MESSAGE_SUPPLIER_CLAIM_RAISED)).thenReturn(correlation);
    return correlation;
  }

  @Test
  void aDefectiveUnitStartsTheSupplierClaimForTheCase() {
    ProcessInstanceQuery query = runningSupplierClaims(0);
    MessageCorrelationBuilder correlation = supplierClaimStart();

    service.raiseSupplierClaim(facts("ECOMMERCE", null), "Heating element dead");

    verify(query).processDefinitionKey("supplier-claim");
    verify(query).processInstanceBusinessKey(CASE);
    verify(correlation).processInstanceBusinessKey(CASE);
    verify(correlation).setVariable("caseId", 42L);
    verify(correlation).setVariable("caseNumber", CASE);
    verify(correlation).setVariable("productSku", "SA-KETTLE-17");
    verify(correlation).setVariable("quantity", 1);
    verify(correlation).setVariable("reason", "Heating element dead");
    verify(correlation).correlateStartMessage();
  }

  @Test
  void withoutAssessmentNotesTheSupplierClaimGivesADefaultReason() {
    runningSupplierClaims(0);
    MessageCorrelationBuilder correlation = supplierClaimStart();
    service.raiseSupplierClaim(facts("ECOMMERCE", null), null);
    verify(correlation).setVariable("reason", "Defective unit, warranty claim " + CASE);

    MessageCorrelationBuilder again = supplierClaimStart();
    service.raiseSupplierClaim(facts("ECOMMERCE", null), "  ");
    verify(again).setVariable("reason", "Defective unit, warranty claim " + CASE);
    verify(again).correlateStartMessage();
  }

  @Test
  void aRunningSupplierClaimIsNotStartedTwice() {
    runningSupplierClaims(1);
    service.raiseSupplierClaim(facts("ECOMMERCE", null), "Heating element dead");
    verify(runtime, never()).createMessageCorrelation(anyString());
  }

  @Test
  void aSupplierClaimNeedsTheProductSku() {
    runningSupplierClaims(0);
    MessageCorrelationBuilder correlation = supplierClaimStart();
    ClaimFacts noSku = new ClaimFacts(42L, CASE, "Jonas Weber", "ECOMMERCE", null, "EC-100002", null, null, null,
        null, null, null, null);
    assertThatThrownBy(() -> service.raiseSupplierClaim(noSku, "x")).isInstanceOf(IllegalStateException.class)
        .hasMessage("Case " + CASE + " has no product SKU");
    verify(correlation, never()).correlateStartMessage();
  }

  @Test
  void theFiledClaimNamesTheSupplierAndWhenToChase() {
    Product kettle = product("SA-KETTLE-17", "Electric kettle 1.7 l", null);
    when(kettle.getSupplier()).thenReturn(new Supplier("Kettle Works GmbH", "claims@kettleworks.example"));
    SupplierClaim filed = mock(SupplierClaim.class);
    when(filed.getId()).thenReturn(11L);
    when(suppliers.fileClaim(CASE, "SA-KETTLE-17", 3, "Element dead")).thenReturn(filed);

    assertThat(service.fileSupplierClaim(CASE, "SA-KETTLE-17", 3, "Element dead"))
        .isEqualTo(new WarrantyService.FiledClaim(11L, "Kettle Works GmbH", "P30D"));
  }

  @Test
  void aClaimWithoutQuantityIsForOneUnitAndAnUnknownSupplierIsSaid() {
    when(masterData.productBySku("SA-UNKNOWN")).thenReturn(Optional.empty());
    SupplierClaim filed = mock(SupplierClaim.class);
    when(filed.getId()).thenReturn(12L);
    when(suppliers.fileClaim(CASE, "SA-UNKNOWN", 1, null)).thenReturn(filed);

    assertThat(service.fileSupplierClaim(CASE, "SA-UNKNOWN", null, null))
        .isEqualTo(new WarrantyService.FiledClaim(12L, "(no supplier on file)", "P30D"));
  }

  @Test
  void aRejectedSupplierClaimIsSettledWithZero() {
    service.recordSupplierSettlement(7L, BigDecimal.ZERO);
    verify(suppliers).settleClaim(7L, new BigDecimal("0.00"));
    service.recordSupplierSettlement(8L, new BigDecimal("12.345"));
    verify(suppliers).settleClaim(8L, new BigDecimal("12.35"));
  }
}
