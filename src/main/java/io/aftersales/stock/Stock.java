package io.aftersales.stock;

import io.aftersales.stock.StockMovement.Kind;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Each movement is recorded once per case, kind and reference, so a retried job
 * does not reserve or pick twice.
 */
@Service
@Transactional
public class Stock {
  private final StockItemRepository items;
  private final StockMovementRepository movements;
  private final Clock clock;

  Stock(StockItemRepository items, StockMovementRepository movements, Clock clock) {
    this.items = items;
    this.movements = movements;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public int available(String sku) {
    return items.available(sku).orElse(0);
  }

  /** Reserves stock for a case; false (and nothing reserved) if not enough is available. */
  public boolean reserve(String sku, int quantity, String caseNumber, String reference) {
    if (movements.existsByKindAndCaseNumberAndReference(Kind.RESERVE, caseNumber, reference)) return true;
    // Atomic in the database: parallel jobs reserving the same SKU neither fail on each other nor oversell.
    if (items.reserve(sku, quantity) == 0) return false;
    // A parallel retry of this very step recorded it first (unique per kind, case, reference): undo ours.
    if (!recordOnce(sku, Kind.RESERVE, quantity, caseNumber, reference)) items.release(sku, quantity);
    return true;
  }

  /** The warehouse took reserved units off the shelf for shipping. */
  public void pick(String sku, int quantity, String caseNumber, String reference) {
    if (!recordOnce(sku, Kind.PICK, quantity, caseNumber, reference)) return;
    if (items.pick(sku, quantity) == 0) {
      throw new IllegalStateException("Cannot pick " + quantity + " of " + sku + ": not reserved");
    }
  }

  /** Goods received from a supplier (e.g. a purchase order). */
  public void receive(String sku, int quantity, String caseNumber, String reference) {
    add(Kind.RECEIVE, sku, quantity, caseNumber, reference);
  }

  /** A returned item in sellable condition goes back on the shelf. */
  public void restock(String sku, int quantity, String caseNumber, String reference) {
    add(Kind.RESTOCK, sku, quantity, caseNumber, reference);
  }

  /** A returned item that cannot be sold is scrapped: recorded, not added to stock. */
  public void scrap(String sku, int quantity, String caseNumber, String reference) {
    recordOnce(sku, Kind.SCRAP, quantity, caseNumber, reference);
  }

  /** Sets the on-hand quantity of an item (stock take, demo data). */
  public void set(String sku, int onHand) {
    StockItem item = items.findById(sku).orElseGet(() -> items.save(new StockItem(sku, 0)));
    item.add(onHand - item.getOnHand());
  }

  private void add(Kind kind, String sku, int quantity, String caseNumber, String reference) {
    if (recordOnce(sku, kind, quantity, caseNumber, reference)) items.add(sku, quantity);
  }

  /** True if the movement is recorded now; false if this kind, case and reference was recorded before. */
  private boolean recordOnce(String sku, Kind kind, int quantity, String caseNumber, String reference) {
    return movements.recordOnce(sku, kind.name(), quantity, caseNumber, reference, clock.instant()) == 1;
  }
}
