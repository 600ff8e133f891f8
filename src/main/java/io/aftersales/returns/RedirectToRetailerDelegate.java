package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RedirectToRetailer} in return-handling.bpmn (async): a retail consumer
 * returns to the shop; the warranty stays with us.
 */
@Component
record RedirectToRetailerDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    returns.redirectToRetailer(RETURN_ID.from(execution), execution.getProcessInstanceId());
  }
}
