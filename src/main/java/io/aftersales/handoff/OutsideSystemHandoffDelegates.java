package io.aftersales.handoff;

import static io.aftersales.handoff.OutsideSystemHandoffProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and task listener of {@code processes/handoff/outside-system-handoff.bpmn}, one bean each, named after
 * its element ({@code ServiceTask_RequestHandoff} → {@code requestHandoffDelegate}). They only move process variables
 * into {@link Handoffs}, which holds the rules, and its results back.
 */
@Configuration(proxyBeanMethods = false)
class OutsideSystemHandoffDelegates {
  /**
   * {@code ServiceTask_RequestHandoff} in outside-system-handoff.bpmn (async): the calling procedure says what to
   * request; the request is recorded in the outside system's list, and the form gets its reference and details.
   */
  @Bean
  JavaDelegate requestHandoffDelegate(Handoffs handoffs) {
    return execution -> {
      Handoffs.Requested requested = handoffs.request(Caller.procedureKey(execution),
          HandoffKind.named(HANDOFF_KIND.from(execution)), CASE_NUMBER.from(execution), Caller.of(execution));
      HANDOFF_RECORD_ID.set(execution, requested.recordId());
      HANDOFF_REFERENCE.set(execution, requested.reference());
      HANDOFF_DETAILS.set(execution, requested.details());
      if (requested.refundSystem() != null) REFUND_SYSTEM.set(execution, requested.refundSystem());
    };
  }

  /**
   * Complete listener of {@code UserTask_BookShipment} and {@code UserTask_IssueRefund} in outside-system-handoff.bpmn:
   * refuses what the form cannot check (a pickup without a collection date, a label link that is no web address)
   * with the rule's message (Tasklist shows it; REST 400), and stores the values trimmed.
   */
  @Bean
  TaskListener handoffInputListener(Handoffs handoffs, Clock clock) {
    return task -> {
      HandedOff done = handoffs.check(HandoffKind.named(HANDOFF_KIND.from(task)), task.getVariables(),
          // The clock's day (UTC) is never later than Europe's, so a collection "today" is never refused.
          LocalDate.now(clock));
      if (done.carrier() != null) {
        CARRIER.set(task, done.carrier());
        TRACKING_NUMBER.set(task, done.trackingNumber());
        if (done.labelUrl() != null) LABEL_URL.set(task, done.labelUrl());
        if (done.collectionDate() != null) COLLECTION_DATE.set(task, done.collectionDate().toString());
      } else {
        PAYMENT_REFERENCE.set(task, done.paymentReference());
      }
    };
  }

  /**
   * {@code ServiceTask_ConfirmHandoff} in outside-system-handoff.bpmn (async): closes the shipment or refund with
   * what the person entered; the calling procedure records it and tells the customer.
   */
  @Bean
  JavaDelegate confirmHandoffDelegate(Handoffs handoffs) {
    return execution -> {
      HandoffKind kind = HandoffKind.named(HANDOFF_KIND.from(execution));
      String date = COLLECTION_DATE.fromOrNull(execution);
      HandedOff done = new HandedOff(null, CARRIER.fromOrNull(execution), TRACKING_NUMBER.fromOrNull(execution),
          LABEL_URL.fromOrNull(execution), date == null ? null : LocalDate.parse(date.substring(0, 10)),
          PAYMENT_REFERENCE.fromOrNull(execution), null);
      handoffs.confirm(Caller.procedureKey(execution), kind, HANDOFF_RECORD_ID.from(execution), done,
          Caller.of(execution), execution.getProcessInstanceId());
    };
  }
}
