package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendUnitAtSupplier} in warranty-claim.bpmn: confirms the shipment to the supplier and tells the customer. Async: idempotent. */
@Component
class SendUnitAtSupplierDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  SendUnitAtSupplierDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warranty.sendUnitAtSupplier(ClaimFacts.of(execution), SUPPLIER_SHIPMENT_ID.from(execution),
        SUPPLIER_CARRIER.from(execution), SUPPLIER_TRACKING_NUMBER.from(execution), execution.getActivityInstanceId());
  }
}
