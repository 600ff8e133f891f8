package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendQuote} in spare-part-request.bpmn (async): payment request with finance and the quote mail. Idempotent per process instance. */
@Component
record SendQuoteDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    var quote = spareParts.sendQuote(SPARE_PART_ORDER_ID.from(execution), CHARGE_NOTE.fromOrNull(execution),
        execution.getProcessInstanceId() + "-quote");
    PAYMENT_REQUEST_REFERENCE.set(execution, quote.reference());
    AMOUNT_DUE.set(execution, quote.amount());
    PAYMENT_DUE.set(execution, quote.dueAt());
  }
}
