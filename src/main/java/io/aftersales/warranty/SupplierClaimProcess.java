package io.aftersales.warranty;

import io.aftersales.shared.ProcessVariable;
import java.math.BigDecimal;

/** Key, element ids, message and variables of {@code processes/warranty/supplier-claim.bpmn}. */
public final class SupplierClaimProcess {
  public static final String KEY = "supplier-claim";

  public static final String SERVICE_TASK_FILE_SUPPLIER_CLAIM = "ServiceTask_FileSupplierClaim";
  public static final String USER_TASK_SETTLE_SUPPLIER_CLAIM = "UserTask_SettleSupplierClaim";
  public static final String BOUNDARY_EVENT_SETTLEMENT_OVERDUE = "BoundaryEvent_SettlementOverdue";
  public static final String USER_TASK_CHASE_SUPPLIER_CLAIM = "UserTask_ChaseSupplierClaim";
  public static final String END_EVENT_SUPPLIER_CLAIM_CHASED = "EndEvent_SupplierClaimChased";
  public static final String SERVICE_TASK_RECORD_CLAIM_SETTLEMENT = "ServiceTask_RecordClaimSettlement";
  public static final String END_EVENT_SUPPLIER_CLAIM_SETTLED = "EndEvent_SupplierClaimSettled";

  /** Start message; correlated by warranty-claim's IntermediateThrowEvent_SupplierClaimRaised. */
  public static final String MESSAGE_SUPPLIER_CLAIM_RAISED = "SupplierClaimRaised";

  public static final ProcessVariable<Long> CASE_ID = ProcessVariable.of("caseId", Long.class);
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  public static final ProcessVariable<String> PRODUCT_SKU = ProcessVariable.of("productSku", String.class);
  public static final ProcessVariable<Integer> QUANTITY = ProcessVariable.of("quantity", Integer.class);
  /** Why the unit is defective (the assessment notes), for the supplier. */
  public static final ProcessVariable<String> REASON = ProcessVariable.of("reason", String.class);
  /** Set by ServiceTask_FileSupplierClaim. */
  public static final ProcessVariable<Long> CLAIM_ID = ProcessVariable.of("claimId", Long.class);
  public static final ProcessVariable<String> SUPPLIER_NAME = ProcessVariable.of("supplierName", String.class);
  /** ISO-8601 duration before a team lead chases the supplier (aftersales.warranty.settlement-overdue-after, default P30D). */
  public static final ProcessVariable<String> SETTLEMENT_OVERDUE_AFTER =
      ProcessVariable.of("settlementOverdueAfter", String.class);
  /** UserTask_SettleSupplierClaim: what the supplier credits, in EUR; 0 = rejected. */
  public static final ProcessVariable<BigDecimal> AMOUNT_RECOVERED =
      ProcessVariable.of("amountRecovered", BigDecimal.class);
  public static final ProcessVariable<String> SETTLEMENT_NOTES = ProcessVariable.of("settlementNotes", String.class);
  /** UserTask_ChaseSupplierClaim. */
  public static final ProcessVariable<String> CHASE_NOTES = ProcessVariable.of("chaseNotes", String.class);

  private SupplierClaimProcess() {}
}
