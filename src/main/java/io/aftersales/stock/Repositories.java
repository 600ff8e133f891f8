package io.aftersales.stock;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StockItemRepository extends JpaRepository<StockItem, String> {}

interface StockMovementRepository extends JpaRepository<StockMovement, Long> {
  boolean existsByKindAndCaseNumberAndReference(StockMovement.Kind kind, String caseNumber, String reference);

  List<StockMovement> findByCaseNumberOrderByIdAsc(String caseNumber);
}
