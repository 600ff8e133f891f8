package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendReturnLabel} in warranty-claim.bpmn: confirms the return label and tells the customer how to send the unit. Async: idempotent. */
@Component
class SendReturnLabelDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  SendReturnLabelDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warranty.sendReturnLabel(ClaimFacts.of(execution), PICKUP_SHIPMENT_ID.from(execution),
        PICKUP_CARRIER.from(execution), PICKUP_TRACKING_NUMBER.from(execution), execution.getActivityInstanceId());
  }
}
