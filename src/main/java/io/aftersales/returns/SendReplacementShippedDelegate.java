package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendReplacementShipped} in return-handling.bpmn (async): records the
 * shipment, takes the unit off stock, mails the tracking number.
 */
@Component
class SendReplacementShippedDelegate implements JavaDelegate {
  private final ReturnService returns;

  SendReplacementShippedDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    returns.confirmReplacementShipped(RETURN_ID.from(execution), REPLACEMENT_SHIPMENT_ID.from(execution),
        CARRIER.fromOrNull(execution), TRACKING_NUMBER.fromOrNull(execution), execution.getProcessInstanceId());
  }
}
