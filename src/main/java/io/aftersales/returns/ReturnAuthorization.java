package io.aftersales.returns;

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
 * One return of a case: the request, the agent's decision, the RMA (return merchandise
 * authorisation) number the customer quotes on the parcel, the warehouse's findings and the outcome.
 * A retailer's bulk return of defective stock uses the same record (units, credit note).
 *
 * <p>Transitions are idempotent (a retried job finds the step done and changes nothing) and refuse
 * to jump backwards, so the status always says how far the return got.
 */
@Entity
public class ReturnAuthorization {

  /** How far a return got. Terminal: GUIDED_TO_AMAZON ... CREDITED. */
  public enum Status {
    /** Recorded; the channel decides what follows. */
    REQUESTED,
    /** The agent asked the customer for information (order number, delivery date, photos). */
    INFO_REQUESTED,
    /** Amazon FBA: the customer returns through Amazon's return centre. */
    GUIDED_TO_AMAZON,
    /** Bought at a retailer: the customer returns it to the shop. */
    REDIRECTED_TO_RETAILER, REFUSED,
    /** The customer did not answer our question in time. */
    ABANDONED,
    /** RMA number issued; a return label is being booked. */
    AUTHORIZED,
    /** Label and instructions sent; waiting for the parcel. */
    AWAITING_ITEM,
    /** The parcel did not arrive in time; the RMA is void. */
    EXPIRED, RECEIVED, INSPECTED, REFUNDED, REPLACEMENT_SHIPPED,
    /** Refused after inspection and sent back to the customer. */
    SENT_BACK,
    /** Retailer bulk return: carrier pickup requested, then booked. */
    PICKUP_REQUESTED, PICKUP_BOOKED,
    /** Retailer bulk return: units inspected, credit note issued. */
    CREDITED;

    boolean isFinal() {
      return switch (this) {
        case GUIDED_TO_AMAZON, REDIRECTED_TO_RETAILER, REFUSED, ABANDONED, EXPIRED, REFUNDED, REPLACEMENT_SHIPPED,
            SENT_BACK, CREDITED ->
          true;
        default -> false;
      };
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String rmaNumber;
  private Long caseId;
  private String caseNumber;
  private String processInstanceId;
  private String salesChannel;
  private String fulfilment;
  private String customerType;
  private String customerName;
  private String retailerName;
  private String orderNumber;
  private String productSku;
  private String productName;
  private BigDecimal purchasePrice;
  private Integer daysSinceDelivery;
  @Enumerated(EnumType.STRING)
  private Status status;
  private Boolean approved;
  private String refusalReason;
  private String customerWish;
  private Boolean sellerCentralRecorded;
  private String itemCondition;
  private String inspectionNotes;
  private String outcome;
  private Integer refundPercent;
  private BigDecimal refundAmount;
  private String disposition;
  private Integer unitsReceived;
  private Integer unitsDefective;
  private String creditNoteNumber;
  private BigDecimal creditNoteAmount;
  private Instant requestedAt;
  private Instant decidedAt;
  private Instant authorizedAt;
  private Instant receivedAt;
  private Instant inspectedAt;
  private Instant closedAt;
  @Version
  private long version;

  protected ReturnAuthorization() {}

  ReturnAuthorization(ReturnRequest request, Instant requestedAt) {
    this.caseId = request.caseId();
    this.caseNumber = request.caseNumber();
    this.processInstanceId = request.processInstanceId();
    this.salesChannel = request.salesChannel();
    this.fulfilment = request.fulfilment();
    this.customerType = request.customerType();
    this.customerName = request.customerName();
    this.retailerName = request.retailerName();
    this.orderNumber = request.orderNumber();
    this.productSku = request.productSku();
    this.productName = request.productName();
    this.purchasePrice = request.purchasePrice();
    this.daysSinceDelivery = request.daysSinceDelivery();
    this.status = Status.REQUESTED;
    this.requestedAt = requestedAt;
  }

  private boolean undecided() {
    return status == Status.REQUESTED || status == Status.INFO_REQUESTED;
  }

  void guidedToAmazon(Instant at) {
    if (status == Status.REQUESTED) close(Status.GUIDED_TO_AMAZON, at);
  }

  void redirectedToRetailer(Instant at) {
    if (status == Status.REQUESTED) close(Status.REDIRECTED_TO_RETAILER, at);
  }

  void infoRequested() {
    if (undecided()) status = Status.INFO_REQUESTED;
  }

  void abandoned(Instant at) {
    if (undecided()) close(Status.ABANDONED, at);
  }

  void refuse(String reason, Boolean sellerCentralRecorded, Instant at) {
    if (!undecided()) return;
    this.approved = false;
    this.refusalReason = reason;
    this.sellerCentralRecorded = sellerCentralRecorded;
    this.decidedAt = at;
    close(Status.REFUSED, at);
  }

  /** Approves the return under this RMA number (kept if one was issued already). */
  void authorize(String rmaNumber, String customerWish, Boolean sellerCentralRecorded, Instant at) {
    if (this.rmaNumber == null) this.rmaNumber = rmaNumber;
    if (!undecided()) return;
    this.approved = true;
    this.customerWish = customerWish;
    this.sellerCentralRecorded = sellerCentralRecorded;
    this.decidedAt = at;
    this.authorizedAt = at;
    this.status = Status.AUTHORIZED;
  }

  void awaitingItem() {
    if (status == Status.AUTHORIZED) status = Status.AWAITING_ITEM;
  }

  void expired(Instant at) {
    if (status == Status.AUTHORIZED || status == Status.AWAITING_ITEM) close(Status.EXPIRED, at);
  }

  void received(Instant at) {
    if (status == Status.AUTHORIZED || status == Status.AWAITING_ITEM) {
      status = Status.RECEIVED;
      receivedAt = at;
    }
  }

  void inspected(String sku, String condition, String notes, String outcome, Integer refundPercent,
      BigDecimal refundAmount, String disposition, Instant at) {
    if (status != Status.RECEIVED && status != Status.INSPECTED) return;
    if (sku != null) this.productSku = sku;
    this.itemCondition = condition;
    this.inspectionNotes = notes;
    this.outcome = outcome;
    this.refundPercent = refundPercent;
    this.refundAmount = refundAmount;
    this.disposition = disposition;
    this.inspectedAt = at;
    this.status = Status.INSPECTED;
  }

  /** No replacement in stock: the customer gets the full price back instead. */
  void replacementUnavailable(BigDecimal fullRefund) {
    if (!"REPLACEMENT".equals(outcome)) return;
    this.outcome = "FULL_REFUND";
    this.refundPercent = 100;
    this.refundAmount = fullRefund;
  }

  void refundAmount(BigDecimal amount) {
    this.refundAmount = amount;
  }

  void refunded(Instant at) {
    if (status == Status.INSPECTED) close(Status.REFUNDED, at);
  }

  void replacementShipped(Instant at) {
    if (status == Status.INSPECTED) close(Status.REPLACEMENT_SHIPPED, at);
  }

  void sentBack(Instant at) {
    if (status == Status.INSPECTED) close(Status.SENT_BACK, at);
  }

  void pickupRequested(String rmaNumber) {
    if (this.rmaNumber == null) this.rmaNumber = rmaNumber;
    if (status == Status.REQUESTED) status = Status.PICKUP_REQUESTED;
  }

  void pickupBooked() {
    if (status == Status.PICKUP_REQUESTED) status = Status.PICKUP_BOOKED;
  }

  void credited(String sku, int unitsReceived, int unitsDefective, String notes, String creditNoteNumber,
      BigDecimal creditNoteAmount, Instant at) {
    if (status != Status.PICKUP_REQUESTED && status != Status.PICKUP_BOOKED) return;
    if (sku != null) this.productSku = sku;
    this.unitsReceived = unitsReceived;
    this.unitsDefective = unitsDefective;
    this.inspectionNotes = notes;
    this.creditNoteNumber = creditNoteNumber;
    this.creditNoteAmount = creditNoteAmount;
    this.receivedAt = this.receivedAt == null ? at : this.receivedAt;
    this.inspectedAt = at;
    close(Status.CREDITED, at);
  }

  private void close(Status finalStatus, Instant at) {
    if (status.isFinal()) return;
    status = finalStatus;
    closedAt = at;
  }

  public Long getId() { return id; }
  public String getRmaNumber() { return rmaNumber; }
  public Long getCaseId() { return caseId; }
  public String getCaseNumber() { return caseNumber; }
  public String getSalesChannel() { return salesChannel; }
  public String getFulfilment() { return fulfilment; }
  public String getCustomerName() { return customerName; }
  public String getRetailerName() { return retailerName; }
  public String getOrderNumber() { return orderNumber; }
  public String getProductSku() { return productSku; }
  public String getProductName() { return productName; }
  public BigDecimal getPurchasePrice() { return purchasePrice; }
  public Status getStatus() { return status; }
  public Boolean getApproved() { return approved; }
  public String getRefusalReason() { return refusalReason; }
  public String getCustomerWish() { return customerWish; }
  public Boolean getSellerCentralRecorded() { return sellerCentralRecorded; }
  public String getItemCondition() { return itemCondition; }
  public String getInspectionNotes() { return inspectionNotes; }
  public String getOutcome() { return outcome; }
  public Integer getRefundPercent() { return refundPercent; }
  public BigDecimal getRefundAmount() { return refundAmount; }
  public Integer getUnitsReceived() { return unitsReceived; }
  public Integer getUnitsDefective() { return unitsDefective; }
  public String getCreditNoteNumber() { return creditNoteNumber; }
  public BigDecimal getCreditNoteAmount() { return creditNoteAmount; }
}
