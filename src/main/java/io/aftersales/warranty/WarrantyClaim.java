package io.aftersales.warranty;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The outcome of one run of a case's warranty procedure (warranty-claim.bpmn, one record per process instance):
 * validity, documents, remedy, reasons. Transitions are guarded like the return's: a retried or late step never moves
 * a claim backwards (a resolved claim is not reopened by a late assessment, an abandoned one not by late documents).
 */
@Entity
public class WarrantyClaim {
  public enum Status {
    REGISTERED, AWAITING_DOCUMENTS, DOCUMENTS_RECEIVED, ASSESSED, RESOLVED, REJECTED, ABANDONED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String processInstanceId;
  private Long caseId;
  private String caseNumber;
  @Enumerated(EnumType.STRING)
  private Status status;
  private String salesChannel;
  private String productSku;
  private boolean proofOfPurchase;
  private LocalDate purchaseDate;
  private String serialNumber;
  private boolean photosReceived;
  private String eligibility;
  private String eligibilityNote;
  private String missingDocuments;
  private String remedy;
  private String assessmentNotes;
  private String rejectionReason;
  private String sparePartSku;
  /** Where a shipped remedy goes when no order holds a delivery address. */
  private String shippingAddress;
  private boolean defectiveUnit;
  private Instant registeredAt;
  private Instant documentsRequestedAt;
  private Instant documentsReceivedAt;
  private Instant assessedAt;
  private Instant closedAt;
  private Instant updatedAt;
  @Version
  private long version;

  protected WarrantyClaim() {}

  WarrantyClaim(String processInstanceId, Long caseId, String caseNumber, String salesChannel, String productSku,
      boolean proofOfPurchase, Instant at) {
    this.processInstanceId = processInstanceId;
    this.caseId = caseId;
    this.caseNumber = caseNumber;
    this.status = Status.REGISTERED;
    this.salesChannel = salesChannel;
    this.productSku = productSku;
    this.proofOfPurchase = proofOfPurchase;
    this.registeredAt = at;
    this.updatedAt = at;
  }

  private boolean open() {
    return status != Status.RESOLVED && status != Status.REJECTED && status != Status.ABANDONED;
  }

  private boolean awaitsDocuments() {
    return status == Status.REGISTERED || status == Status.AWAITING_DOCUMENTS || status == Status.DOCUMENTS_RECEIVED;
  }

  void documentsRequested(String eligibility, String eligibilityNote, String missingDocuments, Instant at) {
    if (!awaitsDocuments()) return;
    this.status = Status.AWAITING_DOCUMENTS;
    this.eligibility = eligibility;
    this.eligibilityNote = eligibilityNote;
    this.missingDocuments = missingDocuments;
    this.documentsRequestedAt = at;
    this.updatedAt = at;
  }

  void documentsReceived(boolean proofOfPurchase, LocalDate purchaseDate, String serialNumber, boolean photosReceived,
      Instant at) {
    if (!awaitsDocuments()) return;
    this.status = Status.DOCUMENTS_RECEIVED;
    this.proofOfPurchase = proofOfPurchase;
    this.purchaseDate = purchaseDate;
    this.serialNumber = serialNumber;
    this.photosReceived = photosReceived;
    this.documentsReceivedAt = at;
    this.updatedAt = at;
  }

  void abandoned(Instant at) {
    if (status != Status.AWAITING_DOCUMENTS) return;
    this.status = Status.ABANDONED;
    this.closedAt = at;
    this.updatedAt = at;
  }

  void assessed(String remedy, String sparePartSku, String notes, String rejectionReason, boolean defectiveUnit,
      String shippingAddress, Instant at) {
    if (!awaitsDocuments() && status != Status.ASSESSED) return;
    this.shippingAddress = shippingAddress;
    this.status = Status.ASSESSED;
    this.eligibility = "ELIGIBLE";
    this.remedy = remedy;
    this.sparePartSku = sparePartSku;
    this.assessmentNotes = notes;
    this.rejectionReason = rejectionReason;
    this.defectiveUnit = defectiveUnit;
    this.assessedAt = at;
    this.updatedAt = at;
  }

  void rejected(String eligibility, String eligibilityNote, String rejectionReason, Instant at) {
    if (!open()) return;
    this.status = Status.REJECTED;
    this.eligibility = eligibility;
    if (eligibilityNote != null) this.eligibilityNote = eligibilityNote;
    if (rejectionReason != null) this.rejectionReason = rejectionReason;
    this.closedAt = at;
    this.updatedAt = at;
  }

  void resolved(Instant at) {
    if (status != Status.ASSESSED) return;
    this.status = Status.RESOLVED;
    this.closedAt = at;
    this.updatedAt = at;
  }

  public String getProcessInstanceId() { return processInstanceId; }
  public Status getStatus() { return status; }
  public String getSalesChannel() { return salesChannel; }
  public boolean isProofOfPurchase() { return proofOfPurchase; }
  public LocalDate getPurchaseDate() { return purchaseDate; }
  public String getSerialNumber() { return serialNumber; }
  public boolean isPhotosReceived() { return photosReceived; }
  public String getEligibility() { return eligibility; }
  public String getEligibilityNote() { return eligibilityNote; }
  public String getMissingDocuments() { return missingDocuments; }
  public String getRemedy() { return remedy; }
  public String getAssessmentNotes() { return assessmentNotes; }
  public String getRejectionReason() { return rejectionReason; }
  public String getSparePartSku() { return sparePartSku; }
  public String getShippingAddress() { return shippingAddress; }
  public boolean isDefectiveUnit() { return defectiveUnit; }
  public Instant getDocumentsReceivedAt() { return documentsReceivedAt; }
  public Instant getClosedAt() { return closedAt; }
}
