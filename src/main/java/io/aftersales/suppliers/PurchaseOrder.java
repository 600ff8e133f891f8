package io.aftersales.suppliers;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class PurchaseOrder {
  public enum Status {
    ORDERED, DELIVERED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String number;
  private String caseNumber;
  private Long supplierId;
  private String sku;
  private int quantity;
  @Enumerated(EnumType.STRING)
  private Status status;
  private Long externalRequestId;
  private Instant orderedAt;
  private Instant deliveredAt;

  protected PurchaseOrder() {}

  PurchaseOrder(String number, String caseNumber, Long supplierId, String sku, int quantity, Instant orderedAt) {
    this.number = number;
    this.caseNumber = caseNumber;
    this.supplierId = supplierId;
    this.sku = sku;
    this.quantity = quantity;
    this.status = Status.ORDERED;
    this.orderedAt = orderedAt;
  }

  void sentAs(Long externalRequestId) {
    this.externalRequestId = externalRequestId;
  }

  void delivered(Instant at) {
    this.status = Status.DELIVERED;
    this.deliveredAt = at;
  }

  public String getNumber() { return number; }
  public String getCaseNumber() { return caseNumber; }
  public String getSku() { return sku; }
  public int getQuantity() { return quantity; }
  public Status getStatus() { return status; }
  public Long getExternalRequestId() { return externalRequestId; }
}
