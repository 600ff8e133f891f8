package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_ReserveReplacement} in return-handling.bpmn (async): reserves a unit for
 * logistics to ship (CallActivity_ShipReplacement); none in stock turns the outcome into a full refund.
 */
@Component
record ReserveReplacementDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    ReplacementRequest request = returns.reserveReplacement(RETURN_ID.from(execution));
    REPLACEMENT_RESERVED.set(execution, request.reserved());
    OUTCOME.set(execution, request.outcome());
    REFUND_PERCENT.set(execution, request.refundPercent());
    REFUND_AMOUNT.set(execution, request.refundAmount());
  }
}
