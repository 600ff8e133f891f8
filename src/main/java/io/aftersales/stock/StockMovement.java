package io.aftersales.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One stock movement, written only by {@code StockMovementRepository.recordOnce} (SQL). */
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
}
