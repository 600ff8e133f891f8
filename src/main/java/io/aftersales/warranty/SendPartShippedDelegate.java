package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendPartShipped} in warranty-claim.bpmn: confirms the shipment, picks the part and mails the tracking number. Async: idempotent. */
@Component
class SendPartShippedDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  SendPartShippedDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warranty.sendPartShipped(ClaimFacts.of(execution), SHIPMENT_ID.from(execution), SPARE_PART_SKU.from(execution),
        CARRIER.from(execution), TRACKING_NUMBER.from(execution), execution.getActivityInstanceId());
  }
}
