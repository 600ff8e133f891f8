package io.aftersales.handoff;

import static io.aftersales.handoff.OutsideSystemHandoffProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_ConfirmHandoff} in outside-system-handoff.bpmn (async): closes the shipment or refund with
 * what the person entered; the calling procedure records it and tells the customer.
 */
@Component
record ConfirmHandoffDelegate(Handoffs handoffs) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    HandoffKind kind = HandoffKind.named(HANDOFF_KIND.from(execution));
    String date = COLLECTION_DATE.fromOrNull(execution);
    HandedOff done = new HandedOff(null, CARRIER.fromOrNull(execution), TRACKING_NUMBER.fromOrNull(execution),
        LABEL_URL.fromOrNull(execution), date == null ? null : LocalDate.parse(date.substring(0, 10)),
        PAYMENT_REFERENCE.fromOrNull(execution), null);
    handoffs.confirm(Caller.procedureKey(execution), kind, HANDOFF_RECORD_ID.from(execution), done,
        Caller.of(execution), execution.getProcessInstanceId());
  }
}
