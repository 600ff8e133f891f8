package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CreateRma} in return-handling.bpmn: approves the return under a new RMA
 * number.
 */
@Component
record CreateRmaDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    RMA_NUMBER.set(execution, returns.authorize(RETURN_ID.from(execution), CUSTOMER_WISH.fromOrNull(execution),
        SELLER_CENTRAL_CONFIRMED.fromOrNull(execution)));
  }
}
