package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_AuthorizeBulkReturn} in return-handling.bpmn (async): the RMA number for the retailer's boxes;
 * logistics books the collection next (CallActivity_ArrangeBulkPickup).
 */
@Component
record AuthorizeBulkReturnDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    RMA_NUMBER.set(execution, returns.authorizeBulkReturn(RETURN_ID.from(execution)));
  }
}
