package io.aftersales.handoff;

import io.aftersales.shared.ProcessVariable;

/** Key, element ids and variables of {@code processes/handoff/outside-system-handoff.bpmn}. */
public final class OutsideSystemHandoffProcess {
  public static final String KEY = "outside-system-handoff";

  public static final String SERVICE_TASK_REQUEST_HANDOFF = "ServiceTask_RequestHandoff";
  public static final String USER_TASK_BOOK_SHIPMENT = "UserTask_BookShipment";
  public static final String USER_TASK_ISSUE_REFUND = "UserTask_IssueRefund";
  public static final String GATEWAY_HANDOFF_DONE = "Gateway_HandoffDone";
  public static final String SERVICE_TASK_CONFIRM_HANDOFF = "ServiceTask_ConfirmHandoff";
  public static final String END_EVENT_HANDED_OFF = "EndEvent_HandedOff";

  // Inputs of the calling call activity.
  /** A {@link HandoffKind} name. */
  public static final ProcessVariable<String> HANDOFF_KIND = ProcessVariable.of("handoffKind", String.class);
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);

  // Set by ServiceTask_RequestHandoff; read by the forms.
  /** The shipment's or the refund's id in our tables. */
  public static final ProcessVariable<Long> HANDOFF_RECORD_ID = ProcessVariable.of("handoffRecordId", Long.class);
  public static final ProcessVariable<String> HANDOFF_REFERENCE = ProcessVariable.of("handoffReference", String.class);
  public static final ProcessVariable<String> HANDOFF_DETAILS = ProcessVariable.of("handoffDetails", String.class);
  /** Where the refund is issued, in words: "Shop back end" or "Amazon Seller Central". */
  public static final ProcessVariable<String> REFUND_SYSTEM = ProcessVariable.of("refundSystem", String.class);

  // Entered in UserTask_BookShipment.
  public static final ProcessVariable<String> CARRIER = ProcessVariable.of("carrier", String.class);
  public static final ProcessVariable<String> TRACKING_NUMBER = ProcessVariable.of("trackingNumber", String.class);
  public static final ProcessVariable<String> LABEL_URL = ProcessVariable.of("labelUrl", String.class);
  /** ISO date (pickups only). */
  public static final ProcessVariable<String> COLLECTION_DATE = ProcessVariable.of("collectionDate", String.class);
  // Entered in UserTask_IssueRefund.
  public static final ProcessVariable<String> PAYMENT_REFERENCE = ProcessVariable.of("paymentReference", String.class);

  private OutsideSystemHandoffProcess() {}
}
