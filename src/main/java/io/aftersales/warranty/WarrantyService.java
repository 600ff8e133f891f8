package io.aftersales.warranty;

import io.aftersales.cases.CaseFacts;
import io.aftersales.cases.ServiceCases;
import io.aftersales.handoff.HandedOff;
import io.aftersales.handoff.HandoffKind;
import io.aftersales.handoff.HandoffParty;
import io.aftersales.handoff.HandoffRequest;
import io.aftersales.mail.CustomerMailer;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.shared.TaskInputRefused;
import io.aftersales.stock.Stock;
import io.aftersales.suppliers.PurchaseOrder;
import io.aftersales.suppliers.SupplierClaim;
import io.aftersales.suppliers.Suppliers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warranty procedure's work behind the delegates of warranty-claim.bpmn and supplier-claim.bpmn: the claim
 * record, which customer mail goes out when (one per milestone, idempotent per step; worded in {@link WarrantyMails}),
 * the requests to stock, purchasing and supplier management, and what logistics and finance book through the
 * outside-system hand-off. Every method that a retried job may run twice is idempotent:
 * the back-office APIs are per case and reference, mails per step id.
 */
@Service
@Transactional
class WarrantyService implements HandoffParty {
  private static final Logger log = LoggerFactory.getLogger(WarrantyService.class);

  /** Timer durations and coverage facts a process instance gets at registration. */
  record Registration(boolean proofOfPurchase, String documentsReminderAfter, String documentsAbandonAfter,
      String assessmentOla) {}

  record FiledClaim(Long claimId, String supplierName, String settlementOverdueAfter) {}

  private final WarrantyClaimRepository claims;
  private final ServiceCases cases;
  private final CustomerMailer mailer;
  private final Stock stock;
  private final Suppliers suppliers;
  private final MasterData masterData;
  private final RuntimeService runtime;
  private final Clock clock;
  private final WarrantySettings settings;

  WarrantyService(WarrantyClaimRepository claims, ServiceCases cases, CustomerMailer mailer, Stock stock,
      Suppliers suppliers,
      MasterData masterData, RuntimeService runtime, Clock clock, WarrantySettings settings) {
    this.claims = claims;
    this.cases = cases;
    this.mailer = mailer;
    this.stock = stock;
    this.suppliers = suppliers;
    this.masterData = masterData;
    this.runtime = runtime;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * The order is the proof of purchase for the own shop and Amazon (the order id suffices); a retailer purchase
   * needs the shop's receipt, and an unknown order needs the order number or a receipt. An agent's earlier "proven"
   * is kept.
   */
  static boolean proofOfPurchase(String salesChannel, Boolean orderKnown, Boolean alreadyProven) {
    if (Boolean.TRUE.equals(alreadyProven)) return true;
    if (!Boolean.TRUE.equals(orderKnown)) return false;
    return "ECOMMERCE".equals(salesChannel) || "AMAZON".equals(salesChannel);
  }

  // --- ServiceTask_RegisterClaim, ServiceTask_RefreshClaimFacts, listener on UserTask_AssessDefect --------------

  /** ServiceTask_RegisterClaim: one record per run of the procedure (a retried job finds its own). */
  Registration registerClaim(String processInstanceId, ClaimFacts facts, Boolean orderKnown, Boolean alreadyProven) {
    boolean proof = proofOfPurchase(facts.salesChannel(), orderKnown, alreadyProven);
    claims.findByProcessInstanceId(processInstanceId).orElseGet(() -> claims.save(new WarrantyClaim(processInstanceId,
        facts.caseId(), facts.caseNumber(), facts.salesChannel(), facts.productSku(), proof, clock.instant())));
    log.info("Warranty claim registered for case {} ({}, proof of purchase: {})", facts.caseNumber(),
        facts.salesChannel(), proof);
    return new Registration(proof, settings.reminderAfter(), settings.abandonAfter(), settings.assessmentOla());
  }

  /**
   * What ServiceTask_RefreshClaimFacts gives the eligibility decision: the case facts if an order was linked now
   * (empty otherwise), the purchase date, the months since it and whether the purchase is proven.
   */
  record Refreshed(Map<String, Object> linkedFacts, String purchaseDate, Integer monthsSincePurchase,
      boolean proofOfPurchase) {}

  /**
   * Records what the agent checked in the customer's documents, links an order number the customer sent later
   * (its delivery address and price then serve the remedy), and returns the facts for the eligibility decision.
   *
   * @throws TaskInputRefused for a date that is not yyyy-MM-dd or lies in the future, or an order that is not ours
   *     (the agent's task completion fails with this message, so the typo is fixed on the spot)
   */
  Refreshed refreshFacts(ClaimFacts facts, Boolean proofOfPurchase, String orderNumber, String purchaseDate,
      String serialNumber, Boolean photosReceived) {
    Map<String, Object> linked = cases.linkLateOrder(facts.caseId(), orderNumber).orElse(Map.of());
    if ((purchaseDate == null || purchaseDate.isBlank()) && linked.get("purchaseDate") != null) {
      purchaseDate = (String) linked.get("purchaseDate");
    }
    String channel = linked.isEmpty() ? facts.salesChannel() : (String) linked.get("salesChannel");
    boolean proof = proofOfPurchase(channel,
        !linked.isEmpty() || facts.orderNumber() != null && facts.salesChannel() != null, proofOfPurchase);
    LocalDate today = LocalDate.now(clock);
    LocalDate date = null;
    if (purchaseDate != null && !purchaseDate.isBlank()) {
      try {
        date = LocalDate.parse(purchaseDate.trim());
      } catch (DateTimeParseException e) {
        throw new TaskInputRefused("Purchase date '" + purchaseDate + "' is not a date like 2026-03-14");
      }
      if (date.isAfter(today)) throw new TaskInputRefused("Purchase date " + date + " is in the future");
    }
    claim(facts.caseNumber()).documentsReceived(proof, date, blankToNull(serialNumber),
        Boolean.TRUE.equals(photosReceived), clock.instant());
    return new Refreshed(linked, date == null ? null : date.toString(),
        date == null ? null : CaseFacts.monthsSince(date, today), proof);
  }

  /** Remedies that send something to the customer (a part, a new unit, the repaired unit). */
  private static final java.util.Set<String> SHIPS_TO_CUSTOMER =
      java.util.Set.of("SPARE_PART", "REPLACEMENT", "REPAIR_IN_HOUSE", "REPAIR_AT_SUPPLIER");

  /** @throws TaskInputRefused when the remedy lacks what it needs (the agent's completion fails) */
  void recordAssessment(String caseNumber, String remedy, String sparePartSku, String notes, String rejectionReason,
      Boolean defectiveUnit, String orderNumber, String shippingAddress) {
    if (remedy == null) throw new TaskInputRefused("Choose a remedy");
    if ("SPARE_PART".equals(remedy)) {
      if (sparePartSku == null || sparePartSku.isBlank()) {
        throw new TaskInputRefused("Enter the spare part's SKU for remedy SPARE_PART");
      }
      var part = masterData.productBySku(sparePartSku.strip());
      if (part.isEmpty()) throw new TaskInputRefused("Unknown spare part SKU " + sparePartSku);
      // Only a spare part ships as one: a whole product is a replacement unit (remedy REPLACEMENT).
      if (!part.get().isSparePart()) {
        throw new TaskInputRefused(sparePartSku + " (" + part.get().getName() + ") is not a spare part; for a whole"
            + " unit choose the remedy REPLACEMENT");
      }
    }
    if ("REJECT".equals(remedy) && (rejectionReason == null || rejectionReason.isBlank())) {
      throw new TaskInputRefused("Write the rejection reason for the customer");
    }
    // A remedy that ships to the customer needs an address: the order's, or one the agent enters.
    if (SHIPS_TO_CUSTOMER.contains(remedy) && blankToNull(orderNumber) == null
        && blankToNull(shippingAddress) == null) {
      throw new TaskInputRefused("No order holds a delivery address for this customer: enter the shipping address"
          + " (ask the customer if you do not have it)");
    }
    claim(caseNumber).assessed(remedy, blankToNull(sparePartSku), notes, blankToNull(rejectionReason),
        Boolean.TRUE.equals(defectiveUnit), blankToNull(shippingAddress), clock.instant());
  }

  // --- documents: request, reminder, abandonment ------------------------------------------------------------------

  void requestMissingDocuments(ClaimFacts facts, String eligibility, String eligibilityNote, String missingDocuments,
      String stepId) {
    claim(facts.caseNumber()).documentsRequested(eligibility, eligibilityNote, missingDocuments, clock.instant());
    mailer.sendMilestone(facts.caseId(), "warranty-documents-requested", stepId,
        WarrantyMails.documentsRequested(facts, missingDocuments));
  }

  void sendDocumentsReminder(ClaimFacts facts, String missingDocuments, String stepId) {
    mailer.sendMilestone(facts.caseId(), "warranty-documents-reminder", stepId,
        WarrantyMails.documentsReminder(facts, missingDocuments, settings.abandonAfter()));
  }

  void closeAbandoned(ClaimFacts facts, String missingDocuments, String stepId) {
    claim(facts.caseNumber()).abandoned(clock.instant());
    mailer.sendMilestone(facts.caseId(), "warranty-claim-closed", stepId,
        WarrantyMails.claimClosed(facts, missingDocuments));
  }

  // --- rejection ---------------------------------------------------------------------------------------------------

  /** An expired warranty (decision) or a rejected assessment (remedy REJECT): the reason, and what we can offer. */
  void sendRejection(ClaimFacts facts, String eligibility, String eligibilityNote, String remedy,
      String rejectionReason, String stepId) {
    boolean expired = !"REJECT".equals(remedy);
    claim(facts.caseNumber()).rejected(expired ? "EXPIRED" : eligibility, eligibilityNote,
        expired ? null : rejectionReason, clock.instant());
    mailer.sendMilestone(facts.caseId(), "warranty-claim-rejected", stepId, expired
        ? WarrantyMails.warrantyExpired(facts, eligibilityNote)
        : WarrantyMails.defectNotCovered(facts, rejectionReason));
  }

  // --- spare part and replacement: reserved, or ordered and received first --------------------------------------

  /** What ServiceTask_ReserveWarrantyGoods found: reserved, or ordered under this purchase order. */
  record Reservation(boolean inStock, String purchaseOrderNumber, String goods) {}

  /**
   * ServiceTask_ReserveWarrantyGoods: reserves the spare part (SPARE_PART) or a new unit (REPLACEMENT); when none
   * is in stock, purchasing's order goes to the supplier and the customer learns it takes a little longer.
   */
  Reservation reserveGoods(ClaimFacts facts, String remedy, String sparePartSku, String stepId) {
    String sku = goodsSku(facts, remedy, sparePartSku);
    String reference = goodsReference(facts, remedy);
    String goods = "1 x " + masterData.productBySku(sku).map(Product::getName).orElse(sku) + " (" + sku + ")";
    if (stock.reserve(sku, 1, facts.caseNumber(), reference)) return new Reservation(true, null, goods);
    PurchaseOrder po = suppliers.orderFromSupplier(facts.caseNumber(), sku, 1);
    if (po.getStatus() == PurchaseOrder.Status.DELIVERED) {
      // Suppliers orders once per case and SKU: a second shortage needs a person (stock count, new order).
      throw new IllegalStateException("Purchase order " + po.getNumber() + " for " + sku + " was already delivered"
          + " but nothing is in stock for case " + facts.caseNumber() + ": check the stock count and order by hand");
    }
    log.info("{} for warranty case {} is out of stock: ordered as {}", sku, facts.caseNumber(), po.getNumber());
    mailer.sendMilestone(facts.caseId(), "warranty-goods-ordered", stepId,
        WarrantyMails.goodsOrdered(facts, "SPARE_PART".equals(remedy)));
    return new Reservation(false, po.getNumber(), goods);
  }

  /** ServiceTask_BookWarrantyDelivery: the supplier delivered; the goods go into stock, reserved for the case. */
  void bookDelivery(ClaimFacts facts, String remedy, String sparePartSku, String purchaseOrderNumber) {
    String sku = goodsSku(facts, remedy, sparePartSku);
    suppliers.confirmDelivery(purchaseOrderNumber);
    if (!stock.reserve(sku, 1, facts.caseNumber(), goodsReference(facts, remedy))) {
      throw new IllegalStateException("Purchase order " + purchaseOrderNumber + " is delivered but " + sku
          + " could not be reserved for case " + facts.caseNumber() + ": check the stock booking, then retry");
    }
  }

  // --- hand-offs: what logistics and finance book, and what the customer is told ----------------------------------

  @Override
  public String procedure() {
    return WarrantyClaimProcess.KEY;
  }

  @Override
  public HandoffRequest describe(HandoffKind kind, VariableScope procedure) {
    ClaimFacts facts = ClaimFacts.of(procedure);
    return switch (kind) {
      case SPARE_PART, REPLACEMENT -> {
        String sku = goodsSku(facts, kind.name(), WarrantyClaimProcess.SPARE_PART_SKU.fromOrNull(procedure));
        yield HandoffRequest.shipment(goodsReference(facts, kind.name()), (kind == HandoffKind.SPARE_PART
            ? "Free warranty spare part "
            : "Warranty replacement: a new ") + productName(sku) + " (" + sku
            + ", 1 piece, reserved in stock); " + customerLine(facts));
      }
      case RETURN_LABEL -> HandoffRequest.shipment(reference(facts, "return-label"), "Prepaid return label for the"
          + " defective " + facts.productName() + " (warranty repair); " + customerLine(facts)
          + ". Send the label to the customer by the carrier's email.");
      case TO_SUPPLIER -> HandoffRequest.shipment(reference(facts, "to-supplier"), "Send the defective "
          + facts.productName() + " to " + supplierName(facts.productSku()) + " for a warranty repair");
      case REPAIRED_UNIT -> HandoffRequest.shipment(reference(facts, "repaired"), "Send the repaired "
          + facts.productName() + " back to the customer; " + customerLine(facts));
      case REFUND -> HandoffRequest.refund(reference(facts, "refund"), "Warranty refund of the purchase price of "
          + facts.productName() + "; " + customerLine(facts), refundAmount(facts), facts.salesChannel());
      default -> throw new IllegalStateException("warranty-claim does not hand off " + kind);
    };
  }

  @Override
  public void handedOff(HandoffKind kind, VariableScope procedure, HandedOff done, String stepId) {
    ClaimFacts facts = ClaimFacts.of(procedure);
    String carrier = done.carrier();
    String tracking = done.trackingNumber();
    switch (kind) {
      case SPARE_PART -> {
        String sku = goodsSku(facts, kind.name(), WarrantyClaimProcess.SPARE_PART_SKU.fromOrNull(procedure));
        pickReserved(facts, sku, goodsReference(facts, kind.name()));
        mailer.sendMilestone(facts.caseId(), "warranty-part-shipped", stepId,
            WarrantyMails.partShipped(facts, productName(sku), carrier, tracking));
      }
      case REPLACEMENT -> {
        pickReserved(facts, requiredSku(facts), goodsReference(facts, kind.name()));
        mailer.sendMilestone(facts.caseId(), "warranty-replacement-shipped", stepId,
            WarrantyMails.replacementShipped(facts, carrier, tracking));
      }
      case RETURN_LABEL -> mailer.sendMilestone(facts.caseId(), "warranty-return-label", stepId,
          WarrantyMails.returnLabel(facts, carrier, tracking, done.labelUrl()));
      case TO_SUPPLIER -> mailer.sendMilestone(facts.caseId(), "warranty-unit-at-supplier", stepId,
          WarrantyMails.unitAtSupplier(facts));
      case REPAIRED_UNIT -> {
        claim(facts.caseNumber()).resolved(clock.instant());
        mailer.sendMilestone(facts.caseId(), "warranty-repaired-unit-shipped", stepId,
            WarrantyMails.repairedUnitShipped(facts, carrier, tracking));
      }
      case REFUND -> {
        claim(facts.caseNumber()).resolved(clock.instant());
        mailer.sendMilestone(facts.caseId(), "warranty-refund-issued", stepId,
            WarrantyMails.refundIssued(facts, done.amount(), done.paymentReference()));
      }
      default -> throw new IllegalStateException("warranty-claim does not hand off " + kind);
    }
  }

  // --- supplier claim ----------------------------------------------------------------------------------------------

  /**
   * Starts supplier-claim for the case (message SupplierClaimRaised, business key = case number). A running claim
   * for the case is not started twice.
   */
  void raiseSupplierClaim(ClaimFacts facts, String reason) {
    if (runtime.createProcessInstanceQuery().processDefinitionKey(SupplierClaimProcess.KEY)
        .processInstanceBusinessKey(facts.caseNumber()).count() > 0) {
      log.info("Supplier claim for case {} already running", facts.caseNumber());
      return;
    }
    runtime.createMessageCorrelation(SupplierClaimProcess.MESSAGE_SUPPLIER_CLAIM_RAISED)
        .processInstanceBusinessKey(facts.caseNumber())
        .setVariable(SupplierClaimProcess.CASE_ID.name(), facts.caseId())
        .setVariable(SupplierClaimProcess.CASE_NUMBER.name(), facts.caseNumber())
        .setVariable(SupplierClaimProcess.PRODUCT_SKU.name(), requiredSku(facts))
        .setVariable(SupplierClaimProcess.QUANTITY.name(), 1)
        .setVariable(SupplierClaimProcess.REASON.name(),
            reason == null || reason.isBlank() ? "Defective unit, warranty claim " + facts.caseNumber() : reason)
        .correlateStartMessage();
  }

  FiledClaim fileSupplierClaim(String caseNumber, String sku, Integer quantity, String reason) {
    SupplierClaim claim = suppliers.fileClaim(caseNumber, sku, quantity == null ? 1 : quantity, reason);
    return new FiledClaim(claim.getId(), supplierName(sku), settings.settlementOverdueAfter());
  }

  void recordSupplierSettlement(Long claimId, BigDecimal amountRecovered) {
    if (amountRecovered == null || amountRecovered.signum() < 0) {
      throw new IllegalArgumentException("Enter the amount recovered (0 if the supplier rejected the claim)");
    }
    suppliers.settleClaim(claimId, amountRecovered.setScale(2, RoundingMode.HALF_UP));
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  /** The goods left with the parcel: reserved for the case (at the reservation or the supplier's delivery). */
  private void pickReserved(ClaimFacts facts, String sku, String reference) {
    WarrantyClaim claim = claim(facts.caseNumber());
    if (claim.getStatus() == WarrantyClaim.Status.RESOLVED) return; // a retried job: done
    stock.pick(sku, 1, facts.caseNumber(), reference);
    claim.resolved(clock.instant());
  }

  private String goodsSku(ClaimFacts facts, String remedy, String sparePartSku) {
    if ("SPARE_PART".equals(remedy)) {
      if (sparePartSku == null || sparePartSku.isBlank()) {
        throw new IllegalStateException("Case " + facts.caseNumber() + ": remedy SPARE_PART without sparePartSku");
      }
      return sparePartSku.trim();
    }
    return requiredSku(facts);
  }

  private static String goodsReference(ClaimFacts facts, String remedy) {
    return reference(facts, "SPARE_PART".equals(remedy) ? "part" : "replacement");
  }

  private String productName(String sku) {
    return masterData.productBySku(sku).map(Product::getName).orElse(sku);
  }

  private BigDecimal refundAmount(ClaimFacts facts) {
    if (facts.purchasePrice() != null) return facts.purchasePrice().setScale(2, RoundingMode.HALF_UP);
    return masterData.productBySku(facts.productSku()).map(Product::getListPrice)
        .orElseThrow(() -> new IllegalStateException("No purchase price or list price known for the refund of case "
            + facts.caseNumber()));
  }

  private String supplierName(String sku) {
    return masterData.productBySku(sku).map(Product::getSupplier).map(s -> s.getName())
        .orElse("(no supplier on file)");
  }

  private static String requiredSku(ClaimFacts facts) {
    if (facts.productSku() == null) {
      throw new IllegalStateException("Case " + facts.caseNumber() + " has no product SKU");
    }
    return facts.productSku();
  }

  private static String reference(ClaimFacts facts, String what) {
    return "W-" + facts.caseNumber() + "-" + what;
  }

  private static String customerLine(ClaimFacts facts) {
    return "customer " + facts.customerName() + ", case " + facts.caseNumber()
        + (facts.orderNumber() == null ? "" : ", order " + facts.orderNumber())
        + (facts.shippingAddress() != null && !facts.shippingAddress().isBlank()
            ? ", ship to: " + facts.shippingAddress().strip()
            : facts.orderNumber() == null ? "" : " (delivery address there)");
  }

  private WarrantyClaim claim(String caseNumber) {
    return claims.findFirstByCaseNumberOrderByIdDesc(caseNumber)
        .orElseThrow(() -> new IllegalStateException("No warranty claim registered for case " + caseNumber));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
