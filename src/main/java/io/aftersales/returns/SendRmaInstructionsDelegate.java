package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendRmaInstructions} in return-handling.bpmn (async): records the label and
 * mails RMA number, label and packing instructions.
 */
@Component
class SendRmaInstructionsDelegate implements JavaDelegate {
  private final ReturnService returns;

  SendRmaInstructionsDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    returns.sendRmaInstructions(RETURN_ID.from(execution), RETURN_SHIPMENT_ID.from(execution), CARRIER.fromOrNull(execution),
        RETURN_TRACKING_NUMBER.fromOrNull(execution), RETURN_LABEL_URL.fromOrNull(execution),
        RETURN_SHIPMENT_TIMEOUT.from(execution), execution.getProcessInstanceId());
  }
}
