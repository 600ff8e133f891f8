package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RequestReplacementShipment} in return-handling.bpmn (async): reserves a unit
 * and asks logistics to ship it; none in stock turns the outcome into a full refund.
 */
@Component
class RequestReplacementShipmentDelegate implements JavaDelegate {
  private final ReturnService returns;

  RequestReplacementShipmentDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReplacementRequest request = returns.requestReplacement(RETURN_ID.from(execution));
    REPLACEMENT_RESERVED.set(execution, request.reserved());
    REPLACEMENT_SHIPMENT_ID.set(execution, request.shipmentId());
    OUTCOME.set(execution, request.outcome());
    REFUND_PERCENT.set(execution, request.refundPercent());
    REFUND_AMOUNT.set(execution, Money.toVariable(request.refundAmount()));
  }
}
