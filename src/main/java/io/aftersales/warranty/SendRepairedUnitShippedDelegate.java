package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendRepairedUnitShipped} in warranty-claim.bpmn: confirms the shipment and mails the tracking number. Async: idempotent. */
@Component
class SendRepairedUnitShippedDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  SendRepairedUnitShippedDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warranty.sendRepairedUnitShipped(ClaimFacts.of(execution), SHIPMENT_ID.from(execution), CARRIER.from(execution),
        TRACKING_NUMBER.from(execution), execution.getActivityInstanceId());
  }
}
