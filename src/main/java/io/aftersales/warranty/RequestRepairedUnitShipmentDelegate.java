package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestRepairedUnitShipment} in warranty-claim.bpmn: requests the shipment of the repaired unit back to the customer. Async: idempotent. */
@Component
class RequestRepairedUnitShipmentDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  RequestRepairedUnitShipmentDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SHIPMENT_ID.set(execution, warranty.requestRepairedUnitShipment(ClaimFacts.of(execution)));
  }
}
