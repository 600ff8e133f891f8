package io.aftersales.cases;

import io.aftersales.shared.ProcessVariable;

/** Key, element ids, messages and variables of {@code processes/cases/service-case.bpmn}. */
public final class ServiceCaseProcess {
  public static final String KEY = "service-case";

  public static final String BUSINESS_RULE_TASK_TRIAGE_CASE = "BusinessRuleTask_TriageCase";
  public static final String USER_TASK_REVIEW_CASE = "UserTask_ReviewCase";
  public static final String SERVICE_TASK_RECORD_REVIEW = "ServiceTask_RecordReview";
  public static final String BUSINESS_RULE_TASK_ROUTE_CASE = "BusinessRuleTask_RouteCase";
  public static final String SERVICE_TASK_SEND_FIRST_ANSWER = "ServiceTask_SendFirstAnswer";
  public static final String CALL_ACTIVITY_RETURN_HANDLING = "CallActivity_ReturnHandling";
  public static final String CALL_ACTIVITY_WARRANTY_CLAIM = "CallActivity_WarrantyClaim";
  public static final String CALL_ACTIVITY_SPARE_PART_REQUEST = "CallActivity_SparePartRequest";
  public static final String USER_TASK_RESOLVE_CASE = "UserTask_ResolveCase";
  public static final String SERVICE_TASK_SEND_RESOLUTION = "ServiceTask_SendResolution";
  public static final String SERVICE_TASK_CLOSE_CASE = "ServiceTask_CloseCase";
  public static final String END_EVENT_CASE_CLOSED = "EndEvent_CaseClosed";
  public static final String USER_TASK_HANDLE_CUSTOMER_REPLY = "UserTask_HandleCustomerReply";
  public static final String SERVICE_TASK_SEND_REPLY = "ServiceTask_SendReply";
  public static final String END_EVENT_REPLY_SENT = "EndEvent_ReplySent";
  public static final String END_EVENT_REPLY_HANDLED = "EndEvent_ReplyHandled";

  /** Correlated (by business key = case number) whenever the customer writes again. */
  public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";

  public static final ProcessVariable<Long> CASE_ID = ProcessVariable.of("caseId", Long.class);
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  public static final ProcessVariable<String> SOURCE_CHANNEL = ProcessVariable.of("sourceChannel", String.class);
  public static final ProcessVariable<String> SALES_CHANNEL = ProcessVariable.of("salesChannel", String.class);
  public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  /** Where answers go: the customer's email, else phone (shown to the agent). */
  public static final ProcessVariable<String> CUSTOMER_CONTACT = ProcessVariable.of("customerContact", String.class);
  /** Set only when the contact details need the agent's check (shown in the review form). */
  public static final ProcessVariable<String> CONTACT_NOTE = ProcessVariable.of("contactNote", String.class);
  public static final ProcessVariable<String> SUBJECT = ProcessVariable.of("subject", String.class);
  public static final ProcessVariable<String> CUSTOMER_MESSAGE = ProcessVariable.of("customerMessage", String.class);
  public static final ProcessVariable<String> ORDER_NUMBER = ProcessVariable.of("orderNumber", String.class);
  public static final ProcessVariable<String> PRODUCT_SKU = ProcessVariable.of("productSku", String.class);
  /** UserTask_ReviewCase: the sender is a retailer writing about its stock (routes a return to the bulk return). */
  public static final ProcessVariable<Boolean> RETAILER_SENDER = ProcessVariable.of("retailerSender", Boolean.class);
  /** Set by the customer or the agent's review: RETURN, WARRANTY, SPARE_PART or INFORMATION. */
  public static final ProcessVariable<String> REQUEST_TYPE = ProcessVariable.of("requestType", String.class);
  public static final ProcessVariable<String> PRIORITY = ProcessVariable.of("priority", String.class);
  /** Decision case-triage before the review: its suggestion, shown in the review form. */
  public static final ProcessVariable<String> SUGGESTED_PROCEDURE =
      ProcessVariable.of("suggestedProcedure", String.class);
  public static final ProcessVariable<String> TRIAGE_NOTE = ProcessVariable.of("triageNote", String.class);
  /** Decision case-triage after the review: a process key, {@code none} (answered) or {@code manual}. */
  public static final ProcessVariable<String> PROCEDURE = ProcessVariable.of("procedure", String.class);
  /** The agent's first answer, written in UserTask_ReviewCase. */
  public static final ProcessVariable<String> FIRST_ANSWER = ProcessVariable.of("firstAnswer", String.class);
  /** The agent's closing answer, written in UserTask_ResolveCase. */
  public static final ProcessVariable<String> RESOLUTION = ProcessVariable.of("resolution", String.class);
  /** Local to the reply event subprocess: what the customer wrote. */
  public static final ProcessVariable<String> LAST_CUSTOMER_MESSAGE =
      ProcessVariable.of("lastCustomerMessage", String.class);
  /** Local to the reply event subprocess: who actually sent it (address or "customer" on the status page). */
  public static final ProcessVariable<String> LAST_CUSTOMER_SENDER =
      ProcessVariable.of("lastCustomerSender", String.class);
  /** Local to the reply event subprocess: the agent's answer to that reply, empty for none. */
  public static final ProcessVariable<String> REPLY_TEXT = ProcessVariable.of("replyText", String.class);

  /** Set when a reply soon after closing reopened the case (this instance starts at UserTask_ResolveCase). */
  public static final ProcessVariable<Boolean> REOPENED = ProcessVariable.of("reopened", Boolean.class);
  /**
   * The case's most pressing service level in words ("First reply at risk, due 07.12. 10:45"), kept up to date by
   * the service-level clocks; a Tasklist card variable.
   */
  public static final ProcessVariable<String> SERVICE_LEVEL = ProcessVariable.of("serviceLevel", String.class);

  /** Who completed the latest answering task; set by {@code recordAgentListener}, signs outbound mail. */
  public static final ProcessVariable<String> ANSWERED_BY = ProcessVariable.of("answeredBy", String.class);

  private ServiceCaseProcess() {}
}
