package io.aftersales.warranty;

import io.aftersales.shared.ProcessVariable;
import java.math.BigDecimal;

/**
 * Key, element ids, messages and variables of {@code processes/warranty/warranty-claim.bpmn}. The case facts it
 * receives from service-case (caseId, caseNumber, salesChannel, ...) are declared in
 * {@link io.aftersales.cases.ServiceCaseProcess} and {@code CaseFacts}; the ones this process reads are repeated
 * here with their types.
 */
public final class WarrantyClaimProcess {
  public static final String KEY = "warranty-claim";

  public static final String SERVICE_TASK_REGISTER_CLAIM = "ServiceTask_RegisterClaim";
  public static final String BUSINESS_RULE_TASK_CHECK_WARRANTY_ELIGIBILITY =
      "BusinessRuleTask_CheckWarrantyEligibility";
  public static final String SERVICE_TASK_REQUEST_MISSING_DOCUMENTS = "ServiceTask_RequestMissingDocuments";
  public static final String GATEWAY_AWAIT_DOCUMENTS = "Gateway_AwaitDocuments";
  public static final String INTERMEDIATE_CATCH_EVENT_DOCUMENTS_RECEIVED = "IntermediateCatchEvent_DocumentsReceived";
  public static final String INTERMEDIATE_CATCH_EVENT_REMINDER_DUE = "IntermediateCatchEvent_ReminderDue";
  public static final String SERVICE_TASK_SEND_DOCUMENTS_REMINDER = "ServiceTask_SendDocumentsReminder";
  public static final String GATEWAY_AWAIT_DOCUMENTS_AFTER_REMINDER = "Gateway_AwaitDocumentsAfterReminder";
  public static final String INTERMEDIATE_CATCH_EVENT_DOCUMENTS_RECEIVED_AFTER_REMINDER =
      "IntermediateCatchEvent_DocumentsReceivedAfterReminder";
  public static final String INTERMEDIATE_CATCH_EVENT_ABANDON_DUE = "IntermediateCatchEvent_AbandonDue";
  public static final String SERVICE_TASK_CLOSE_ABANDONED_CLAIM = "ServiceTask_CloseAbandonedClaim";
  public static final String END_EVENT_CLAIM_ABANDONED = "EndEvent_ClaimAbandoned";
  public static final String USER_TASK_CHECK_DOCUMENTS = "UserTask_CheckDocuments";
  public static final String SERVICE_TASK_REFRESH_CLAIM_FACTS = "ServiceTask_RefreshClaimFacts";
  public static final String SERVICE_TASK_SEND_CLAIM_REJECTION = "ServiceTask_SendClaimRejection";
  public static final String END_EVENT_CLAIM_REJECTED = "EndEvent_ClaimRejected";
  /** Holds the assessment, its OLA timer and the team lead's task; ends (terminates) when the assessment is made. */
  public static final String SUB_PROCESS_ASSESS_DEFECT = "SubProcess_AssessDefect";
  public static final String USER_TASK_ASSESS_DEFECT = "UserTask_AssessDefect";
  public static final String END_EVENT_ASSESSMENT_DONE = "EndEvent_AssessmentDone";
  public static final String BOUNDARY_EVENT_ASSESSMENT_OVERDUE = "BoundaryEvent_AssessmentOverdue";
  public static final String USER_TASK_EXPEDITE_ASSESSMENT = "UserTask_ExpediteAssessment";
  public static final String END_EVENT_ASSESSMENT_EXPEDITED = "EndEvent_AssessmentExpedited";
  // Spare part or replacement unit: reserved, or ordered and received first, then shipped.
  public static final String SERVICE_TASK_RESERVE_WARRANTY_GOODS = "ServiceTask_ReserveWarrantyGoods";
  public static final String USER_TASK_RECEIVE_WARRANTY_GOODS = "UserTask_ReceiveWarrantyGoods";
  public static final String SERVICE_TASK_BOOK_WARRANTY_DELIVERY = "ServiceTask_BookWarrantyDelivery";
  /** outside-system-handoff with kind = the remedy (SPARE_PART or REPLACEMENT). */
  public static final String CALL_ACTIVITY_SHIP_WARRANTY_GOODS = "CallActivity_ShipWarrantyGoods";
  // Repair: the unit comes in (label), is repaired here or at the supplier, and goes back.
  /** outside-system-handoff, kind RETURN_LABEL. */
  public static final String CALL_ACTIVITY_BOOK_DEFECTIVE_UNIT_PICKUP = "CallActivity_BookDefectiveUnitPickup";
  public static final String USER_TASK_RECEIVE_DEFECTIVE_UNIT = "UserTask_ReceiveDefectiveUnit";
  public static final String USER_TASK_REPAIR_UNIT = "UserTask_RepairUnit";
  /** outside-system-handoff, kind TO_SUPPLIER. */
  public static final String CALL_ACTIVITY_SHIP_UNIT_TO_SUPPLIER = "CallActivity_ShipUnitToSupplier";
  public static final String USER_TASK_CONFIRM_SUPPLIER_REPAIR = "UserTask_ConfirmSupplierRepair";
  /** outside-system-handoff, kind REPAIRED_UNIT. */
  public static final String CALL_ACTIVITY_SHIP_REPAIRED_UNIT = "CallActivity_ShipRepairedUnit";
  /** outside-system-handoff, kind REFUND. */
  public static final String CALL_ACTIVITY_REFUND_PURCHASE_PRICE = "CallActivity_RefundPurchasePrice";
  public static final String INTERMEDIATE_THROW_EVENT_SUPPLIER_CLAIM_RAISED =
      "IntermediateThrowEvent_SupplierClaimRaised";
  public static final String END_EVENT_CLAIM_RESOLVED = "EndEvent_ClaimResolved";

  /** Correlated by service-case (business key = case number) whenever the customer writes. */
  public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";

  // Passed in by service-case (case facts).
  public static final ProcessVariable<Long> CASE_ID = ProcessVariable.of("caseId", Long.class);
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  /** ECOMMERCE, AMAZON or RETAILER; null when the order is unknown. */
  public static final ProcessVariable<String> SALES_CHANNEL = ProcessVariable.of("salesChannel", String.class);
  public static final ProcessVariable<String> RETAILER_NAME = ProcessVariable.of("retailerName", String.class);
  /** CONSUMER or BUSINESS. */
  public static final ProcessVariable<String> CUSTOMER_TYPE = ProcessVariable.of("customerType", String.class);
  public static final ProcessVariable<Boolean> ORDER_KNOWN = ProcessVariable.of("orderKnown", Boolean.class);
  public static final ProcessVariable<String> ORDER_NUMBER = ProcessVariable.of("orderNumber", String.class);
  public static final ProcessVariable<String> PRODUCT_SKU = ProcessVariable.of("productSku", String.class);
  public static final ProcessVariable<String> PRODUCT_NAME = ProcessVariable.of("productName", String.class);
  public static final ProcessVariable<String> PRODUCT_CATEGORY = ProcessVariable.of("productCategory", String.class);
  public static final ProcessVariable<Integer> WARRANTY_MONTHS = ProcessVariable.of("warrantyMonths", Integer.class);
  /** ISO date (yyyy-MM-dd); corrected by the agent in UserTask_CheckDocuments. */
  public static final ProcessVariable<String> PURCHASE_DATE = ProcessVariable.of("purchaseDate", String.class);
  /** Full months since the purchase date; null when unknown. Recomputed by ServiceTask_RefreshClaimFacts. */
  public static final ProcessVariable<Integer> MONTHS_SINCE_PURCHASE =
      ProcessVariable.of("monthsSincePurchase", Integer.class);
  public static final ProcessVariable<BigDecimal> PURCHASE_PRICE =
      ProcessVariable.of("purchasePrice", BigDecimal.class);
  public static final ProcessVariable<String> SERIAL_NUMBER = ProcessVariable.of("serialNumber", String.class);
  /** What the customer wrote last; set by the CustomerReplied correlation. */
  public static final ProcessVariable<String> LAST_CUSTOMER_MESSAGE =
      ProcessVariable.of("lastCustomerMessage", String.class);

  // Set by ServiceTask_RegisterClaim.
  /** ISO-8601 duration until the documents reminder (aftersales.warranty.reminder-after, default P5D). */
  public static final ProcessVariable<String> DOCUMENTS_REMINDER_AFTER =
      ProcessVariable.of("documentsReminderAfter", String.class);
  /** ISO-8601 duration after the reminder until the claim is abandoned (aftersales.warranty.abandon-after, default P14D). */
  public static final ProcessVariable<String> DOCUMENTS_ABANDON_AFTER =
      ProcessVariable.of("documentsAbandonAfter", String.class);
  /** ISO-8601 duration the assessment may take before a team lead is asked (aftersales.warranty.assessment-ola, default P2D). */
  public static final ProcessVariable<String> ASSESSMENT_OLA = ProcessVariable.of("assessmentOla", String.class);
  /** The purchase is proven: the order for own shop and Amazon, the shop's receipt for retailers (checked by the agent). */
  public static final ProcessVariable<Boolean> PROOF_OF_PURCHASE = ProcessVariable.of("proofOfPurchase", Boolean.class);

  // Outputs of the decision warranty-eligibility (flattened by the business rule task).
  /** ELIGIBLE, EXPIRED or DOCUMENTS_MISSING. */
  public static final ProcessVariable<String> ELIGIBILITY = ProcessVariable.of("eligibility", String.class);
  /** For the customer: what proof is missing. Null unless DOCUMENTS_MISSING. */
  public static final ProcessVariable<String> MISSING_DOCUMENTS = ProcessVariable.of("missingDocuments", String.class);
  public static final ProcessVariable<String> ELIGIBILITY_NOTE = ProcessVariable.of("eligibilityNote", String.class);

  // UserTask_CheckDocuments.
  public static final ProcessVariable<Boolean> PHOTOS_RECEIVED = ProcessVariable.of("photosReceived", Boolean.class);

  // UserTask_AssessDefect.
  /** SPARE_PART, REPLACEMENT, REPAIR_IN_HOUSE, REPAIR_AT_SUPPLIER, REFUND or REJECT. */
  public static final ProcessVariable<String> REMEDY = ProcessVariable.of("remedy", String.class);
  /** UserTask_AssessDefect: where a shipped remedy goes when no order number is known (else the order's address). */
  public static final ProcessVariable<String> SHIPPING_ADDRESS = ProcessVariable.of("shippingAddress", String.class);
  public static final ProcessVariable<String> SPARE_PART_SKU = ProcessVariable.of("sparePartSku", String.class);
  public static final ProcessVariable<String> ASSESSMENT_NOTES = ProcessVariable.of("assessmentNotes", String.class);
  public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.of("rejectionReason", String.class);
  /** The unit has a manufacturing defect: claim the cost from the supplier. */
  public static final ProcessVariable<Boolean> DEFECTIVE_UNIT = ProcessVariable.of("defectiveUnit", Boolean.class);

  // ServiceTask_ReserveWarrantyGoods.
  /** False when the part or unit was out of stock and had to be ordered from the supplier. */
  public static final ProcessVariable<Boolean> IN_STOCK = ProcessVariable.of("inStock", Boolean.class);
  /** The purchase order raised when it was out of stock (form receive-warranty-goods). */
  public static final ProcessVariable<String> PURCHASE_ORDER_NUMBER =
      ProcessVariable.of("purchaseOrderNumber", String.class);
  /** What the warehouse expects from the supplier, e.g. "1 x Glass lid 28 cm (SP-LID-28)". */
  public static final ProcessVariable<String> WARRANTY_GOODS = ProcessVariable.of("warrantyGoods", String.class);
  public static final ProcessVariable<String> DELIVERY_NOTE = ProcessVariable.of("deliveryNote", String.class);
  public static final ProcessVariable<String> RECEIPT_NOTES = ProcessVariable.of("receiptNotes", String.class);
  public static final ProcessVariable<String> REPAIR_NOTES = ProcessVariable.of("repairNotes", String.class);
  /** UserTask_ConfirmSupplierRepair: the repaired unit is back in our warehouse (required checkbox). */
  public static final ProcessVariable<Boolean> REPAIRED_UNIT_RECEIVED =
      ProcessVariable.of("repairedUnitReceived", Boolean.class);
  public static final ProcessVariable<String> SUPPLIER_REPAIR_NOTES =
      ProcessVariable.of("supplierRepairNotes", String.class);

  // UserTask_ExpediteAssessment.
  public static final ProcessVariable<String> EXPEDITE_NOTES = ProcessVariable.of("expediteNotes", String.class);

  private WarrantyClaimProcess() {}
}
