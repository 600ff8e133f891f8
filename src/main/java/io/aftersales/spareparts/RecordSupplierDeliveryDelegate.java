package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordSupplierDelivery} in spare-part-request.bpmn (async): the goods go into stock, reserved for the case. Setting {@code purchaseOrderDelivered} ends any open chase. */
@Component
record RecordSupplierDeliveryDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    spareParts.recordSupplierDelivery(SPARE_PART_ORDER_ID.from(execution));
    PURCHASE_ORDER_DELIVERED.set(execution, true);
  }
}
