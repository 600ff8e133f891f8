package io.aftersales.stock;

import io.aftersales.stock.StockMovement.Kind;
import java.time.Clock;
import java.util.List;
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
    return items.findById(sku).map(StockItem::available).orElse(0);
  }

  /** Reserves stock for a case; false (and nothing reserved) if not enough is available. */
  public boolean reserve(String sku, int quantity, String caseNumber, String reference) {
    if (movements.existsByKindAndCaseNumberAndReference(Kind.RESERVE, caseNumber, reference)) return true;
    StockItem item = items.findById(sku).orElse(null);
    if (item == null || !item.reserve(quantity)) return false;
    record(sku, Kind.RESERVE, quantity, caseNumber, reference);
    return true;
  }

  public void release(String sku, int quantity, String caseNumber, String reference) {
    if (movements.existsByKindAndCaseNumberAndReference(Kind.RELEASE, caseNumber, reference)) return;
    items.findById(sku).ifPresent(item -> item.release(quantity));
    record(sku, Kind.RELEASE, quantity, caseNumber, reference);
  }

  /** The warehouse took reserved units off the shelf for shipping. */
  public void pick(String sku, int quantity, String caseNumber, String reference) {
    if (movements.existsByKindAndCaseNumberAndReference(Kind.PICK, caseNumber, reference)) return;
    items.findById(sku).orElseThrow(() -> new IllegalStateException("No stock item " + sku)).pick(quantity);
    record(sku, Kind.PICK, quantity, caseNumber, reference);
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
    if (movements.existsByKindAndCaseNumberAndReference(Kind.SCRAP, caseNumber, reference)) return;
    record(sku, Kind.SCRAP, quantity, caseNumber, reference);
  }

  /** Sets the on-hand quantity of an item (stock take, demo data). */
  public void set(String sku, int onHand) {
    StockItem item = items.findById(sku).orElseGet(() -> items.save(new StockItem(sku, 0)));
    item.add(onHand - item.getOnHand());
  }

  @Transactional(readOnly = true)
  public List<StockMovement> movementsOf(String caseNumber) {
    return movements.findByCaseNumberOrderByIdAsc(caseNumber);
  }

  private void add(Kind kind, String sku, int quantity, String caseNumber, String reference) {
    if (movements.existsByKindAndCaseNumberAndReference(kind, caseNumber, reference)) return;
    items.findById(sku).orElseGet(() -> items.save(new StockItem(sku, 0))).add(quantity);
    record(sku, kind, quantity, caseNumber, reference);
  }

  private void record(String sku, Kind kind, int quantity, String caseNumber, String reference) {
    movements.save(new StockMovement(sku, kind, quantity, caseNumber, reference, clock.instant()));
  }
}
