package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendDocumentsReminder} in warranty-claim.bpmn: reminds the customer of the missing documents. Async: idempotent per step. */
@Component
record SendDocumentsReminderDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    warranty.sendDocumentsReminder(ClaimFacts.of(execution), MISSING_DOCUMENTS.fromOrNull(execution),
        execution.getActivityInstanceId());
  }
}
