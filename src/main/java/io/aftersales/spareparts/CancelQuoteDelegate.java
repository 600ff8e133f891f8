package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CancelQuote} in spare-part-request.bpmn (async): cancels the payment request and tells the customer. Idempotent per process instance. */
@Component
record CancelQuoteDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    spareParts.cancelQuote(SPARE_PART_ORDER_ID.from(execution), execution.getProcessInstanceId() + "-quote-expired");
  }
}
