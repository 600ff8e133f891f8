package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordSupplierDelivery} in spare-part-request.bpmn (async): the goods go into stock, reserved for the case. Setting {@code purchaseOrderDelivered} ends any open chase. */
@Component
class RecordSupplierDeliveryDelegate implements JavaDelegate {
  private final SparePartService spareParts;

  RecordSupplierDeliveryDelegate(SparePartService spareParts) {
    this.spareParts = spareParts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    spareParts.recordSupplierDelivery(SPARE_PART_ORDER_ID.from(execution));
    PURCHASE_ORDER_DELIVERED.set(execution, true);
  }
}
