package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CloseUnansweredReturn} in return-handling.bpmn (async): the customer did not
 * answer in time.
 */
@Component
record CloseUnansweredReturnDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    returns.closeUnanswered(RETURN_ID.from(execution), execution.getProcessInstanceId());
  }
}
