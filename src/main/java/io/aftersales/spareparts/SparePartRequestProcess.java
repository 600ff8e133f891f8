package io.aftersales.spareparts;

import io.aftersales.shared.ProcessVariable;
import java.math.BigDecimal;

/**
 * Key, element ids, messages, errors and variables of {@code processes/spareparts/spare-part-request.bpmn}
 * and its decision {@code processes/spareparts/spare-part-charge.dmn}.
 */
public final class SparePartRequestProcess {
  public static final String KEY = "spare-part-request";
  public static final String DECISION_CHARGE = "spare-part-charge";
  public static final String DECISION_WARRANTY_PERIOD = "spare-part-warranty-period";

  // customer care
  public static final String SERVICE_TASK_PREPARE_SPARE_PART_REQUEST = "ServiceTask_PrepareSparePartRequest";
  public static final String USER_TASK_IDENTIFY_PART = "UserTask_IdentifyPart";
  public static final String SERVICE_TASK_CLOSE_SPARE_PART_REQUEST = "ServiceTask_CloseSparePartRequest";
  public static final String END_EVENT_REQUEST_CLOSED = "EndEvent_RequestClosed";
  public static final String SERVICE_TASK_LOAD_PART_DETAILS = "ServiceTask_LoadPartDetails";
  public static final String BUSINESS_RULE_TASK_DECIDE_PART_CHARGE = "BusinessRuleTask_DecidePartCharge";
  // team lead
  public static final String USER_TASK_DECIDE_GOODWILL = "UserTask_DecideGoodwill";
  public static final String GATEWAY_GOODWILL_GRANTED = "Gateway_GoodwillGranted";
  // finance
  public static final String SERVICE_TASK_SEND_QUOTE = "ServiceTask_SendQuote";
  public static final String GATEWAY_AWAIT_PAYMENT = "Gateway_AwaitPayment";
  public static final String INTERMEDIATE_CATCH_EVENT_PAYMENT_RECEIVED = "IntermediateCatchEvent_PaymentReceived";
  public static final String INTERMEDIATE_CATCH_EVENT_PAYMENT_REMINDER_DUE =
      "IntermediateCatchEvent_PaymentReminderDue";
  public static final String SERVICE_TASK_SEND_PAYMENT_REMINDER = "ServiceTask_SendPaymentReminder";
  public static final String GATEWAY_AWAIT_PAYMENT_AFTER_REMINDER = "Gateway_AwaitPaymentAfterReminder";
  public static final String INTERMEDIATE_CATCH_EVENT_PAYMENT_RECEIVED_AFTER_REMINDER =
      "IntermediateCatchEvent_PaymentReceivedAfterReminder";
  public static final String INTERMEDIATE_CATCH_EVENT_PAYMENT_DEADLINE_PASSED =
      "IntermediateCatchEvent_PaymentDeadlinePassed";
  public static final String SERVICE_TASK_CANCEL_QUOTE = "ServiceTask_CancelQuote";
  public static final String END_EVENT_QUOTE_EXPIRED = "EndEvent_QuoteExpired";
  // warehouse
  public static final String SERVICE_TASK_RESERVE_PART = "ServiceTask_ReservePart";
  public static final String GATEWAY_PART_IN_STOCK = "Gateway_PartInStock";
  public static final String USER_TASK_PICK_PART = "UserTask_PickPart";
  public static final String GATEWAY_PART_PICKED = "Gateway_PartPicked";
  public static final String USER_TASK_RECEIVE_SUPPLIER_DELIVERY = "UserTask_ReceiveSupplierDelivery";
  public static final String BOUNDARY_EVENT_SUPPLIER_DELIVERY_OVERDUE = "BoundaryEvent_SupplierDeliveryOverdue";
  public static final String SERVICE_TASK_RECORD_SUPPLIER_DELIVERY = "ServiceTask_RecordSupplierDelivery";
  // purchasing
  public static final String SERVICE_TASK_ORDER_PART_FROM_SUPPLIER = "ServiceTask_OrderPartFromSupplier";
  public static final String USER_TASK_CHASE_SUPPLIER_DELIVERY = "UserTask_ChaseSupplierDelivery";
  public static final String BOUNDARY_EVENT_DELIVERY_ARRIVED = "BoundaryEvent_DeliveryArrived";
  public static final String SERVICE_TASK_SEND_DELIVERY_UPDATE = "ServiceTask_SendDeliveryUpdate";
  public static final String END_EVENT_SUPPLIER_CHASED = "EndEvent_SupplierChased";
  public static final String END_EVENT_CHASE_NO_LONGER_NEEDED = "EndEvent_ChaseNoLongerNeeded";
  // logistics
  /** outside-system-handoff, kind SPARE_PART: logistics books the parcel, the customer gets the tracking number. */
  public static final String CALL_ACTIVITY_SHIP_PART = "CallActivity_ShipPart";
  public static final String END_EVENT_PART_SHIPPED = "EndEvent_PartShipped";

  /** Correlated by {@code POST /api/payments/{reference}/confirmation}, business key = case number. */
  public static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";

  // Inputs from service-case (see cases/CaseFacts).
  public static final ProcessVariable<Long> CASE_ID = ProcessVariable.of("caseId", Long.class);
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  public static final ProcessVariable<String> SALES_CHANNEL = ProcessVariable.of("salesChannel", String.class);
  public static final ProcessVariable<String> CUSTOMER_TYPE = ProcessVariable.of("customerType", String.class);
  public static final ProcessVariable<String> PRODUCT_SKU = ProcessVariable.of("productSku", String.class);
  public static final ProcessVariable<Integer> WARRANTY_MONTHS = ProcessVariable.of("warrantyMonths", Integer.class);
  /** ISO date; customer care may correct it from the proof of purchase in UserTask_IdentifyPart. */
  public static final ProcessVariable<String> PURCHASE_DATE = ProcessVariable.of("purchaseDate", String.class);
  /** Recomputed by ServiceTask_LoadPartDetails from {@link #PURCHASE_DATE}; null if the date is unknown. */
  public static final ProcessVariable<Integer> MONTHS_SINCE_PURCHASE =
      ProcessVariable.of("monthsSincePurchase", Integer.class);

  // Set by ServiceTask_PrepareSparePartRequest.
  public static final ProcessVariable<Long> SPARE_PART_ORDER_ID = ProcessVariable.of("sparePartOrderId", Long.class);
  /** ISO 8601 duration from aftersales.spare-parts.payment-reminder-after (timer of the first payment wait). */
  public static final ProcessVariable<String> PAYMENT_REMINDER_AFTER =
      ProcessVariable.of("paymentReminderAfter", String.class);
  /** ISO 8601 duration from aftersales.spare-parts.payment-cancel-after (wait after the reminder). */
  public static final ProcessVariable<String> PAYMENT_CANCEL_AFTER =
      ProcessVariable.of("paymentCancelAfter", String.class);
  /** ISO 8601 duration from aftersales.spare-parts.supplier-delivery-ola (chase cycle of a purchase order). */
  public static final ProcessVariable<String> SUPPLIER_DELIVERY_OLA =
      ProcessVariable.of("supplierDeliveryOla", String.class);

  // UserTask_IdentifyPart (form identify-part).
  /** PART_IDENTIFIED or NOT_AVAILABLE. */
  public static final ProcessVariable<String> PART_IDENTIFICATION =
      ProcessVariable.of("partIdentification", String.class);
  public static final ProcessVariable<String> SPARE_PART_SKU = ProcessVariable.of("sparePartSku", String.class);
  public static final ProcessVariable<Integer> QUANTITY = ProcessVariable.of("quantity", Integer.class);
  /** DEFECT, LOST or WEAR. */
  public static final ProcessVariable<String> PART_REASON = ProcessVariable.of("partReason", String.class);
  public static final ProcessVariable<String> SHIPPING_ADDRESS = ProcessVariable.of("shippingAddress", String.class);
  public static final ProcessVariable<Boolean> GOODWILL_REQUESTED =
      ProcessVariable.of("goodwillRequested", Boolean.class);
  public static final ProcessVariable<String> GOODWILL_REASON = ProcessVariable.of("goodwillReason", String.class);
  /** Customer care's words to the customer when no part is available. */
  public static final ProcessVariable<String> MESSAGE_TO_CUSTOMER =
      ProcessVariable.of("messageToCustomer", String.class);

  // ServiceTask_LoadPartDetails.
  public static final ProcessVariable<String> SPARE_PART_NAME = ProcessVariable.of("sparePartName", String.class);
  public static final ProcessVariable<BigDecimal> SPARE_PART_PRICE =
      ProcessVariable.of("sparePartPrice", BigDecimal.class);
  public static final ProcessVariable<BigDecimal> AMOUNT_DUE = ProcessVariable.of("amountDue", BigDecimal.class);

  // BusinessRuleTask_DecidePartCharge (flattened from the decision result).
  public static final ProcessVariable<Boolean> FREE = ProcessVariable.of("free", Boolean.class);
  public static final ProcessVariable<String> CHARGE_NOTE = ProcessVariable.of("chargeNote", String.class);

  // UserTask_DecideGoodwill (form decide-goodwill).
  public static final ProcessVariable<Boolean> GOODWILL_GRANTED = ProcessVariable.of("goodwillGranted", Boolean.class);
  public static final ProcessVariable<String> GOODWILL_NOTE = ProcessVariable.of("goodwillNote", String.class);

  // Payment.
  /** Our reference the customer pays against, e.g. PAY-SC-2026-000123-1. */
  public static final ProcessVariable<String> PAYMENT_REQUEST_REFERENCE =
      ProcessVariable.of("paymentRequestReference", String.class);
  /** ISO date-time by which the customer is asked to pay. */
  public static final ProcessVariable<String> PAYMENT_DUE = ProcessVariable.of("paymentDue", String.class);
  /** The bank's or shop's reference of the received payment, set by the PaymentReceived correlation. */
  public static final ProcessVariable<String> PAYMENT_REFERENCE = ProcessVariable.of("paymentReference", String.class);

  // Stock, supplier, shipment.
  public static final ProcessVariable<Boolean> PART_RESERVED = ProcessVariable.of("partReserved", Boolean.class);
  public static final ProcessVariable<Boolean> PART_PICKED = ProcessVariable.of("partPicked", Boolean.class);
  public static final ProcessVariable<String> BIN_LOCATION = ProcessVariable.of("binLocation", String.class);
  public static final ProcessVariable<String> PICK_NOTE = ProcessVariable.of("pickNote", String.class);
  public static final ProcessVariable<String> PURCHASE_ORDER_NUMBER =
      ProcessVariable.of("purchaseOrderNumber", String.class);
  /** Set true by ServiceTask_RecordSupplierDelivery; ends any open chase (BoundaryEvent_DeliveryArrived). */
  public static final ProcessVariable<Boolean> PURCHASE_ORDER_DELIVERED =
      ProcessVariable.of("purchaseOrderDelivered", Boolean.class);
  public static final ProcessVariable<Boolean> DELIVERY_RECEIVED =
      ProcessVariable.of("deliveryReceived", Boolean.class);
  /** ISO date the supplier promised when chased (form chase-supplier-delivery). */
  public static final ProcessVariable<String> SUPPLIER_EXPECTED_DATE =
      ProcessVariable.of("supplierExpectedDate", String.class);
  public static final ProcessVariable<String> CHASE_NOTE = ProcessVariable.of("chaseNote", String.class);

  private SparePartRequestProcess() {}
}
