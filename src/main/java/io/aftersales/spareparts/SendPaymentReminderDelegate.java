package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendPaymentReminder} in spare-part-request.bpmn (async). Idempotent per process instance. */
@Component
record SendPaymentReminderDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    spareParts.sendPaymentReminder(SPARE_PART_ORDER_ID.from(execution),
        execution.getProcessInstanceId() + "-payment-reminder");
  }
}
