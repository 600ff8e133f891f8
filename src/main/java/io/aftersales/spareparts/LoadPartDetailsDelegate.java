package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_LoadPartDetails} in spare-part-request.bpmn (in customer care's completion of
 * UserTask_IdentifyPart): checks the identification against master data; what cannot be accepted is refused with
 * the reason ({@code TaskInputRefused}), so the task stays open with the agent's input.
 */
@Component
record LoadPartDetailsDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    var part = spareParts.identifyPart(SPARE_PART_ORDER_ID.from(execution), SPARE_PART_SKU.fromOrNull(execution),
        QUANTITY.fromOrNull(execution), PART_REASON.fromOrNull(execution), SHIPPING_ADDRESS.fromOrNull(execution),
        PURCHASE_DATE.fromOrNull(execution));
    SPARE_PART_NAME.set(execution, part.name());
    SPARE_PART_PRICE.set(execution, part.unitPrice());
    AMOUNT_DUE.set(execution, part.amount());
    MONTHS_SINCE_PURCHASE.set(execution, part.monthsSincePurchase());
  }
}
