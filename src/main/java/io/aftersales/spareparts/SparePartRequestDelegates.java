package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code processes/spareparts/spare-part-request.bpmn}, one bean each, named after its element
 * ({@code ServiceTask_SendQuote} → {@code sendQuoteDelegate}). They only move process variables into
 * {@link SparePartService}, which holds the rules, and its results back.
 */
@Configuration(proxyBeanMethods = false)
class SparePartRequestDelegates {
  /** {@code ServiceTask_PrepareSparePartRequest} in spare-part-request.bpmn: records the request and sets the timer durations and form defaults. */
  @Bean
  JavaDelegate prepareSparePartRequestDelegate(SparePartService spareParts) {
    return execution -> {
      var prepared = spareParts.prepare(execution.getProcessInstanceId(), CASE_ID.from(execution),
          CASE_NUMBER.from(execution), PRODUCT_SKU.fromOrNull(execution));
      SPARE_PART_ORDER_ID.set(execution, prepared.orderId());
      PAYMENT_REMINDER_AFTER.set(execution, prepared.timers().paymentReminderAfter());
      PAYMENT_CANCEL_AFTER.set(execution, prepared.timers().paymentCancelAfter());
      SUPPLIER_DELIVERY_OLA.set(execution, prepared.timers().supplierDeliveryOla());
      if (QUANTITY.fromOrNull(execution) == null) QUANTITY.set(execution, 1);
      if (GOODWILL_REQUESTED.fromOrNull(execution) == null) GOODWILL_REQUESTED.set(execution, false);
    };
  }

  /** {@code ServiceTask_CloseSparePartRequest} in spare-part-request.bpmn (async): sends customer care's message that no part can be sent. Idempotent per process instance. */
  @Bean
  JavaDelegate closeSparePartRequestDelegate(SparePartService spareParts) {
    return execution -> spareParts.closeRequest(SPARE_PART_ORDER_ID.from(execution),
        MESSAGE_TO_CUSTOMER.fromOrNull(execution),
        execution.getProcessInstanceId() + "-closed");
  }

  /**
   * {@code ServiceTask_LoadPartDetails} in spare-part-request.bpmn (in customer care's completion of
   * UserTask_IdentifyPart): checks the identification against master data; what cannot be accepted is refused with
   * the reason ({@code TaskInputRefused}), so the task stays open with the agent's input.
   */
  @Bean
  JavaDelegate loadPartDetailsDelegate(SparePartService spareParts) {
    return execution -> {
      var part = spareParts.identifyPart(SPARE_PART_ORDER_ID.from(execution), SPARE_PART_SKU.fromOrNull(execution),
          QUANTITY.fromOrNull(execution), PART_REASON.fromOrNull(execution), SHIPPING_ADDRESS.fromOrNull(execution),
          PURCHASE_DATE.fromOrNull(execution));
      SPARE_PART_NAME.set(execution, part.name());
      SPARE_PART_PRICE.set(execution, part.unitPrice());
      AMOUNT_DUE.set(execution, part.amount());
      MONTHS_SINCE_PURCHASE.set(execution, part.monthsSincePurchase());
    };
  }

  /** {@code ServiceTask_SendQuote} in spare-part-request.bpmn (async): payment request with finance and the quote mail. Idempotent per process instance. */
  @Bean
  JavaDelegate sendQuoteDelegate(SparePartService spareParts) {
    return execution -> {
      var quote = spareParts.sendQuote(SPARE_PART_ORDER_ID.from(execution), CHARGE_NOTE.fromOrNull(execution),
          execution.getProcessInstanceId() + "-quote");
      PAYMENT_REQUEST_REFERENCE.set(execution, quote.reference());
      AMOUNT_DUE.set(execution, quote.amount());
      PAYMENT_DUE.set(execution, quote.dueAt());
    };
  }

  /** {@code ServiceTask_SendPaymentReminder} in spare-part-request.bpmn (async). Idempotent per process instance. */
  @Bean
  JavaDelegate sendPaymentReminderDelegate(SparePartService spareParts) {
    return execution -> spareParts.sendPaymentReminder(SPARE_PART_ORDER_ID.from(execution),
        execution.getProcessInstanceId() + "-payment-reminder");
  }

  /** {@code ServiceTask_CancelQuote} in spare-part-request.bpmn (async): cancels the payment request and tells the customer. Idempotent per process instance. */
  @Bean
  JavaDelegate cancelQuoteDelegate(SparePartService spareParts) {
    return execution -> spareParts.cancelQuote(SPARE_PART_ORDER_ID.from(execution),
        execution.getProcessInstanceId() + "-quote-expired");
  }

  /** {@code ServiceTask_OrderPartFromSupplier} in spare-part-request.bpmn (async): purchase order (recorded for purchasing) and a mail about the wait. */
  @Bean
  JavaDelegate orderPartFromSupplierDelegate(SparePartService spareParts) {
    return execution -> {
      String number = spareParts.orderFromSupplier(SPARE_PART_ORDER_ID.from(execution),
          execution.getProcessInstanceId() + "-part-ordered");
      PURCHASE_ORDER_NUMBER.set(execution, number);
      PURCHASE_ORDER_DELIVERED.set(execution, false);
    };
  }

  /** {@code ServiceTask_SendDeliveryUpdate} in spare-part-request.bpmn (async): tells the customer the date the chased supplier promised. Idempotent per purchase order and date. */
  @Bean
  JavaDelegate sendDeliveryUpdateDelegate(SparePartService spareParts) {
    return execution -> {
      String expected = SUPPLIER_EXPECTED_DATE.fromOrNull(execution);
      spareParts.sendDeliveryUpdate(SPARE_PART_ORDER_ID.from(execution), expected,
          execution.getProcessInstanceId() + "-delivery-update-" + PURCHASE_ORDER_NUMBER.fromOrNull(execution) + "-"
              + expected);
    };
  }

  /** {@code ServiceTask_ReservePart} in spare-part-request.bpmn (async): reserves the part; {@code partReserved} decides whether the supplier is needed. */
  @Bean
  JavaDelegate reservePartDelegate(SparePartService spareParts) {
    return execution -> {
      var charge = new SparePartService.ChargeDecision(Boolean.TRUE.equals(FREE.fromOrNull(execution)),
          CHARGE_NOTE.fromOrNull(execution), GOODWILL_GRANTED.fromOrNull(execution),
          GOODWILL_NOTE.fromOrNull(execution));
      PART_RESERVED.set(execution, spareParts.reservePart(SPARE_PART_ORDER_ID.from(execution), charge));
    };
  }

  /** {@code ServiceTask_RecordSupplierDelivery} in spare-part-request.bpmn (async): the goods go into stock, reserved for the case. Setting {@code purchaseOrderDelivered} ends any open chase. */
  @Bean
  JavaDelegate recordSupplierDeliveryDelegate(SparePartService spareParts) {
    return execution -> {
      spareParts.recordSupplierDelivery(SPARE_PART_ORDER_ID.from(execution));
      PURCHASE_ORDER_DELIVERED.set(execution, true);
    };
  }
}
