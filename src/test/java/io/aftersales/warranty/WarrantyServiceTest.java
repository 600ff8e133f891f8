package io.aftersales.warranty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftersales.finance.Finance;
import io.aftersales.logistics.Logistics;
import io.aftersales.logistics.Shipment;
import io.aftersales.logistics.ShipmentKind;
import io.aftersales.mail.CustomerMailer;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.stock.Stock;
import io.aftersales.suppliers.Suppliers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** WarrantyService's rules and customer mails, with the back-office modules mocked. */
class WarrantyServiceTest {
  private static final String CASE = "SC-2026-000042";

  WarrantyClaimRepository claims = mock(WarrantyClaimRepository.class);
  CustomerMailer mailer = mock(CustomerMailer.class);
  Logistics logistics = mock(Logistics.class);
  Stock stock = mock(Stock.class);
  Finance finance = mock(Finance.class);
  Suppliers suppliers = mock(Suppliers.class);
  MasterData masterData = mock(MasterData.class);
  RuntimeService runtime = mock(RuntimeService.class);
  Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  WarrantyService service = new WarrantyService(claims, mailer, logistics, stock, finance, suppliers, masterData,
      runtime, clock, "P5D", "P14D", "P2D", "P30D");
  WarrantyClaim claim = new WarrantyClaim(42L, CASE, clock.instant());

  @BeforeEach
  void claimExists() {
    when(claims.findByCaseNumber(CASE)).thenReturn(Optional.of(claim));
  }

  private static ClaimFacts facts(String channel, String serialNumber) {
    return new ClaimFacts(42L, CASE, "Jonas Weber", channel, null, "EC-100002", "SA-KETTLE-17",
        "Electric kettle 1.7 l", "2025-09-22", 14, 39.90, serialNumber, null);
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
    var registration = service.registerClaim(facts("RETAILER", null), true, null);
    assertThat(registration).isEqualTo(new WarrantyService.Registration(false, "P5D", "P14D", "P2D"));
    assertThat(claim.getStatus()).isEqualTo(WarrantyClaim.Status.REGISTERED);
  }

  @Test
  void aMisconfiguredTimerIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new WarrantyService(claims, mailer, logistics, stock, finance, suppliers, masterData,
        runtime, clock, "5 days", "P14D", "P2D", "P30D")).hasMessageContaining("aftersales.warranty.reminder-after");
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

  @Test
  void theCorrectedPurchaseDateGivesFullMonthsAndBadDatesAreRefused() {
    assertThat(service.refreshFacts(CASE, true, "2025-09-22", " SN-1 ", true)).isEqualTo(14);
    assertThat(service.refreshFacts(CASE, true, "2024-11-23", null, false)).isEqualTo(23);
    assertThat(service.refreshFacts(CASE, true, "2024-11-22", null, false)).isEqualTo(24);
    assertThat(service.refreshFacts(CASE, false, "", null, false)).isNull();
    assertThatThrownBy(() -> service.refreshFacts(CASE, true, "22.09.2025", null, false))
        .hasMessageContaining("not a date like");
    assertThatThrownBy(() -> service.refreshFacts(CASE, true, "2027-01-01", null, false))
        .hasMessageContaining("in the future");
  }

  @Test
  void anIncompleteAssessmentIsRefused() {
    assertThatThrownBy(() -> service.recordAssessment(CASE, "SPARE_PART", " ", "notes", null, false, "EC-100002", null))
        .hasMessageContaining("SKU");
    when(masterData.productBySku("SP-NOPE")).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service.recordAssessment(CASE, "SPARE_PART", "SP-NOPE", "notes", null, false, "EC-100002", null))
        .hasMessageContaining("Unknown spare part");
    assertThatThrownBy(() -> service.recordAssessment(CASE, "REJECT", null, "notes", "", false, "EC-100002", null))
        .isInstanceOf(io.aftersales.shared.TaskInputRefused.class).hasMessageContaining("rejection reason");
    // A whole product is not a spare part: it would ship a kettle as "the lid".
    when(masterData.productBySku("SA-KETTLE-17")).thenReturn(Optional.of(new Product("SA-KETTLE-17", "Kettle",
        "SMALL_APPLIANCES", 24, null, java.math.BigDecimal.TEN)));
    assertThatThrownBy(() -> service.recordAssessment(CASE, "SPARE_PART", "SA-KETTLE-17", "notes", null, false, "EC-100002", null))
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
    service.recordAssessment(CASE, "REPAIR_IN_HOUSE", null, "Element dead", null, true, null, "Hauptstr. 1, 50667 Köln");
    assertThat(claim.getShippingAddress()).isEqualTo("Hauptstr. 1, 50667 Köln");
    assertThat(claim.isDefectiveUnit()).isTrue();
  }

  @Test
  void anOutOfStockPartIsOrderedFromTheSupplierAndLogisticsIsTold() {
    Shipment shipment = mock(Shipment.class);
    when(shipment.getId()).thenReturn(5L);
    when(stock.reserve("SP-JAR-900", 1, CASE, "W-" + CASE + "-part")).thenReturn(false);
    when(logistics.request(eq(ShipmentKind.SPARE_PART), eq(CASE), eq("W-" + CASE + "-part"), anyString()))
        .thenReturn(shipment);
    var request = service.requestPartShipment(facts("ECOMMERCE", null), "SP-JAR-900");
    assertThat(request).isEqualTo(new WarrantyService.ShipmentRequest(5L, false));
    verify(suppliers).orderFromSupplier(CASE, "SP-JAR-900", 1);
    ArgumentCaptor<String> details = ArgumentCaptor.forClass(String.class);
    verify(logistics).request(eq(ShipmentKind.SPARE_PART), eq(CASE), anyString(), details.capture());
    assertThat(details.getValue()).contains("OUT OF STOCK");
  }

  @Test
  void shippingAPartThatIsStillNotInStockFailsLoudlyInsteadOfMailingTheCustomer() {
    when(stock.reserve(anyString(), anyInt(), anyString(), anyString())).thenReturn(false);
    assertThatThrownBy(() -> service.sendPartShipped(facts("ECOMMERCE", null), 5L, "SP-JAR-900", "DHL", "1", "step-1"))
        .hasMessageContaining("not in stock");
    verify(mailer, never()).sendMilestone(any(), any(), any(), any());
    verify(logistics, never()).confirm(any(), any(), any());
  }

  @Test
  void theRefundIsThePricePaidOrElseTheListPrice() {
    var refund = mock(io.aftersales.finance.Refund.class);
    when(refund.getId()).thenReturn(9L);
    when(finance.requestRefund(eq(CASE), eq("W-" + CASE + "-refund"), any(), eq("AMAZON"))).thenReturn(refund);
    assertThat(service.requestRefund(facts("AMAZON", null))).isEqualTo(9L);
    verify(finance).requestRefund(CASE, "W-" + CASE + "-refund", new BigDecimal("39.90"), "AMAZON");

    Product kettle = mock(Product.class);
    when(kettle.getListPrice()).thenReturn(new BigDecimal("39.90"));
    when(masterData.productBySku("SA-KETTLE-17")).thenReturn(Optional.of(kettle));
    when(finance.requestRefund(eq(CASE), any(), any(), eq("ECOMMERCE"))).thenReturn(refund);
    ClaimFacts noPrice = new ClaimFacts(42L, CASE, "Jonas Weber", null, null, null, "SA-KETTLE-17", "Electric kettle",
        null, null, null, null, null);
    service.requestRefund(noPrice);
    verify(finance).requestRefund(CASE, "W-" + CASE + "-refund", new BigDecimal("39.90"), "ECOMMERCE");
  }

  @Test
  void aSettlementNeedsAnAmountAndZeroMeansRejected() {
    assertThatThrownBy(() -> service.recordSupplierSettlement(7L, null)).hasMessageContaining("amount recovered");
    assertThatThrownBy(() -> service.recordSupplierSettlement(7L, -1)).hasMessageContaining("amount recovered");
    service.recordSupplierSettlement(7L, 35L);
    verify(suppliers).settleClaim(7L, new BigDecimal("35.00"));
  }
}
