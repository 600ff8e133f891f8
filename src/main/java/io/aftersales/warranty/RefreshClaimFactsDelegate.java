package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RefreshClaimFacts} in warranty-claim.bpmn: records the checked documents and recomputes the months since purchase for the next eligibility check. */
@Component
class RefreshClaimFactsDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  RefreshClaimFactsDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MONTHS_SINCE_PURCHASE.set(execution, warranty.refreshFacts(CASE_NUMBER.from(execution),
        PROOF_OF_PURCHASE.fromOrNull(execution), PURCHASE_DATE.fromOrNull(execution),
        SERIAL_NUMBER.fromOrNull(execution), PHOTOS_RECEIVED.fromOrNull(execution)));
  }
}
