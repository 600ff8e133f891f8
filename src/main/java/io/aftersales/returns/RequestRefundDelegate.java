package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RequestRefund} in return-handling.bpmn (async): own shop - finance is asked
 * to refund in the shop back end.
 */
@Component
class RequestRefundDelegate implements JavaDelegate {
  private final ReturnService returns;

  RequestRefundDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    REFUND_ID.set(execution, returns.requestRefund(RETURN_ID.from(execution), Money.of(REFUND_AMOUNT.fromOrNull(execution))));
  }
}
