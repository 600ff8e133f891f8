package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RefreshClaimFacts} in warranty-claim.bpmn (in the agent's transaction, so a refusal keeps the
 * check-documents task open): records the checked documents, links an order number the customer sent later, and
 * recomputes the facts of the next eligibility check.
 */
@Component
record RefreshClaimFactsDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    WarrantyService.Refreshed refreshed = warranty.refreshFacts(ClaimFacts.of(execution),
        PROOF_OF_PURCHASE.fromOrNull(execution), ORDER_NUMBER.fromOrNull(execution),
        PURCHASE_DATE.fromOrNull(execution),
        SERIAL_NUMBER.fromOrNull(execution), PHOTOS_RECEIVED.fromOrNull(execution));
    execution.setVariables(refreshed.linkedFacts());
    PURCHASE_DATE.set(execution, refreshed.purchaseDate());
    MONTHS_SINCE_PURCHASE.set(execution, refreshed.monthsSincePurchase());
    PROOF_OF_PURCHASE.set(execution, refreshed.proofOfPurchase());
  }
}
