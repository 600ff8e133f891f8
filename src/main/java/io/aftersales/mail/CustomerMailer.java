package io.aftersales.mail;

import io.aftersales.cases.OutboundMail;
import io.aftersales.cases.ServiceCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to a case's customer and records the message on the case thread.
 *
 * <p>Each mail has a Message-ID derived from the case and the process step, so a retried job finds
 * it already recorded and does not send twice. Nothing is sent inside the step's transaction: the
 * message is written to the {@link Outbox} with it and handed to SMTP after commit. A customer without an email address (WhatsApp,
 * chat) gets the message on the case status page (channel {@code PORTAL}); the link to that page
 * was given when the case was opened.
 */
@Service
public class CustomerMailer {
  private static final Logger log = LoggerFactory.getLogger(CustomerMailer.class);

  private final Outbox outbox;
  private final ServiceCases cases;
  private final MailSettings settings;

  CustomerMailer(Outbox outbox, ServiceCases cases, MailSettings settings) {
    this.outbox = outbox;
    this.cases = cases;
    this.settings = settings;
  }

  /** What kind of message; it names the Message-ID and decides whether it counts as an answer. */
  public enum Kind {
    ACKNOWLEDGEMENT(false), FIRST_ANSWER(true), REPLY(true), RESOLUTION(true);

    final boolean humanAnswer;

    Kind(boolean humanAnswer) {
      this.humanAnswer = humanAnswer;
    }
  }

  /**
   * Sends one message of a process step.
   *
   * @param stepId unique per process step occurrence (e.g. the activity instance id), so retries
   *     of the same step are recognised
   */
  @Transactional
  public void send(Long caseId, Kind kind, String stepId, String body, String author) {
    send(caseId, kind.name(), kind.humanAnswer, stepId, body, author, null, null);
  }

  /**
   * Tells the customer about a milestone of a procedure (RMA issued, goods received, refund issued,
   * shipped with tracking, claim decided). Not counted as a first response.
   *
   * @param milestone short name, part of the Message-ID, e.g. {@code rma-issued}
   */
  @Transactional
  public void sendMilestone(Long caseId, String milestone, String stepId, String body) {
    send(caseId, milestone, false, stepId, body, "customer care", null, null);
  }

  /**
   * A mail with a part only the customer may hold (their status link, their survey links): in the mail only; the
   * thread and, once the mail is sent, the outbox keep {@code keptNote} instead.
   */
  private void send(Long caseId, String kind, boolean humanAnswer, String stepId, String body, String author,
      String privatePart, String keptNote) {
    OutboundMail to = cases.outboundMail(caseId);
    String messageId = "<" + to.caseNumber() + "." + kind.toLowerCase().replace('_', '-') + "."
        + stepId.replaceAll("[^A-Za-z0-9.-]", "") + "@" + settings.messageIdDomain() + ">";
    if (cases.hasMessage(caseId, messageId)) {
      log.info("{} for case {} already sent as {}", kind, to.caseNumber(), messageId);
      return;
    }
    String subject = "[" + to.caseNumber() + "] " + to.subject();
    if (to.email() == null) {
      cases.recordOutbound(caseId, "PORTAL", author, subject, body, messageId, null, humanAnswer);
      return;
    }
    String kept = privatePart == null ? body : body + keptNote;
    String mailed = privatePart == null ? body : body + privatePart;
    // The thread and the outbox row commit with the step; SMTP comes after commit (Outbox).
    cases.recordOutbound(caseId, "EMAIL", author, subject, kept, messageId, to.inReplyTo(), humanAnswer);
    outbox.enqueue(messageId, caseId, to.email(), subject, mailed + signature(to), to.inReplyTo(),
        privatePart == null ? null : kept + signature(to));
  }

  /**
   * The satisfaction survey of a resolved case: {@code links} (one per score, each with the survey's token) go in the
   * mail only. A customer without email answers on the status page instead; nothing is sent.
   */
  @Transactional
  public void sendSurvey(Long caseId, String stepId, String body, String links) {
    send(caseId, "survey", false, stepId, body, "system", links, "\n\n(The rating links are in the email only.)");
  }

  private static final String LINK_INTRO = "\n\nFollow your case and write to us on its page:\n";

  /** How every mail to a customer opens: {@code Hello Maria Rossi,} or {@code Hello,} without a name. */
  public static String greeting(String customerName) {
    return customerName == null || customerName.isBlank() ? "Hello," : "Hello " + customerName.trim() + ",";
  }

  /** The automatic acknowledgement of a new case ({@link AcknowledgeOpenedCase}): the case number, and a human is on it. */
  public void sendAcknowledgement(Long caseId, String stepId, String statusUrl) {
    OutboundMail to = cases.outboundMail(caseId);
    send(caseId, Kind.ACKNOWLEDGEMENT.name(), false, stepId,
        greeting(to.customerName()) + "\n\nthank you for contacting us. We have opened case "
            + to.caseNumber() + " for your request \"" + to.subject() + "\".\n"
            + "A member of our customer care team will answer you personally, usually within one business day.",
        "system", statusUrl == null ? null : LINK_INTRO + statusUrl,
        LINK_INTRO + "(your personal link, in the email only)");
  }

  private String signature(OutboundMail to) {
    return "\n\n--\nYour case number: " + to.caseNumber()
        + "\nPlease keep it in the subject when you reply, so your message reaches the right person."
        + "\n" + settings.fromName();
  }
}
