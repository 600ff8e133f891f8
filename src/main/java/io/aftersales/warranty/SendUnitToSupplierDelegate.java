package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendUnitToSupplier} in warranty-claim.bpmn: requests the shipment of the defective unit to the repair service of the supplier (carrier REPAIR). Async: idempotent. */
@Component
class SendUnitToSupplierDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  SendUnitToSupplierDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SUPPLIER_SHIPMENT_ID.set(execution, warranty.requestShipmentToSupplier(ClaimFacts.of(execution)));
  }
}
