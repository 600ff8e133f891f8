package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RequestSendBack} in return-handling.bpmn (async): asks logistics to send the
 * refused item back.
 */
@Component
class RequestSendBackDelegate implements JavaDelegate {
  private final ReturnService returns;

  RequestSendBackDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SEND_BACK_SHIPMENT_ID.set(execution, returns.requestSendBack(RETURN_ID.from(execution)));
  }
}
