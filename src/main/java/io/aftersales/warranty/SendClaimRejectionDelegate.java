package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendClaimRejection} in warranty-claim.bpmn: explains an expired warranty or a rejected assessment to the customer. Async: idempotent per step. */
@Component
record SendClaimRejectionDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    warranty.sendRejection(ClaimFacts.of(execution), ELIGIBILITY.fromOrNull(execution),
        ELIGIBILITY_NOTE.fromOrNull(execution), REMEDY.fromOrNull(execution), REJECTION_REASON.fromOrNull(execution),
        execution.getActivityInstanceId());
  }
}
