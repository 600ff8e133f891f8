package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_BookWarrantyDelivery} in warranty-claim.bpmn (async): the supplier's delivery goes into stock,
 * reserved for the case, so logistics can ship it.
 */
@Component
record BookWarrantyDeliveryDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    warranty.bookDelivery(ClaimFacts.of(execution), REMEDY.from(execution), SPARE_PART_SKU.fromOrNull(execution),
        PURCHASE_ORDER_NUMBER.from(execution));
  }
}
