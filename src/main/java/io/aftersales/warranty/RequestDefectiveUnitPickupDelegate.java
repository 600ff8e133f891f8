package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestDefectiveUnitPickup} in warranty-claim.bpmn: requests a prepaid return label from logistics (carrier RETURN_LABEL). Async: idempotent per case and reference. */
@Component
class RequestDefectiveUnitPickupDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  RequestDefectiveUnitPickupDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PICKUP_SHIPMENT_ID.set(execution, warranty.requestReturnLabel(ClaimFacts.of(execution)));
  }
}
