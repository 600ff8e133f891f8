package io.aftersales.warranty;

import static io.aftersales.warranty.SupplierClaimProcess.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code processes/warranty/supplier-claim.bpmn}, one bean each, named after its element
 * ({@code ServiceTask_FileSupplierClaim} → {@code fileSupplierClaimDelegate}). They only move process variables into
 * {@link WarrantyService}, which holds the rules, and its results back.
 */
@Configuration(proxyBeanMethods = false)
class SupplierClaimDelegates {
  /** {@code ServiceTask_FileSupplierClaim} in supplier-claim.bpmn: records the claim against the supplier for supplier management. Async: idempotent per case and SKU. */
  @Bean
  JavaDelegate fileSupplierClaimDelegate(WarrantyService warranty) {
    return execution -> {
      var filed = warranty.fileSupplierClaim(CASE_NUMBER.from(execution), PRODUCT_SKU.from(execution),
          QUANTITY.fromOrNull(execution), REASON.fromOrNull(execution));
      CLAIM_ID.set(execution, filed.claimId());
      SUPPLIER_NAME.set(execution, filed.supplierName());
      SETTLEMENT_OVERDUE_AFTER.set(execution, filed.settlementOverdueAfter());
    };
  }

  /** {@code ServiceTask_RecordClaimSettlement} in supplier-claim.bpmn: records the amount the supplier credits (0 = rejected) and closes the portal request. Async: idempotent (a settled claim stays settled). */
  @Bean
  JavaDelegate recordClaimSettlementDelegate(WarrantyService warranty) {
    // A number field of a form may arrive as Long or Double.
    return execution -> warranty.recordSupplierSettlement(CLAIM_ID.from(execution),
        AMOUNT_RECOVERED.fromOrNull(execution));
  }
}
