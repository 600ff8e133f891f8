package io.aftersales.suppliers;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {
  Optional<PurchaseOrder> findByNumber(String number);

  Optional<PurchaseOrder> findFirstByCaseNumberAndSku(String caseNumber, String sku);

  @Query(value = "select nextval('aftersales.purchase_order_seq')", nativeQuery = true)
  long nextNumber();
}

interface SupplierClaimRepository extends JpaRepository<SupplierClaim, Long> {
  Optional<SupplierClaim> findFirstByCaseNumberAndSku(String caseNumber, String sku);
}
