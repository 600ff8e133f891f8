package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendGoodsReceived} in return-handling.bpmn (async): records the receipt and
 * tells the customer.
 */
@Component
record SendGoodsReceivedDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    returns.confirmReceipt(RETURN_ID.from(execution), INSPECTION_OLA.from(execution), execution.getProcessInstanceId());
  }
}
