package io.aftersales.spareparts;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One spare-part request of a case (one run of spare-part-request.bpmn): the part, free or charged,
 * and the references of the payment request, purchase order and shipment it led to.
 */
@Entity
public class SparePartOrder {
  public enum Status {
    /** Recorded; customer care identifies the part. */
    REQUESTED,
    /** Part, quantity and reason known; the charge is being decided. */
    IDENTIFIED,
    /** Closed by customer care without a part (none offered for the product, or no answer). */
    CLOSED,
    /** Quote sent; waiting for the customer's payment. */
    QUOTED, PAID,
    /** Not paid in time; the payment request was cancelled. */
    QUOTE_EXPIRED,
    /** Reserved in stock for the case; the warehouse picks it. */
    RESERVED,
    /** Not in stock; ordered from the supplier, waiting for the delivery. */
    AWAITING_SUPPLIER,
    /** Picked; logistics books the shipment. */
    SHIPMENT_REQUESTED, SHIPPED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String processInstanceId;
  private Long caseId;
  private String caseNumber;
  private int requestNo;
  private String productSku;
  private String partSku;
  private String partName;
  private Integer quantity;
  private String partReason;
  private String shippingAddress;
  private Boolean free;
  private String chargeNote;
  private BigDecimal unitPrice;
  private BigDecimal amount;
  private String paymentRequestReference;
  private String paymentReference;
  private Instant paymentDueAt;
  private String purchaseOrderNumber;
  private Long shipmentId;
  private String carrier;
  private String trackingNumber;
  @Enumerated(EnumType.STRING)
  private Status status;
  private Instant requestedAt;
  private Instant identifiedAt;
  private Instant quotedAt;
  private Instant paidAt;
  private Instant reservedAt;
  private Instant orderedAt;
  private Instant deliveredAt;
  private Instant shippedAt;
  private Instant closedAt;
  @Version
  private long version;

  protected SparePartOrder() {}

  SparePartOrder(String processInstanceId, Long caseId, String caseNumber, int requestNo, String productSku,
      Instant now) {
    this.processInstanceId = processInstanceId;
    this.caseId = caseId;
    this.caseNumber = caseNumber;
    this.requestNo = requestNo;
    this.productSku = productSku;
    this.status = Status.REQUESTED;
    this.requestedAt = now;
  }

  /** Reference of this request in stock movements and shipments, e.g. {@code PART-SC-2026-000123-1}. */
  String partReference() {
    return "PART-" + caseNumber + "-" + requestNo;
  }

  /** What the customer quotes when paying, e.g. {@code PAY-SC-2026-000123-1}. */
  String quoteReference() {
    return "PAY-" + caseNumber + "-" + requestNo;
  }

  void identified(String sku, String name, int quantity, String reason, BigDecimal unitPrice, String address,
      Instant now) {
    if (!in(Status.REQUESTED, Status.IDENTIFIED)) return;
    this.partSku = sku;
    this.partName = name;
    this.quantity = quantity;
    this.partReason = reason;
    this.unitPrice = unitPrice;
    this.amount = unitPrice.multiply(BigDecimal.valueOf(quantity));
    this.shippingAddress = address;
    this.status = Status.IDENTIFIED;
    this.identifiedAt = now;
  }

  /** Guarded transitions, as in the return's record: a retried or late step never moves an order backwards. */
  private boolean in(Status... allowed) {
    return java.util.Arrays.asList(allowed).contains(status);
  }

  void closed(Instant now) {
    if (!in(Status.REQUESTED, Status.IDENTIFIED)) return;
    this.status = Status.CLOSED;
    this.closedAt = now;
  }

  void quoted(String chargeNote, Instant dueAt, Instant now) {
    if (!in(Status.IDENTIFIED)) return;
    this.free = false;
    this.chargeNote = chargeNote;
    this.paymentRequestReference = quoteReference();
    this.paymentDueAt = dueAt;
    this.status = Status.QUOTED;
    this.quotedAt = now;
  }

  void paid(String paymentReference, Instant now) {
    if (!in(Status.QUOTED)) return;
    this.paymentReference = paymentReference;
    this.status = Status.PAID;
    this.paidAt = now;
  }

  void quoteExpired(Instant now) {
    if (!in(Status.QUOTED)) return;
    this.status = Status.QUOTE_EXPIRED;
    this.closedAt = now;
  }

  /** A part that reaches the stock without a quote goes free: warranty (DMN) or the team lead's goodwill. */
  void chargeSettled(boolean free, String note) {
    if (this.free == null) {
      this.free = free;
      this.chargeNote = note;
    }
  }

  void reserved(Instant now) {
    if (!in(Status.IDENTIFIED, Status.PAID, Status.AWAITING_SUPPLIER)) return;
    this.status = Status.RESERVED;
    this.reservedAt = now;
  }

  void orderedFromSupplier(String purchaseOrderNumber, Instant now) {
    // RESERVED too: the reserved part was not on the shelf after all (UserTask_PickPart).
    if (!in(Status.IDENTIFIED, Status.PAID, Status.RESERVED, Status.AWAITING_SUPPLIER)) return;
    this.purchaseOrderNumber = purchaseOrderNumber;
    this.status = Status.AWAITING_SUPPLIER;
    if (orderedAt == null) this.orderedAt = now;
  }

  void deliveredBySupplier(Instant now) {
    if (deliveredAt == null) this.deliveredAt = now;
  }

  void shipmentRequested() {
    if (!in(Status.RESERVED)) return;
    this.status = Status.SHIPMENT_REQUESTED;
  }

  void shipped(Long shipmentId, String carrier, String trackingNumber, Instant now) {
    if (!in(Status.RESERVED, Status.SHIPMENT_REQUESTED)) return;
    this.shipmentId = shipmentId;
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    this.status = Status.SHIPPED;
    this.shippedAt = now;
    this.closedAt = now;
  }

  public Long getId() { return id; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Long getCaseId() { return caseId; }
  public String getCaseNumber() { return caseNumber; }
  public int getRequestNo() { return requestNo; }
  public String getProductSku() { return productSku; }
  public String getPartSku() { return partSku; }
  public String getPartName() { return partName; }
  public Integer getQuantity() { return quantity; }
  public String getPartReason() { return partReason; }
  public String getShippingAddress() { return shippingAddress; }
  public Boolean getFree() { return free; }
  public String getChargeNote() { return chargeNote; }
  public BigDecimal getUnitPrice() { return unitPrice; }
  public BigDecimal getAmount() { return amount; }
  public String getPaymentRequestReference() { return paymentRequestReference; }
  public String getPaymentReference() { return paymentReference; }
  public Instant getPaymentDueAt() { return paymentDueAt; }
  public String getPurchaseOrderNumber() { return purchaseOrderNumber; }
  public Long getShipmentId() { return shipmentId; }
  public String getTrackingNumber() { return trackingNumber; }
  public Status getStatus() { return status; }
  public Instant getRequestedAt() { return requestedAt; }
}
