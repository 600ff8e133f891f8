package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_ConfirmBulkPickup} in return-handling.bpmn (async): records the pickup
 * logistics booked and tells the retailer.
 */
@Component
class ConfirmBulkPickupDelegate implements JavaDelegate {
  private final ReturnService returns;

  ConfirmBulkPickupDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    returns.confirmBulkPickup(RETURN_ID.from(execution), PICKUP_SHIPMENT_ID.from(execution), CARRIER.fromOrNull(execution),
        PICKUP_TRACKING_NUMBER.fromOrNull(execution), PICKUP_DATE.fromOrNull(execution), execution.getProcessInstanceId());
  }
}
