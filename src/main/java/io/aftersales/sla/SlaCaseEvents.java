package io.aftersales.sla;

import io.aftersales.cases.CaseClosed;
import io.aftersales.cases.CaseOpened;
import io.aftersales.cases.CaseReopened;
import io.aftersales.cases.CustomerAnswered;
import io.aftersales.cases.CustomerWrote;
import io.aftersales.shared.AsSystem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What happens to a case moves its clocks, in the transaction where it happens, as the system ({@link AsSystem}). */
@Component
record SlaCaseEvents(SlaClocks clocks, AsSystem system) {
  @EventListener
  void on(CaseOpened opened) {
    system.run(() -> clocks.opened(opened.caseId()));
  }

  @EventListener
  void on(CustomerAnswered answered) {
    system.run(() -> clocks.answered(answered.caseId(), answered.at()));
  }

  @EventListener
  void on(CustomerWrote wrote) {
    system.run(() -> clocks.customerWrote(wrote.caseId(), wrote.at()));
  }

  @EventListener
  void on(CaseClosed closed) {
    system.run(() -> clocks.closed(closed.caseId()));
  }

  @EventListener
  void on(CaseReopened reopened) {
    system.run(() -> clocks.reopened(reopened.caseId(), reopened.at()));
  }
}
