package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RequestBulkPickup} in return-handling.bpmn (async): RMA number and carrier
 * pickup request for a retailer's defective stock.
 */
@Component
class RequestBulkPickupDelegate implements JavaDelegate {
  private final ReturnService returns;

  RequestBulkPickupDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BulkPickup pickup = returns.requestBulkPickup(RETURN_ID.from(execution));
    RMA_NUMBER.set(execution, pickup.rmaNumber());
    PICKUP_SHIPMENT_ID.set(execution, pickup.shipmentId());
  }
}
