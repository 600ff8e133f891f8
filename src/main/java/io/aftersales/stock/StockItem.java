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

  int available() { return onHand - reserved; }

  boolean reserve(int quantity) {
    if (available() < quantity) return false;
    reserved += quantity;
    return true;
  }

  void release(int quantity) { reserved = Math.max(0, reserved - quantity); }

  void pick(int quantity) {
    if (reserved < quantity || onHand < quantity) {
      throw new IllegalStateException("Cannot pick " + quantity + " of " + sku + ": not reserved");
    }
    reserved -= quantity;
    onHand -= quantity;
  }

  void add(int quantity) { onHand += quantity; }

  public String getSku() { return sku; }
  public int getOnHand() { return onHand; }
  public int getReserved() { return reserved; }
}
