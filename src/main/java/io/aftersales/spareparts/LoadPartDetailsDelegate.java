package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_LoadPartDetails} in spare-part-request.bpmn: checks customer care's
 * identification against master data. What cannot be accepted becomes the BPMN error
 * {@code PartNotAccepted}, whose message goes back to customer care as {@code partNote}.
 */
@Component
class LoadPartDetailsDelegate implements JavaDelegate {
  private final SparePartService spareParts;

  LoadPartDetailsDelegate(SparePartService spareParts) {
    this.spareParts = spareParts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      var part = spareParts.identifyPart(SPARE_PART_ORDER_ID.from(execution), SPARE_PART_SKU.fromOrNull(execution),
          QUANTITY.fromOrNull(execution), PART_REASON.fromOrNull(execution), SHIPPING_ADDRESS.fromOrNull(execution),
          PURCHASE_DATE.fromOrNull(execution));
      SPARE_PART_NAME.set(execution, part.name());
      SPARE_PART_PRICE.set(execution, part.unitPrice());
      AMOUNT_DUE.set(execution, part.amount());
      MONTHS_SINCE_PURCHASE.set(execution, part.monthsSincePurchase());
      PART_NOTE.set(execution, null);
    } catch (SparePartService.PartNotAcceptedException e) {
      throw new BpmnError(ERROR_PART_NOT_ACCEPTED, e.getMessage());
    }
  }
}
