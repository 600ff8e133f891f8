package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendRefundIssued} in return-handling.bpmn (async): records the refund as
 * issued and mails the amount.
 */
@Component
class SendRefundIssuedDelegate implements JavaDelegate {
  private final ReturnService returns;

  SendRefundIssuedDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    returns.confirmRefund(RETURN_ID.from(execution), REFUND_ID.fromOrNull(execution),
        REFUND_PAYMENT_REFERENCE.fromOrNull(execution), AMAZON_REFUND_REFERENCE.fromOrNull(execution),
        Money.of(REFUND_AMOUNT.fromOrNull(execution)), Boolean.FALSE.equals(REPLACEMENT_RESERVED.fromOrNull(execution)),
        execution.getProcessInstanceId());
  }
}
