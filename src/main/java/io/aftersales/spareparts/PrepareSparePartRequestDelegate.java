package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_PrepareSparePartRequest} in spare-part-request.bpmn: records the request and sets the timer durations and form defaults. */
@Component
record PrepareSparePartRequestDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    var prepared = spareParts.prepare(execution.getProcessInstanceId(), CASE_ID.from(execution),
        CASE_NUMBER.from(execution), PRODUCT_SKU.fromOrNull(execution));
    SPARE_PART_ORDER_ID.set(execution, prepared.orderId());
    PAYMENT_REMINDER_AFTER.set(execution, prepared.timers().paymentReminderAfter());
    PAYMENT_CANCEL_AFTER.set(execution, prepared.timers().paymentCancelAfter());
    SUPPLIER_DELIVERY_OLA.set(execution, prepared.timers().supplierDeliveryOla());
    if (QUANTITY.fromOrNull(execution) == null) QUANTITY.set(execution, 1);
    if (GOODWILL_REQUESTED.fromOrNull(execution) == null) GOODWILL_REQUESTED.set(execution, false);
  }
}
