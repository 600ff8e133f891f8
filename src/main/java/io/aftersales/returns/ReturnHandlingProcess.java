package io.aftersales.returns;

import io.aftersales.shared.ProcessVariable;
import java.math.BigDecimal;

/** Key, element ids, messages and variables of {@code processes/returns/return-handling.bpmn}. */
public final class ReturnHandlingProcess {
  public static final String KEY = "return-handling";
  public static final String DECISION_RETURN_WINDOW = "return-window";
  public static final String DECISION_RETURN_OUTCOME = "return-outcome";

  // Start and routing by sales channel
  public static final String SERVICE_TASK_GUIDE_TO_AMAZON_RETURN = "ServiceTask_GuideToAmazonReturn";
  public static final String END_EVENT_GUIDED_TO_AMAZON = "EndEvent_GuidedToAmazon";
  public static final String SERVICE_TASK_REDIRECT_TO_RETAILER = "ServiceTask_RedirectToRetailer";
  public static final String END_EVENT_REDIRECTED_TO_RETAILER = "EndEvent_RedirectedToRetailer";

  // Retailer bulk return of defective stock
  public static final String SERVICE_TASK_AUTHORIZE_BULK_RETURN = "ServiceTask_AuthorizeBulkReturn";
  /** outside-system-handoff, kind PICKUP. */
  public static final String CALL_ACTIVITY_ARRANGE_BULK_PICKUP = "CallActivity_ArrangeBulkPickup";
  public static final String USER_TASK_INSPECT_BULK_RETURN = "UserTask_InspectBulkReturn";
  public static final String USER_TASK_ISSUE_CREDIT_NOTE = "UserTask_IssueCreditNote";
  public static final String SERVICE_TASK_RECORD_CREDIT_NOTE = "ServiceTask_RecordCreditNote";
  public static final String END_EVENT_CREDIT_NOTE_ISSUED = "EndEvent_CreditNoteIssued";

  // Consumer return: window and decision
  public static final String BUSINESS_RULE_TASK_CHECK_RETURN_WINDOW = "BusinessRuleTask_CheckReturnWindow";
  public static final String USER_TASK_DECIDE_RETURN = "UserTask_DecideReturn";
  public static final String END_EVENT_DECISION_MADE = "EndEvent_DecisionMade";
  public static final String BOUNDARY_EVENT_DECISION_OVERDUE = "BoundaryEvent_DecisionOverdue";
  public static final String USER_TASK_EXPEDITE_RETURN_DECISION = "UserTask_ExpediteReturnDecision";
  public static final String END_EVENT_DECISION_EXPEDITED = "EndEvent_DecisionExpedited";
  public static final String SERVICE_TASK_ASK_CUSTOMER = "ServiceTask_AskCustomer";
  public static final String GATEWAY_AWAIT_CUSTOMER_ANSWER = "Gateway_AwaitCustomerAnswer";
  public static final String INTERMEDIATE_CATCH_EVENT_CUSTOMER_ANSWERED = "IntermediateCatchEvent_CustomerAnswered";
  public static final String INTERMEDIATE_CATCH_EVENT_ANSWER_OVERDUE = "IntermediateCatchEvent_AnswerOverdue";
  public static final String SERVICE_TASK_CLOSE_UNANSWERED_RETURN = "ServiceTask_CloseUnansweredReturn";
  public static final String END_EVENT_RETURN_ABANDONED = "EndEvent_ReturnAbandoned";
  public static final String USER_TASK_RECORD_DECISION_IN_SELLER_CENTRAL = "UserTask_RecordDecisionInSellerCentral";
  public static final String SERVICE_TASK_SEND_RETURN_REFUSAL = "ServiceTask_SendReturnRefusal";
  public static final String END_EVENT_RETURN_REFUSED = "EndEvent_ReturnRefused";

  // Consumer return: RMA, label, receipt, inspection
  public static final String SERVICE_TASK_CREATE_RMA = "ServiceTask_CreateRma";
  /** outside-system-handoff, kind RETURN_LABEL. */
  public static final String CALL_ACTIVITY_CREATE_RETURN_LABEL = "CallActivity_CreateReturnLabel";
  public static final String USER_TASK_RECEIVE_RETURNED_ITEM = "UserTask_ReceiveReturnedItem";
  public static final String BOUNDARY_EVENT_RETURN_NOT_RECEIVED = "BoundaryEvent_ReturnNotReceived";
  public static final String SERVICE_TASK_CLOSE_UNRETURNED_RMA = "ServiceTask_CloseUnreturnedRma";
  public static final String END_EVENT_RETURN_NOT_RECEIVED = "EndEvent_ReturnNotReceived";
  public static final String SERVICE_TASK_SEND_GOODS_RECEIVED = "ServiceTask_SendGoodsReceived";
  public static final String USER_TASK_INSPECT_RETURNED_ITEM = "UserTask_InspectReturnedItem";
  public static final String END_EVENT_INSPECTION_DONE = "EndEvent_InspectionDone";
  public static final String BOUNDARY_EVENT_INSPECTION_OVERDUE = "BoundaryEvent_InspectionOverdue";
  public static final String USER_TASK_EXPEDITE_INSPECTION = "UserTask_ExpediteInspection";
  public static final String END_EVENT_INSPECTION_EXPEDITED = "EndEvent_InspectionExpedited";
  public static final String BUSINESS_RULE_TASK_DECIDE_RETURN_OUTCOME = "BusinessRuleTask_DecideReturnOutcome";
  public static final String SERVICE_TASK_APPLY_DISPOSITION = "ServiceTask_ApplyDisposition";

  // Outcomes
  public static final String GATEWAY_REFUND_NEEDED = "Gateway_RefundNeeded";
  /** outside-system-handoff, kind REFUND: the shop back end, or Seller Central for Amazon orders. */
  public static final String CALL_ACTIVITY_REFUND_CUSTOMER = "CallActivity_RefundCustomer";
  public static final String END_EVENT_REFUND_ISSUED = "EndEvent_RefundIssued";
  public static final String SERVICE_TASK_RESERVE_REPLACEMENT = "ServiceTask_ReserveReplacement";
  public static final String GATEWAY_REPLACEMENT_RESERVED = "Gateway_ReplacementReserved";
  /** outside-system-handoff, kind REPLACEMENT. */
  public static final String CALL_ACTIVITY_SHIP_REPLACEMENT = "CallActivity_ShipReplacement";
  public static final String END_EVENT_REPLACEMENT_SHIPPED = "EndEvent_ReplacementShipped";
  /** outside-system-handoff, kind SEND_BACK. */
  public static final String CALL_ACTIVITY_SEND_ITEM_BACK = "CallActivity_SendItemBack";
  public static final String END_EVENT_RETURN_REJECTED = "EndEvent_ReturnRejected";

  /** Correlated by service-case (business key = case number) whenever the customer writes again. */
  public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";

  // Passed in by service-case (CaseFacts.toVariables() + the case's identity); all but caseId/caseNumber may be null.
  public static final ProcessVariable<Long> CASE_ID = ProcessVariable.of("caseId", Long.class);
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  /** ECOMMERCE, AMAZON, RETAILER or null (order unknown). */
  public static final ProcessVariable<String> SALES_CHANNEL = ProcessVariable.of("salesChannel", String.class);
  /** FBA or FBM for Amazon orders. */
  public static final ProcessVariable<String> FULFILMENT = ProcessVariable.of("fulfilment", String.class);
  public static final ProcessVariable<String> RETAILER_NAME = ProcessVariable.of("retailerName", String.class);
  /** CONSUMER or BUSINESS. */
  public static final ProcessVariable<String> CUSTOMER_TYPE = ProcessVariable.of("customerType", String.class);
  public static final ProcessVariable<String> ORDER_NUMBER = ProcessVariable.of("orderNumber", String.class);
  /** As passed in; the warehouse confirms or corrects it when the item arrives. */
  public static final ProcessVariable<String> PRODUCT_SKU = ProcessVariable.of("productSku", String.class);
  public static final ProcessVariable<String> PRODUCT_NAME = ProcessVariable.of("productName", String.class);
  /** Null when neither delivery nor purchase date is known. */
  public static final ProcessVariable<Integer> DAYS_SINCE_DELIVERY =
      ProcessVariable.of("daysSinceDelivery", Integer.class);
  /** Unit price on the order; null when unknown (the product's list price is used then). */
  public static final ProcessVariable<BigDecimal> PURCHASE_PRICE =
      ProcessVariable.of("purchasePrice", BigDecimal.class);

  /** Set by ServiceTask_PrepareReturn: the id of the {@link ReturnAuthorization} row. */
  public static final ProcessVariable<Long> RETURN_ID = ProcessVariable.of("returnId", Long.class);

  // Timer durations (ISO 8601), from aftersales.returns.* unless passed in.
  public static final ProcessVariable<String> RETURN_DECISION_OLA =
      ProcessVariable.of("returnDecisionOla", String.class);
  public static final ProcessVariable<String> RETURN_SHIPMENT_TIMEOUT =
      ProcessVariable.of("returnShipmentTimeout", String.class);
  public static final ProcessVariable<String> INSPECTION_OLA = ProcessVariable.of("inspectionOla", String.class);
  public static final ProcessVariable<String> CUSTOMER_ANSWER_TIMEOUT =
      ProcessVariable.of("customerAnswerTimeout", String.class);

  // BusinessRuleTask_CheckReturnWindow (decision return-window), flattened by output mappings.
  public static final ProcessVariable<Boolean> WITHIN_RETURN_WINDOW =
      ProcessVariable.of("withinReturnWindow", Boolean.class);
  public static final ProcessVariable<Integer> RETURN_WINDOW_DAYS =
      ProcessVariable.of("returnWindowDays", Integer.class);
  public static final ProcessVariable<String> WINDOW_NOTE = ProcessVariable.of("windowNote", String.class);

  // UserTask_DecideReturn
  public static final ProcessVariable<Boolean> NEEDS_CUSTOMER_INFO =
      ProcessVariable.of("needsCustomerInfo", Boolean.class);
  public static final ProcessVariable<String> QUESTION_TO_CUSTOMER =
      ProcessVariable.of("questionToCustomer", String.class);
  /** The question sent by ServiceTask_AskCustomer, shown on the decision form next to the answer. */
  public static final ProcessVariable<String> LAST_QUESTION_TO_CUSTOMER =
      ProcessVariable.of("lastQuestionToCustomer", String.class);
  /** Set by the CustomerReplied correlation: what the customer wrote last. */
  public static final ProcessVariable<String> LAST_CUSTOMER_MESSAGE =
      ProcessVariable.of("lastCustomerMessage", String.class);
  public static final ProcessVariable<Boolean> RETURN_APPROVED = ProcessVariable.of("returnApproved", Boolean.class);
  /** Customer-facing reason for a refusal. */
  public static final ProcessVariable<String> REFUSAL_REASON = ProcessVariable.of("refusalReason", String.class);
  /** REFUND or REPLACEMENT. */
  public static final ProcessVariable<String> CUSTOMER_WISH = ProcessVariable.of("customerWish", String.class);
  public static final ProcessVariable<String> DECISION_ESCALATION_NOTE =
      ProcessVariable.of("decisionEscalationNote", String.class);
  /** UserTask_RecordDecisionInSellerCentral (Amazon FBM only). */
  public static final ProcessVariable<Boolean> SELLER_CENTRAL_CONFIRMED =
      ProcessVariable.of("sellerCentralConfirmed", Boolean.class);

  // RMA, return label, receipt
  public static final ProcessVariable<String> RMA_NUMBER = ProcessVariable.of("rmaNumber", String.class);
  public static final ProcessVariable<Boolean> ITEM_RECEIVED = ProcessVariable.of("itemReceived", Boolean.class);

  // UserTask_InspectReturnedItem
  /** NEW, OPENED, DAMAGED (by use) or DAMAGED_ON_DELIVERY (transport damage the customer reported: our risk). */
  public static final ProcessVariable<String> ITEM_CONDITION = ProcessVariable.of("itemCondition", String.class);
  /** The warehouse's findings; the customer reads them when a refund is reduced or the return is refused. */
  public static final ProcessVariable<String> INSPECTION_NOTES = ProcessVariable.of("inspectionNotes", String.class);
  public static final ProcessVariable<String> INSPECTION_ESCALATION_NOTE =
      ProcessVariable.of("inspectionEscalationNote", String.class);

  // BusinessRuleTask_DecideReturnOutcome (decision return-outcome), flattened by output mappings.
  /** FULL_REFUND, PARTIAL_REFUND, REPLACEMENT or REFUSE_AND_SEND_BACK. */
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.of("outcome", String.class);
  public static final ProcessVariable<Integer> REFUND_PERCENT = ProcessVariable.of("refundPercent", Integer.class);
  /** RESTOCK, REFURBISH, SCRAP or NONE. */
  public static final ProcessVariable<String> DISPOSITION = ProcessVariable.of("disposition", String.class);
  /** Euros to refund (2 decimals); set by ServiceTask_ApplyDisposition, or by a team lead if no price was known. */
  public static final ProcessVariable<BigDecimal> REFUND_AMOUNT = ProcessVariable.of("refundAmount", BigDecimal.class);

  // Replacement
  public static final ProcessVariable<Boolean> REPLACEMENT_RESERVED =
      ProcessVariable.of("replacementReserved", Boolean.class);

  // Retailer bulk return
  public static final ProcessVariable<Integer> UNITS_RECEIVED = ProcessVariable.of("unitsReceived", Integer.class);
  public static final ProcessVariable<Integer> UNITS_DEFECTIVE = ProcessVariable.of("unitsDefective", Integer.class);
  public static final ProcessVariable<String> CREDIT_NOTE_NUMBER = ProcessVariable.of("creditNoteNumber", String.class);
  public static final ProcessVariable<BigDecimal> CREDIT_NOTE_AMOUNT =
      ProcessVariable.of("creditNoteAmount", BigDecimal.class);

  private ReturnHandlingProcess() {}
}
