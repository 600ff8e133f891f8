package io.aftersales.handoff;

import static io.aftersales.handoff.OutsideSystemHandoffProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_BookShipment} and {@code UserTask_IssueRefund} in outside-system-handoff.bpmn:
 * refuses what the form cannot check (a pickup without a collection date, a label link that is no web address)
 * with the rule's message (Tasklist shows it; REST 400), and stores the values trimmed.
 */
@Component
record HandoffInputListener(Handoffs handoffs, Clock clock) implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
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
  }
}
