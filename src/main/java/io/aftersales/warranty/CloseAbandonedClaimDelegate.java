package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CloseAbandonedClaim} in warranty-claim.bpmn: closes the claim as abandoned and tells the customer how to reopen it. Async: idempotent per step. */
@Component
record CloseAbandonedClaimDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    warranty.closeAbandoned(ClaimFacts.of(execution), MISSING_DOCUMENTS.fromOrNull(execution),
        execution.getActivityInstanceId());
  }
}
