package io.aftersales.quality;

import io.aftersales.cases.CaseReviewed;
import io.aftersales.shared.AsSystem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Each review counts towards its product's recurring problems, in the review's transaction, as the system. */
@Component
record RecurringProblemAlerts(RecurringProblems problems, AsSystem system) {
  @EventListener
  void on(CaseReviewed reviewed) {
    system.run(() -> problems.reviewed(reviewed));
  }
}
