package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_ReserveWarrantyGoods} in warranty-claim.bpmn (async): reserves the spare part or new unit, or
 * orders it from the supplier ({@code inStock} false, {@code purchaseOrderNumber} for the warehouse's receipt).
 */
@Component
record ReserveWarrantyGoodsDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    WarrantyService.Reservation reservation = warranty.reserveGoods(ClaimFacts.of(execution), REMEDY.from(execution),
        SPARE_PART_SKU.fromOrNull(execution), execution.getActivityInstanceId());
    IN_STOCK.set(execution, reservation.inStock());
    WARRANTY_GOODS.set(execution, reservation.goods());
    if (reservation.purchaseOrderNumber() != null)
      PURCHASE_ORDER_NUMBER.set(execution, reservation.purchaseOrderNumber());
  }
}
