package io.aftersales.suppliers;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** A claim against the supplier for defective units, so the brand recovers its cost. */
@Entity
public class SupplierClaim {
  public enum Status {
    FILED, SETTLED, REJECTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String caseNumber;
  private Long supplierId;
  private String sku;
  private int quantity;
  private String reason;
  @Enumerated(EnumType.STRING)
  private Status status;
  private BigDecimal amountRecovered;
  private Long externalRequestId;
  private Instant filedAt;
  private Instant settledAt;

  protected SupplierClaim() {}

  SupplierClaim(String caseNumber, Long supplierId, String sku, int quantity, String reason, Instant filedAt) {
    this.caseNumber = caseNumber;
    this.supplierId = supplierId;
    this.sku = sku;
    this.quantity = quantity;
    this.reason = reason;
    this.status = Status.FILED;
    this.filedAt = filedAt;
  }

  void filedAs(Long externalRequestId) {
    this.externalRequestId = externalRequestId;
  }

  void settle(BigDecimal amount, Instant at) {
    this.status = amount == null || amount.signum() == 0 ? Status.REJECTED : Status.SETTLED;
    this.amountRecovered = amount;
    this.settledAt = at;
  }

  public Long getId() { return id; }
  public String getCaseNumber() { return caseNumber; }
  public String getSku() { return sku; }
  public int getQuantity() { return quantity; }
  public String getReason() { return reason; }
  public Status getStatus() { return status; }
  public Long getExternalRequestId() { return externalRequestId; }
}
