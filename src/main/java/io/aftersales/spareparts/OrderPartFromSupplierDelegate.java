package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_OrderPartFromSupplier} in spare-part-request.bpmn (async): purchase order (recorded for purchasing) and a mail about the wait. */
@Component
record OrderPartFromSupplierDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    String number = spareParts.orderFromSupplier(SPARE_PART_ORDER_ID.from(execution),
        execution.getProcessInstanceId() + "-part-ordered");
    PURCHASE_ORDER_NUMBER.set(execution, number);
    PURCHASE_ORDER_DELIVERED.set(execution, false);
  }
}
