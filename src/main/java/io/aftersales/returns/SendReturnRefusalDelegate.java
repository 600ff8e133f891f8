package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendReturnRefusal} in return-handling.bpmn (async): records the refusal and
 * mails the reason.
 */
@Component
record SendReturnRefusalDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    returns.refuse(RETURN_ID.from(execution), REFUSAL_REASON.fromOrNull(execution),
        SELLER_CENTRAL_CONFIRMED.fromOrNull(execution), execution.getProcessInstanceId());
  }
}
