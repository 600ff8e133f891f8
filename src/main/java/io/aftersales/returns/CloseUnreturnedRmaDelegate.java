package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CloseUnreturnedRma} in return-handling.bpmn (async): the parcel did not
 * arrive in time; the RMA expires.
 */
@Component
record CloseUnreturnedRmaDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    returns.expire(RETURN_ID.from(execution), RETURN_SHIPMENT_TIMEOUT.from(execution),
        execution.getProcessInstanceId());
  }
}
