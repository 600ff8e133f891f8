package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendDeliveryUpdate} in spare-part-request.bpmn (async): tells the customer the date the chased supplier promised. Idempotent per purchase order and date. */
@Component
record SendDeliveryUpdateDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    String expected = SUPPLIER_EXPECTED_DATE.fromOrNull(execution);
    spareParts.sendDeliveryUpdate(SPARE_PART_ORDER_ID.from(execution), expected,
        execution.getProcessInstanceId() + "-delivery-update-" + PURCHASE_ORDER_NUMBER.fromOrNull(execution) + "-"
            + expected);
  }
}
