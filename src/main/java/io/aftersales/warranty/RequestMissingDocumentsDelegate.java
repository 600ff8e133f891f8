package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestMissingDocuments} in warranty-claim.bpmn: asks the customer for what the decision found missing. Async: idempotent per step (the mail step id). */
@Component
record RequestMissingDocumentsDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    warranty.requestMissingDocuments(ClaimFacts.of(execution), ELIGIBILITY.fromOrNull(execution),
        ELIGIBILITY_NOTE.fromOrNull(execution), MISSING_DOCUMENTS.fromOrNull(execution),
        execution.getActivityInstanceId());
  }
}
