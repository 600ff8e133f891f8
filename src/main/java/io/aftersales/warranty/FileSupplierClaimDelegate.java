package io.aftersales.warranty;

import static io.aftersales.warranty.SupplierClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_FileSupplierClaim} in supplier-claim.bpmn: records the claim against the supplier for supplier management. Async: idempotent per case and SKU. */
@Component
record FileSupplierClaimDelegate(WarrantyService warranty) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    var filed = warranty.fileSupplierClaim(CASE_NUMBER.from(execution), PRODUCT_SKU.from(execution),
        QUANTITY.fromOrNull(execution), REASON.fromOrNull(execution));
    CLAIM_ID.set(execution, filed.claimId());
    SUPPLIER_NAME.set(execution, filed.supplierName());
    SETTLEMENT_OVERDUE_AFTER.set(execution, filed.settlementOverdueAfter());
  }
}
