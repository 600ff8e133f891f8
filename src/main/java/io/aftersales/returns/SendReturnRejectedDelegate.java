package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendReturnRejected} in return-handling.bpmn (async): records the send-back
 * and mails why, with the tracking number.
 */
@Component
class SendReturnRejectedDelegate implements JavaDelegate {
  private final ReturnService returns;

  SendReturnRejectedDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    returns.confirmSentBack(RETURN_ID.from(execution), SEND_BACK_SHIPMENT_ID.from(execution), CARRIER.fromOrNull(execution),
        SEND_BACK_TRACKING_NUMBER.fromOrNull(execution), execution.getProcessInstanceId());
  }
}
