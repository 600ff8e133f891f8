package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestWarrantyPartShipment} in warranty-claim.bpmn: reserves the spare part (or orders it) and requests its shipment. Async: idempotent per case and reference. */
@Component
class RequestWarrantyPartShipmentDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  RequestWarrantyPartShipmentDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var request = warranty.requestPartShipment(ClaimFacts.of(execution), SPARE_PART_SKU.from(execution));
    SHIPMENT_ID.set(execution, request.shipmentId());
    IN_STOCK.set(execution, request.inStock());
  }
}
