package io.aftersales.spareparts;

import io.aftersales.cases.CaseFacts;
import io.aftersales.cases.ServiceCases;
import io.aftersales.finance.Finance;
import io.aftersales.finance.PaymentRequest;
import io.aftersales.handoff.HandedOff;
import io.aftersales.handoff.HandoffKind;
import io.aftersales.handoff.HandoffParty;
import io.aftersales.handoff.HandoffRequest;
import io.aftersales.mail.CustomerMailer;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.shared.IsoDurations;
import io.aftersales.shared.TaskInputRefused;
import io.aftersales.stock.Stock;
import io.aftersales.suppliers.PurchaseOrder;
import io.aftersales.suppliers.Suppliers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spare-part procedure's rules and records: one method per step of spare-part-request.bpmn, and which customer
 * mail goes out when (worded in {@link SparePartMails}). Every method a retried job may run twice is idempotent:
 * the back-office APIs are idempotent per case and reference, and customer mails per step id.
 */
@Service
@Transactional
public class SparePartService implements HandoffParty {
  private static final Logger log = LoggerFactory.getLogger(SparePartService.class);
  static final int MAX_QUANTITY = 10;
  static final Set<String> REASONS = Set.of("DEFECT", "LOST", "WEAR");

  private final SparePartOrderRepository orders;
  private final ServiceCases cases;
  private final MasterData masterData;
  private final Finance finance;
  private final Stock stock;
  private final Suppliers suppliers;
  private final CustomerMailer mailer;
  private final RuntimeService runtime;
  private final Clock clock;
  private final SparePartSettings settings;

  SparePartService(SparePartOrderRepository orders, ServiceCases cases, MasterData masterData, Finance finance,
      Stock stock, Suppliers suppliers, CustomerMailer mailer, RuntimeService runtime,
      Clock clock, SparePartSettings settings) {
    this.orders = orders;
    this.cases = cases;
    this.masterData = masterData;
    this.finance = finance;
    this.stock = stock;
    this.suppliers = suppliers;
    this.mailer = mailer;
    this.runtime = runtime;
    this.clock = clock;
    this.settings = settings;
  }

  public record Prepared(Long orderId, SparePartSettings timers) {}

  /** ServiceTask_PrepareSparePartRequest: records the request (once per process instance). */
  public Prepared prepare(String processInstanceId, Long caseId, String caseNumber, String productSku) {
    SparePartOrder order = orders.findByProcessInstanceId(processInstanceId).orElseGet(() -> orders.save(
        new SparePartOrder(processInstanceId, caseId, caseNumber, orders.countByCaseNumber(caseNumber) + 1,
            productSku, clock.instant())));
    return new Prepared(order.getId(), settings);
  }

  public record PartDetails(String name, BigDecimal unitPrice, BigDecimal amount, Integer monthsSincePurchase) {}

  /**
   * ServiceTask_LoadPartDetails: checks customer care's identification against master data and
   * records it. The months since purchase are recomputed from the (possibly corrected) purchase date.
   *
   * @throws TaskInputRefused unknown SKU, not a spare part, no list price, bad quantity, reason, address or date:
   *     the step runs in customer care's completion, so the form shows the reason and the task stays open
   */
  public PartDetails identifyPart(Long orderId, String sku, Integer quantity, String reason, String shippingAddress,
      String purchaseDate) {
    String partSku = sku == null ? "" : sku.trim().toUpperCase(Locale.ROOT);
    if (partSku.isEmpty()) throw new TaskInputRefused("Enter the SKU of the spare part (e.g. SP-LID-28).");
    Product part = masterData.productBySku(partSku).orElseThrow(() -> new TaskInputRefused(
        "Spare part " + partSku + " is not in our master data. Check the SKU in the spare-part list."));
    if (!part.isSparePart()) {
      throw new TaskInputRefused(partSku + " is a product (" + part.getName() + "), not a spare part."
          + " Enter the SKU of the part itself.");
    }
    if (part.getListPrice() == null) {
      throw new TaskInputRefused(partSku + " has no list price. Ask purchasing to add one, then try again.");
    }
    if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
      throw new TaskInputRefused("Quantity must be between 1 and " + MAX_QUANTITY + " (was " + quantity + ").");
    }
    if (reason == null || !REASONS.contains(reason)) {
      throw new TaskInputRefused("Choose why the part is needed: defect, lost or worn.");
    }
    if (shippingAddress == null || shippingAddress.isBlank()) {
      throw new TaskInputRefused("Enter the address the part is to be sent to.");
    }
    Integer months = null;
    if (purchaseDate != null && !purchaseDate.isBlank()) {
      try {
        LocalDate date = LocalDate.parse(purchaseDate.trim().substring(0, Math.min(10, purchaseDate.trim().length())));
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        if (date.isAfter(today)) throw new TaskInputRefused("The purchase date " + date + " is in the future.");
        months = CaseFacts.monthsSince(date, today);
      } catch (DateTimeParseException e) {
        throw new TaskInputRefused("The purchase date '" + purchaseDate + "' is not a date (YYYY-MM-DD).");
      }
    }
    SparePartOrder order = get(orderId);
    order.identified(partSku, part.getName(), quantity, reason, part.getListPrice(), shippingAddress.trim(),
        clock.instant());
    return new PartDetails(part.getName(), part.getListPrice(), order.getAmount(), months);
  }

  /** ServiceTask_CloseSparePartRequest: customer care's message that no part can be sent. */
  public void closeRequest(Long orderId, String message, String stepId) {
    SparePartOrder order = get(orderId);
    order.closed(clock.instant());
    mailer.sendMilestone(order.getCaseId(), "spare-part-closed", stepId,
        SparePartMails.closed(customerName(order), message));
  }

  public record Quote(String reference, BigDecimal amount, String dueAt) {}

  /**
   * ServiceTask_SendQuote: asks finance for the payment (reference PAY-case-n) and sends the quote.
   * The customer is asked to pay within the reminder and cancellation periods together.
   */
  public Quote sendQuote(Long orderId, String chargeNote, String stepId) {
    SparePartOrder order = get(orderId);
    Instant due = IsoDurations.plus(IsoDurations.plus(clock.instant(), settings.paymentReminderAfter()),
        settings.paymentCancelAfter());
    order.quoted(chargeNote, due, clock.instant());
    PaymentRequest request = finance.requestPayment(order.getCaseNumber(), order.getPaymentRequestReference(),
        order.getAmount());
    CaseFacts facts = cases.facts(order.getCaseId());
    mailer.sendMilestone(order.getCaseId(), "spare-part-quote", stepId,
        SparePartMails.quote(customerName(order), order, chargeNote, request, facts, settings));
    return new Quote(request.getReference(), request.getAmount(), order.getPaymentDueAt().toString());
  }

  /** ServiceTask_SendPaymentReminder. */
  public void sendPaymentReminder(Long orderId, String stepId) {
    SparePartOrder order = get(orderId);
    mailer.sendMilestone(order.getCaseId(), "payment-reminder", stepId,
        SparePartMails.paymentReminder(customerName(order), order, settings));
  }

  /** ServiceTask_CancelQuote: the payment deadline passed; finance's request is cancelled. */
  public void cancelQuote(Long orderId, String stepId) {
    SparePartOrder order = get(orderId);
    finance.cancelPayment(order.getPaymentRequestReference());
    order.quoteExpired(clock.instant());
    mailer.sendMilestone(order.getCaseId(), "quote-expired", stepId,
        SparePartMails.quoteExpired(customerName(order), order));
  }

  public record PaymentConfirmation(String reference, String caseNumber, String status, String paymentReference,
      BigDecimal amount, boolean replayed) {}

  /** A payment confirmation that could not be applied; the message tells finance what to do. */
  public static class PaymentNotApplicableException extends RuntimeException {
    PaymentNotApplicableException(String message) {
      super(message);
    }
  }

  /**
   * {@code POST /api/payments/{reference}/confirmation}: records the payment with finance and tells
   * the waiting process (message PaymentReceived, business key = case number), all in one transaction.
   * A repeated confirmation with the same payment reference answers as the first did.
   *
   * @return empty if there is no such payment request
   * @throws PaymentNotApplicableException the quote expired, was paid under another reference, or no
   *     process is waiting for it (nothing is recorded then)
   */
  public Optional<PaymentConfirmation> confirmPayment(String reference, String paymentReference) {
    Optional<PaymentRequest> found = finance.payment(reference);
    if (found.isEmpty()) return Optional.empty();
    PaymentRequest request = found.get();
    switch (request.getStatus()) {
      case PAID -> {
        if (!paymentReference.equals(request.getPaymentReference())) {
          throw new PaymentNotApplicableException("Payment request " + reference + " was already paid under "
              + request.getPaymentReference() + ". If the customer paid twice, refund the second payment.");
        }
        return Optional.of(confirmation(request, true));
      }
      case CANCELLED -> throw new PaymentNotApplicableException("The quote " + reference
          + " expired and was cancelled; the customer was told so. Refund this payment to the customer.");
      default -> {
      }
    }
    PaymentRequest paid = finance.confirmPayment(reference, paymentReference);
    orders.findByPaymentRequestReference(reference).ifPresent(o -> o.paid(paymentReference, clock.instant()));
    var correlated = runtime.createMessageCorrelation(SparePartRequestProcess.MESSAGE_PAYMENT_RECEIVED)
        .processInstanceBusinessKey(request.getCaseNumber())
        .setVariable(SparePartRequestProcess.PAYMENT_REFERENCE.name(), paymentReference)
        .correlateAllWithResult();
    if (correlated.isEmpty()) {
      // Rolls back the confirmation: the quote is being cancelled right now (its deadline passed).
      throw new PaymentNotApplicableException("No request of case " + request.getCaseNumber()
          + " is waiting for payment " + reference
          + " (its deadline has passed). Refund this payment to the customer.");
    }
    log.info("Payment {} of case {} confirmed as {}", reference, request.getCaseNumber(), paymentReference);
    return Optional.of(confirmation(paid, false));
  }

  private static PaymentConfirmation confirmation(PaymentRequest request, boolean replayed) {
    return new PaymentConfirmation(request.getReference(), request.getCaseNumber(), request.getStatus().name(),
        request.getPaymentReference(), request.getAmount(), replayed);
  }

  /** How the charge was settled when a part reaches the stock: the decision or the team lead's goodwill. */
  public record ChargeDecision(boolean free, String chargeNote, Boolean goodwillGranted, String goodwillNote) {
    boolean freeOfCharge() {
      return free || Boolean.TRUE.equals(goodwillGranted);
    }

    String note() {
      return !free && Boolean.TRUE.equals(goodwillGranted) ? "Goodwill: " + goodwillNote : chargeNote;
    }
  }

  /**
   * ServiceTask_ReservePart: reserves the part for the case; false if not enough is in stock.
   * Reserving twice (a retried job, or again after a supplier delivery) keeps the first reservation.
   */
  public boolean reservePart(Long orderId, ChargeDecision charge) {
    SparePartOrder order = get(orderId);
    order.chargeSettled(charge.freeOfCharge(), charge.note());
    boolean reserved = stock.reserve(order.getPartSku(), order.getQuantity(), order.getCaseNumber(),
        order.partReference());
    if (reserved) order.reserved(clock.instant());
    return reserved;
  }

  /**
   * ServiceTask_OrderPartFromSupplier: a purchase order for the missing part (idempotent per case and
   * SKU) and a mail telling the customer about the wait.
   */
  public String orderFromSupplier(Long orderId, String stepId) {
    SparePartOrder order = get(orderId);
    PurchaseOrder po = suppliers.orderFromSupplier(order.getCaseNumber(), order.getPartSku(), order.getQuantity());
    if (po.getStatus() == PurchaseOrder.Status.DELIVERED) {
      // Suppliers orders once per case and SKU: a second shortage needs a person (stock count, new order).
      throw new IllegalStateException("Purchase order " + po.getNumber() + " for " + order.getPartSku()
          + " was already delivered but the part is still missing for case " + order.getCaseNumber()
          + ": check the stock count and order by hand.");
    }
    order.orderedFromSupplier(po.getNumber(), clock.instant());
    mailer.sendMilestone(order.getCaseId(), "part-ordered", stepId,
        SparePartMails.partOrdered(customerName(order), order, settings.supplierDeliveryOla()));
    return po.getNumber();
  }

  /**
   * ServiceTask_RecordSupplierDelivery: the goods go into stock and are reserved for this case at
   * once, so that no other request takes them first.
   */
  public void recordSupplierDelivery(Long orderId) {
    SparePartOrder order = get(orderId);
    suppliers.confirmDelivery(order.getPurchaseOrderNumber());
    order.deliveredBySupplier(clock.instant());
    if (stock.reserve(order.getPartSku(), order.getQuantity(), order.getCaseNumber(), order.partReference())) {
      order.reserved(clock.instant());
    }
  }

  /** ServiceTask_SendDeliveryUpdate: the supplier is late; tells the customer the new date. */
  public void sendDeliveryUpdate(Long orderId, String expectedDate, String stepId) {
    SparePartOrder order = get(orderId);
    mailer.sendMilestone(order.getCaseId(), "delivery-update", stepId,
        SparePartMails.deliveryUpdate(customerName(order), order, expectedDate));
  }

  @Override
  public String procedure() {
    return SparePartRequestProcess.KEY;
  }

  /** CallActivity_ShipPart (SPARE_PART): the picked part to the customer's address. */
  @Override
  public HandoffRequest describe(HandoffKind kind, VariableScope procedure) {
    onlySpareParts(kind);
    SparePartOrder order = get(SparePartRequestProcess.SPARE_PART_ORDER_ID.from(procedure));
    String binLocation = SparePartRequestProcess.BIN_LOCATION.fromOrNull(procedure);
    order.shipmentRequested();
    return HandoffRequest.shipment(order.partReference(), "Parcel: " + SparePartMails.line(order)
        + (binLocation == null || binLocation.isBlank() ? "" : ", picked from " + binLocation.trim())
        + ", to:\n" + order.getShippingAddress());
  }

  /** The parcel left: the part leaves the stock, the order is shipped, the customer gets the tracking number. */
  @Override
  public void handedOff(HandoffKind kind, VariableScope procedure, HandedOff done, String stepId) {
    onlySpareParts(kind);
    SparePartOrder order = get(SparePartRequestProcess.SPARE_PART_ORDER_ID.from(procedure));
    if (order.getStatus() == SparePartOrder.Status.SHIPPED) return; // a retried job: done already
    stock.pick(order.getPartSku(), order.getQuantity(), order.getCaseNumber(), order.partReference());
    order.shipped(done.recordId(), done.carrier(), done.trackingNumber(), clock.instant());
    mailer.sendMilestone(order.getCaseId(), "part-shipped", stepId,
        SparePartMails.partShipped(customerName(order), order, done.carrier(), done.trackingNumber()));
  }

  /** A model that asks this procedure for another kind is a modelling error: an incident, not a wrong parcel. */
  private static void onlySpareParts(HandoffKind kind) {
    if (kind != HandoffKind.SPARE_PART) throw new IllegalStateException("spare-part-request does not hand off " + kind);
  }

  private SparePartOrder get(Long orderId) {
    return orders.findById(orderId).orElseThrow(() -> new IllegalArgumentException("No spare-part order " + orderId));
  }

  /** The name the case's mails address; the case knows it, the order does not. */
  private String customerName(SparePartOrder order) {
    return cases.outboundMail(order.getCaseId()).customerName();
  }
}
