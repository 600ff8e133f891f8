package io.aftersales.stock;

import org.springframework.data.jpa.repository.JpaRepository;

interface StockItemRepository extends JpaRepository<StockItem, String> {
  /** Read from the row, not from an entity the SQL updates below may have left stale in this transaction. */
  @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = "select on_hand - reserved from aftersales.stock_item where sku = ?1")
  java.util.Optional<Integer> available(String sku);

  /** Reserves atomically in the database: parallel reservations never fail on each other, never oversell. */
  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
  @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
      update aftersales.stock_item set reserved = reserved + ?2, version = version + 1
      where sku = ?1 and on_hand - reserved >= ?2""")
  int reserve(String sku, int quantity);

  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
  @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
      update aftersales.stock_item set reserved = greatest(0, reserved - ?2), version = version + 1 where sku = ?1""")
  int release(String sku, int quantity);

  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
  @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
      update aftersales.stock_item set on_hand = on_hand - ?2, reserved = reserved - ?2,
        version = version + 1 where sku = ?1 and on_hand >= ?2 and reserved >= ?2""")
  int pick(String sku, int quantity);

  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
  @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
      insert into aftersales.stock_item (sku, on_hand, reserved, version) values (?1, ?2, 0, 0)
      on conflict (sku) do update set on_hand = stock_item.on_hand + ?2, version = stock_item.version + 1""")
  int add(String sku, int quantity);
}

interface StockMovementRepository extends JpaRepository<StockMovement, Long> {
  /** Records a movement once per kind, case and reference: 1 if recorded now, 0 if it was already. */
  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
  @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
      insert into aftersales.stock_movement (sku, kind, quantity, case_number, reference, moved_at)
      values (?1, ?2, ?3, ?4, ?5, ?6)
      on conflict (kind, case_number, reference) where case_number is not null and reference is not null do nothing""")
  int recordOnce(String sku, String kind, int quantity, String caseNumber, String reference, java.time.Instant at);

  boolean existsByKindAndCaseNumberAndReference(StockMovement.Kind kind, String caseNumber, String reference);
}
