package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendTrackingNumber} in spare-part-request.bpmn (async): confirms the shipment and mails the tracking number. Idempotent per process instance. */
@Component
class SendTrackingNumberDelegate implements JavaDelegate {
  private final SparePartService spareParts;

  SendTrackingNumberDelegate(SparePartService spareParts) {
    this.spareParts = spareParts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    spareParts.confirmShipment(SPARE_PART_ORDER_ID.from(execution), CARRIER.from(execution),
        TRACKING_NUMBER.from(execution), execution.getProcessInstanceId() + "-tracking");
  }
}
