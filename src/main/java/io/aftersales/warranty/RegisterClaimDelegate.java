package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RegisterClaim} in warranty-claim.bpmn: records the claim and sets the timer durations and the proof-of-purchase flag the decision reads. */
@Component
record RegisterClaimDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    var registration = warranty.registerClaim(execution.getProcessInstanceId(), ClaimFacts.of(execution),
        ORDER_KNOWN.fromOrNull(execution),
        PROOF_OF_PURCHASE.fromOrNull(execution));
    PROOF_OF_PURCHASE.set(execution, registration.proofOfPurchase());
    DOCUMENTS_REMINDER_AFTER.set(execution, registration.documentsReminderAfter());
    DOCUMENTS_ABANDON_AFTER.set(execution, registration.documentsAbandonAfter());
    ASSESSMENT_OLA.set(execution, registration.assessmentOla());
  }
}
