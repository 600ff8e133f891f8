package io.aftersales.warranty;

import static io.aftersales.warranty.SupplierClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordClaimSettlement} in supplier-claim.bpmn: records the amount the supplier credits (0 = rejected) and closes the portal request. Async: idempotent (a settled claim stays settled). */
@Component
record RecordClaimSettlementDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    // A number field of a form may arrive as Long or Double.
    warranty.recordSupplierSettlement(CLAIM_ID.from(execution), AMOUNT_RECOVERED.fromOrNull(execution));
  }
}
