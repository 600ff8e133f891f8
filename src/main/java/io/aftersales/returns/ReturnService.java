package io.aftersales.returns;

import io.aftersales.finance.Finance;
import io.aftersales.handoff.HandedOff;
import io.aftersales.handoff.HandoffKind;
import io.aftersales.handoff.HandoffParty;
import io.aftersales.handoff.HandoffRequest;
import io.aftersales.integration.ExternalRequest;
import io.aftersales.integration.ExternalRequests;
import io.aftersales.integration.ExternalSystem;
import io.aftersales.mail.CustomerMailer;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.shared.TaskInputRefused;
import io.aftersales.stock.Stock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every operation of return-handling.bpmn. Each is idempotent: the back-office APIs are idempotent
 * per case and RMA number, mails per step id, and the record refuses repeated transitions - so a
 * retried job never books, refunds, moves stock or mails twice.
 */
@Service
@Transactional
class ReturnService implements HandoffParty {
  private static final Logger log = LoggerFactory.getLogger(ReturnService.class);
  static final String SELLER_CENTRAL_DECISION = "RETURN_DECISION";
  static final Set<String> CUSTOMER_WISHES = Set.of("REFUND", "REPLACEMENT");
  static final Set<String> ITEM_CONDITIONS = Set.of("NEW", "OPENED", "DAMAGED", "DAMAGED_ON_DELIVERY");

  private final ReturnAuthorizationRepository returns;
  private final CustomerMailer mailer;
  private final Finance finance;
  private final ExternalRequests requests;
  private final Stock stock;
  private final MasterData masterData;
  private final ReturnSettings settings;
  private final Clock clock;

  ReturnService(ReturnAuthorizationRepository returns, CustomerMailer mailer, Finance finance,
      ExternalRequests requests, Stock stock,
      MasterData masterData, ReturnSettings settings, Clock clock) {
    this.returns = returns;
    this.mailer = mailer;
    this.finance = finance;
    this.requests = requests;
    this.stock = stock;
    this.masterData = masterData;
    this.settings = settings;
    this.clock = clock;
  }

  /** ServiceTask_PrepareReturn: records the request (once per process instance) and hands out the timer settings. */
  PreparedReturn prepare(ReturnRequest request) {
    ReturnAuthorization r = returns.findByProcessInstanceId(request.processInstanceId())
        .orElseGet(() -> returns.save(new ReturnAuthorization(request, clock.instant())));
    log.info("Return {} recorded for case {} (channel {}, {})", r.getId(), r.getCaseNumber(), r.getSalesChannel(),
        r.getFulfilment());
    return new PreparedReturn(r.getId(), settings);
  }

  /** ServiceTask_GuideToAmazonReturn: Amazon FBA orders are returned through Amazon's return centre. */
  void guideToAmazon(Long returnId, String stepId) {
    ReturnAuthorization r = get(returnId);
    mailer.sendMilestone(r.getCaseId(), "return-via-amazon", stepId, ReturnMails.guidedToAmazon(r));
    r.guidedToAmazon(clock.instant());
  }

  /** ServiceTask_RedirectToRetailer: a consumer who bought at a shop returns it there. */
  void redirectToRetailer(Long returnId, String stepId) {
    ReturnAuthorization r = get(returnId);
    mailer.sendMilestone(r.getCaseId(), "return-to-retailer", stepId, ReturnMails.redirectedToRetailer(r));
    r.redirectedToRetailer(clock.instant());
  }

  /** ServiceTask_AuthorizeBulkReturn: an RMA number for the retailer's boxes; logistics books the collection next. */
  String authorizeBulkReturn(Long returnId) {
    ReturnAuthorization r = get(returnId);
    r.pickupRequested(r.getRmaNumber() != null ? r.getRmaNumber() : nextRmaNumber());
    return r.getRmaNumber();
  }

  /** Complete listener of UserTask_InspectBulkReturn: the counts must add up before finance sees them. */
  static void checkBulkInspection(String sku, Integer unitsReceived, Integer unitsDefective) {
    if (sku == null || sku.isBlank()) throw new TaskInputRefused("Enter the SKU of the returned units.");
    if (unitsReceived == null || unitsReceived < 0) throw new TaskInputRefused("Enter the units received (0 or more).");
    if (unitsDefective == null || unitsDefective < 0 || unitsDefective > unitsReceived) {
      throw new TaskInputRefused("Units defective must be between 0 and the units received (" + unitsReceived + ").");
    }
  }

  /**
   * ServiceTask_RecordCreditNote: the credit note finance issued, the units back on the shelf or
   * scrapped, and the retailer told.
   */
  void recordCreditNote(Long returnId, BulkInspection inspection, String creditNoteNumber, BigDecimal amount,
      String stepId) {
    ReturnAuthorization r = get(returnId);
    checkBulkInspection(inspection.productSku(), inspection.unitsReceived(), inspection.unitsDefective());
    String sku = inspection.productSku().trim();
    BigDecimal credit = money(amount, "creditNoteAmount");
    String creditedTo = r.getRetailerName() != null
        ? r.getRetailerName()
        : r.getCustomerName() != null ? r.getCustomerName() : r.getCaseNumber();
    finance.recordCreditNote(r.getCaseNumber(), required(creditNoteNumber, "creditNoteNumber").trim(), creditedTo,
        credit);
    int sellable = inspection.unitsReceived() - inspection.unitsDefective();
    if (sellable > 0) stock.restock(sku, sellable, r.getCaseNumber(), r.getRmaNumber());
    if (inspection.unitsDefective() > 0)
      stock.scrap(sku, inspection.unitsDefective(), r.getCaseNumber(), r.getRmaNumber());
    r.credited(sku, inspection.unitsReceived(), inspection.unitsDefective(), inspection.notes(),
        creditNoteNumber.trim(),
        credit, clock.instant());
    mailer.sendMilestone(r.getCaseId(), "credit-note-issued", stepId, ReturnMails.creditNoteIssued(r));
  }

  /**
   * Complete listener of UserTask_DecideReturn: a decision the rest of the model can act on -
   * a question, or an approval with the customer's wish, or a refusal with a reason.
   */
  static void checkDecision(Boolean needsCustomerInfo, String question, Boolean approved, String customerWish,
      String refusalReason) {
    if (Boolean.TRUE.equals(needsCustomerInfo)) {
      if (question == null || question.isBlank()) {
        throw new TaskInputRefused("Write the question to the customer, or untick 'I need information first'.");
      }
    } else if (Boolean.TRUE.equals(approved)) {
      if (customerWish == null || !CUSTOMER_WISHES.contains(customerWish)) {
        throw new TaskInputRefused("Choose what the customer wants: REFUND or REPLACEMENT.");
      }
    } else if (refusalReason == null || refusalReason.isBlank()) {
      throw new TaskInputRefused("Write the reason for the refusal; the customer receives it.");
    }
  }

  /** ServiceTask_AskCustomer: the agent's question goes out; the return waits for the answer. */
  void askCustomer(Long returnId, String question, String answerTimeout, String stepId) {
    ReturnAuthorization r = get(returnId);
    mailer.sendMilestone(r.getCaseId(), "return-question", stepId,
        ReturnMails.question(r, required(question, "questionToCustomer"), answerTimeout));
    r.infoRequested();
  }

  /** ServiceTask_CloseUnansweredReturn: no answer in time. */
  void closeUnanswered(Long returnId, String stepId) {
    ReturnAuthorization r = get(returnId);
    mailer.sendMilestone(r.getCaseId(), "return-closed-unanswered", stepId, ReturnMails.closedUnanswered(r));
    r.abandoned(clock.instant());
  }

  /** ServiceTask_SendReturnRefusal. */
  void refuse(Long returnId, String reason, Boolean sellerCentralRecorded, String stepId) {
    ReturnAuthorization r = get(returnId);
    r.refuse(required(reason, "refusalReason").trim(), sellerCentralRecorded, clock.instant());
    if (r.getStatus() != ReturnAuthorization.Status.REFUSED) {
      log.warn("Return of case {} is {}, not refused: no refusal mail", r.getCaseNumber(), r.getStatus());
      return;
    }
    mailer.sendMilestone(r.getCaseId(), "return-refused", stepId, ReturnMails.refused(r));
  }

  /**
   * Create listener of UserTask_RecordDecisionInSellerCentral (Amazon FBM): the decision waits in Seller Central's
   * request list while customer care records it there (idempotent per case and order).
   */
  void sellerCentralDecisionRequested(Long returnId, Boolean approved, String customerWish, String refusalReason) {
    ReturnAuthorization r = get(returnId);
    requests.record(ExternalSystem.AMAZON_SELLER_CENTRAL, SELLER_CENTRAL_DECISION, r.getCaseNumber(),
        r.getOrderNumber(), Boolean.TRUE.equals(approved)
            ? "Authorise the return request of Amazon order " + r.getOrderNumber() + " (" + productLabel(r) + "; "
                + ("REPLACEMENT".equals(customerWish) ? "replacement" : "refund") + ")."
            : "Decline the return request of Amazon order " + r.getOrderNumber() + " (" + productLabel(r)
                + "), reason: " + refusalReason,
        "crm-frontend");
  }

  /** Complete listener of UserTask_RecordDecisionInSellerCentral: customer care recorded it; the request is done. */
  void sellerCentralDecisionRecorded(Long returnId, Boolean confirmed) {
    if (!Boolean.TRUE.equals(confirmed)) {
      throw new TaskInputRefused("sellerCentralConfirmed: record the decision in Seller Central first, then confirm");
    }
    ReturnAuthorization r = get(returnId);
    requests.ofCase(r.getCaseNumber()).stream()
        .filter(q -> q.getOperation().equals(SELLER_CENTRAL_DECISION) && q.getStatus() == ExternalRequest.Status.OPEN)
        .forEach(q -> requests.complete(q.getId(), "recorded in Seller Central"));
  }

  /** ServiceTask_CreateRma: approves the return under a new RMA number. */
  String authorize(Long returnId, String customerWish, Boolean sellerCentralRecorded) {
    if (customerWish == null || !CUSTOMER_WISHES.contains(customerWish)) {
      throw new IllegalArgumentException("customerWish must be REFUND or REPLACEMENT, not " + customerWish);
    }
    ReturnAuthorization r = get(returnId);
    r.authorize(r.getRmaNumber() != null ? r.getRmaNumber() : nextRmaNumber(), customerWish, sellerCentralRecorded,
        clock.instant());
    log.info("Return of case {} authorised as {}", r.getCaseNumber(), r.getRmaNumber());
    return r.getRmaNumber();
  }

  /** ServiceTask_CloseUnreturnedRma: the parcel did not come in time. */
  void expire(Long returnId, String shipmentTimeout, String stepId) {
    ReturnAuthorization r = get(returnId);
    r.expired(clock.instant());
    mailer.sendMilestone(r.getCaseId(), "rma-expired", stepId, ReturnMails.expired(r, shipmentTimeout));
  }

  /** ServiceTask_SendGoodsReceived. */
  void confirmReceipt(Long returnId, String inspectionOla, String stepId) {
    ReturnAuthorization r = get(returnId);
    r.received(clock.instant());
    mailer.sendMilestone(r.getCaseId(), "return-received", stepId, ReturnMails.goodsReceived(r, inspectionOla));
  }

  /**
   * ServiceTask_ApplyDisposition: records the inspection and the decided outcome, puts the item back
   * on the shelf or scraps it, and works out the refund.
   *
   * @return the refund in euros, null if the outcome refunds nothing (or no price is known, see
   *     {@link #requestRefund})
   */
  BigDecimal applyDisposition(Long returnId, Inspection inspection, ReturnOutcome outcome) {
    ReturnAuthorization r = get(returnId);
    if (inspection.itemCondition() == null || !ITEM_CONDITIONS.contains(inspection.itemCondition())) {
      throw new IllegalArgumentException(
          "itemCondition must be one of " + ITEM_CONDITIONS + ", not " + inspection.itemCondition());
    }
    String sku = inspection.productSku() == null || inspection.productSku().isBlank()
        ? r.getProductSku()
        : inspection.productSku().trim();
    BigDecimal refund = outcome.refunds() ? percentOf(priceOf(r, sku), outcome.refundPercent()) : null;
    switch (outcome.disposition()) {
      case "RESTOCK" -> stock.restock(required(sku, "productSku"), 1, r.getCaseNumber(), rmaOf(r));
      case "SCRAP" -> stock.scrap(required(sku, "productSku"), 1, r.getCaseNumber(), rmaOf(r));
      case "REFURBISH", "NONE" -> {
      } // refurbishment area or parcel back to the customer: no stock movement
      default -> throw new IllegalArgumentException("Unknown disposition " + outcome.disposition());
    }
    r.inspected(sku, inspection.itemCondition(), inspection.notes(), outcome.outcome(), outcome.refundPercent(), refund,
        outcome.disposition(), clock.instant());
    return refund;
  }

  /**
   * ServiceTask_ReserveReplacement: reserves a new unit for the case; logistics ships it next. If none is in stock
   * the customer gets the full price back instead (the outcome changes to FULL_REFUND).
   */
  ReplacementRequest reserveReplacement(Long returnId) {
    ReturnAuthorization r = get(returnId);
    String sku = r.getProductSku();
    if (sku != null && stock.reserve(sku, 1, r.getCaseNumber(), rmaOf(r))) return ReplacementRequest.inStock();
    log.info("No replacement {} in stock for case {}: full refund instead", sku, r.getCaseNumber());
    r.replacementUnavailable(percentOf(priceOf(r, sku), 100));
    return ReplacementRequest.refundInstead(r.getRefundAmount());
  }

  // --- hand-offs: what logistics and finance book, and what the customer is told -------------------------------

  @Override
  public String procedure() {
    return ReturnHandlingProcess.KEY;
  }

  @Override
  public HandoffRequest describe(HandoffKind kind, VariableScope procedure) {
    ReturnAuthorization r = get(ReturnHandlingProcess.RETURN_ID.from(procedure));
    String rma = rmaOf(r);
    return switch (kind) {
      case RETURN_LABEL -> HandoffRequest.shipment(rma, "Prepaid return label for " + productLabel(r) + " from "
          + r.getCustomerName() + " to " + settings.returnAddress() + " (RMA " + rma + ", order " + r.getOrderNumber()
          + ").");
      case PICKUP -> HandoffRequest.shipment(rma, "Collect returned defective stock of " + productLabel(r) + " from "
          + (r.getRetailerName() != null ? r.getRetailerName() : r.getCustomerName()) + " (RMA " + rma
          + "), deliver to the returns warehouse. Address and contact: see case " + r.getCaseNumber() + ".");
      case REPLACEMENT -> HandoffRequest.shipment(rma, "Replacement " + productLabel(r) + " (1 unit, reserved) to "
          + r.getCustomerName() + " (RMA " + rma + ", order " + r.getOrderNumber() + ").");
      case SEND_BACK -> HandoffRequest.shipment(rma, "Send the inspected " + productLabel(r) + " back to "
          + r.getCustomerName() + " (RMA " + rma + "; return refused after inspection: damaged).");
      case REFUND -> {
        BigDecimal amount = ReturnHandlingProcess.REFUND_AMOUNT.fromOrNull(procedure);
        if (amount == null) {
          throw new IllegalStateException("No price known for the refund of case " + r.getCaseNumber()
              + ": set process variable refundAmount (euros, e.g. 49.90) in Cockpit, then retry");
        }
        r.refundAmount(money(amount, "refundAmount"));
        yield HandoffRequest.refund(rma, (r.getOutcome() == null
            ? "Refund"
            : r.getOutcome().replace('_', ' ')
                .toLowerCase(java.util.Locale.ROOT))
            + " for the return of " + productLabel(r) + " by "
            + r.getCustomerName() + ", order " + r.getOrderNumber() + " (RMA " + rma + ")", r.getRefundAmount(),
            r.getSalesChannel());
      }
      default -> throw new IllegalStateException("return-handling does not hand off " + kind);
    };
  }

  @Override
  public void handedOff(HandoffKind kind, VariableScope procedure, HandedOff done, String stepId) {
    ReturnAuthorization r = get(ReturnHandlingProcess.RETURN_ID.from(procedure));
    switch (kind) {
      case RETURN_LABEL -> {
        r.awaitingItem();
        mailer.sendMilestone(r.getCaseId(), "rma-issued", stepId, ReturnMails.rmaInstructions(r, done.carrier(),
            done.trackingNumber(), done.labelUrl(), settings.returnAddress(),
            ReturnHandlingProcess.RETURN_SHIPMENT_TIMEOUT.from(procedure)));
      }
      case PICKUP -> {
        r.pickupBooked();
        mailer.sendMilestone(r.getCaseId(), "bulk-pickup-booked", stepId, ReturnMails.bulkPickupBooked(r,
            done.carrier(), done.trackingNumber(), String.valueOf(done.collectionDate())));
      }
      case REPLACEMENT -> {
        stock.pick(r.getProductSku(), 1, r.getCaseNumber(), rmaOf(r));
        r.replacementShipped(clock.instant());
        mailer.sendMilestone(r.getCaseId(), "replacement-shipped", stepId,
            ReturnMails.replacementShipped(r, done.carrier(), done.trackingNumber()));
      }
      case SEND_BACK -> {
        r.sentBack(clock.instant());
        mailer.sendMilestone(r.getCaseId(), "return-rejected", stepId,
            ReturnMails.returnRejected(r, done.carrier(), done.trackingNumber()));
      }
      case REFUND -> {
        r.refunded(clock.instant());
        mailer.sendMilestone(r.getCaseId(), "refund-issued", stepId, ReturnMails.refundIssued(r, done.amount(),
            Boolean.FALSE.equals(ReturnHandlingProcess.REPLACEMENT_RESERVED.fromOrNull(procedure))));
      }
      default -> throw new IllegalStateException("return-handling does not hand off " + kind);
    }
  }

  private ReturnAuthorization get(Long returnId) {
    if (returnId == null) throw new IllegalStateException("Process variable returnId is not set");
    return returns.findById(returnId).orElseThrow(() -> new IllegalStateException("No return " + returnId));
  }

  private String nextRmaNumber() {
    return String.format("RMA-%d-%06d", clock.instant().atZone(ZoneOffset.UTC).getYear(), returns.nextRmaSequence());
  }

  private static String rmaOf(ReturnAuthorization r) {
    if (r.getRmaNumber() == null)
      throw new IllegalStateException("Return of case " + r.getCaseNumber() + " has no RMA yet");
    return r.getRmaNumber();
  }

  /** The price the customer paid, else the product's list price; null if neither is known. */
  private BigDecimal priceOf(ReturnAuthorization r, String sku) {
    if (r.getPurchasePrice() != null) return r.getPurchasePrice();
    return masterData.productBySku(sku).map(Product::getListPrice).orElse(null);
  }

  static BigDecimal percentOf(BigDecimal price, Integer percent) {
    if (price == null || percent == null) return null;
    return price.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal money(BigDecimal amount, String name) {
    if (amount == null || amount.signum() < 0)
      throw new IllegalArgumentException(name + " must be 0 or more, not " + amount);
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
    return value;
  }

  private static String productLabel(ReturnAuthorization r) {
    String name = r.getProductName() != null ? r.getProductName() : "item";
    return r.getProductSku() != null ? name + " (" + r.getProductSku() + ")" : name;
  }
}
