package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestReplacementUnitShipment} in warranty-claim.bpmn: reserves a new unit (or orders it) and requests its shipment. Async: idempotent per case and reference. */
@Component
class RequestReplacementUnitShipmentDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  RequestReplacementUnitShipmentDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var request = warranty.requestReplacementShipment(ClaimFacts.of(execution));
    SHIPMENT_ID.set(execution, request.shipmentId());
    IN_STOCK.set(execution, request.inStock());
  }
}
