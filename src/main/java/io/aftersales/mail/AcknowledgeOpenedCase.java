package io.aftersales.mail;

import io.aftersales.cases.CaseOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The automatic acknowledgement of every new case ({@code StartEvent_CaseOpened} in service-case.bpmn): written to
 * the {@link Outbox} in the transaction that opens the case, sent right after commit. Not a step of its own in the
 * model: a parallel branch and its job cost every case a third of its opening CPU for a mail that cannot fail
 * there (decision 58).
 */
@Component
record AcknowledgeOpenedCase(CustomerMailer mailer) {
  /** The step id of the acknowledgement's Message-ID: one acknowledgement per case. */
  static final String STEP_ID = "case-opened";

  @EventListener
  void on(CaseOpened opened) {
    mailer.sendAcknowledgement(opened.caseId(), STEP_ID, opened.statusUrl());
  }
}
