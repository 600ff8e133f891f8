package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CloseSparePartRequest} in spare-part-request.bpmn (async): sends customer care's message that no part can be sent. Idempotent per process instance. */
@Component
record CloseSparePartRequestDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    spareParts.closeRequest(SPARE_PART_ORDER_ID.from(execution), MESSAGE_TO_CUSTOMER.fromOrNull(execution),
        execution.getProcessInstanceId() + "-closed");
  }
}
