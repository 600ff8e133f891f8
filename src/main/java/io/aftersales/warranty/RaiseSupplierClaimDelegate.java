package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code IntermediateThrowEvent_SupplierClaimRaised} in warranty-claim.bpmn: starts supplier-claim by its start message. Async: a running claim for the case is not started twice. */
@Component
record RaiseSupplierClaimDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    warranty.raiseSupplierClaim(ClaimFacts.of(execution), ASSESSMENT_NOTES.fromOrNull(execution));
  }
}
