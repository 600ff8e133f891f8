package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RequestReturnLabel} in return-handling.bpmn (async): asks logistics for a
 * prepaid return label.
 */
@Component
class RequestReturnLabelDelegate implements JavaDelegate {
  private final ReturnService returns;

  RequestReturnLabelDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RETURN_SHIPMENT_ID.set(execution, returns.requestReturnLabel(RETURN_ID.from(execution)));
  }
}
