package io.aftersales.survey;

import io.aftersales.cases.CaseClosed;
import io.aftersales.cases.CaseLinks;
import io.aftersales.cases.OutboundMail;
import io.aftersales.cases.ServiceCases;
import io.aftersales.mail.CustomerMailer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a case is resolved (closed), its customer is asked two questions: by email with one link per score (one
 * click rates; the page opens with that score chosen), or on the status page for customers without email. Written
 * in the closing transaction; the mail leaves through the outbox after commit.
 */
@Component
class OfferSurvey {
  static final String[] SCORES = {"very dissatisfied", "dissatisfied", "neither", "satisfied", "very satisfied"};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
      .withZone(ZoneId.of("Europe/Berlin"));

  private final Surveys surveys;
  private final CustomerMailer mailer;
  private final ServiceCases cases;
  private final CaseLinks links;

  OfferSurvey(Surveys surveys, CustomerMailer mailer, ServiceCases cases, CaseLinks links) {
    this.surveys = surveys;
    this.mailer = mailer;
    this.cases = cases;
    this.links = links;
  }

  /** A reopened case is not resolved: the survey of its closing is void until it closes again (then a new one). */
  @EventListener
  void on(io.aftersales.cases.CaseReopened reopened) {
    surveys.voidOpen(reopened.caseId());
  }

  @EventListener
  void on(CaseClosed closed) {
    var offer = surveys.offer(closed);
    if (offer.isEmpty() || closed.customerEmail() == null) return;
    OutboundMail to = cases.outboundMail(closed.caseId());
    String body = CustomerMailer.greeting(to.customerName()) + "\n\nyour case " + to.caseNumber() + " (\""
        + to.subject() + "\") is resolved. How satisfied are you with how we handled your request?"
        + " One click is enough; on the page you can also tell us whether your problem was solved and add a comment."
        + "\nThe links are valid until " + DAY.format(offer.get().expiresAt()) + ".";
    StringBuilder scores = new StringBuilder("\n");
    for (int score = 5; score >= 1; score--) {
      scores.append("\n").append(score).append(" – ").append(SCORES[score - 1]).append(": ")
          .append(links.pageUrl("/survey.html", "t=" + offer.get().token() + "&score=" + score));
    }
    mailer.sendSurvey(closed.caseId(), "survey-" + offer.get().round(), body, scores.toString());
  }
}
