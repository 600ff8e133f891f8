package io.aftersales.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class StockMovement {
  public enum Kind {
    RESERVE, RELEASE, PICK, RECEIVE, RESTOCK, SCRAP
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String sku;
  @Enumerated(EnumType.STRING)
  private Kind kind;
  private int quantity;
  private String caseNumber;
  private String reference;
  private Instant movedAt;

  protected StockMovement() {}

  StockMovement(String sku, Kind kind, int quantity, String caseNumber, String reference, Instant movedAt) {
    this.sku = sku;
    this.kind = kind;
    this.quantity = quantity;
    this.caseNumber = caseNumber;
    this.reference = reference;
    this.movedAt = movedAt;
  }

  public String getSku() { return sku; }
  public Kind getKind() { return kind; }
  public int getQuantity() { return quantity; }
  public String getCaseNumber() { return caseNumber; }
  public String getReference() { return reference; }
  public Instant getMovedAt() { return movedAt; }
}
