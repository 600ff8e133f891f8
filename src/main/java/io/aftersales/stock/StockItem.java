package io.aftersales.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
public class StockItem {
  @Id
  private String sku;
  private int onHand;
  private int reserved;
  @Version
  private long version;

  protected StockItem() {}

  StockItem(String sku, int onHand) {
    this.sku = sku;
    this.onHand = onHand;
  }

  /** Stock take only; reservations, picks and receipts change the row atomically in SQL (StockItemRepository). */
  void add(int quantity) {
    onHand += quantity;
  }

  public int getOnHand() { return onHand; }
}
