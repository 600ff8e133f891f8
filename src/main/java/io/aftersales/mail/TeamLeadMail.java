package io.aftersales.mail;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail to the team leads about a case (a service level at risk or breached): one mail per team lead with an address,
 * written to the {@link Outbox} in the caller's transaction and sent after commit. Its Message-ID names the case and
 * the occasion, so the same occasion never mails twice.
 */
@Service
public class TeamLeadMail {
  static final String TEAM_LEAD = "team-lead";

  private final Outbox outbox;
  private final IdentityService identity;
  private final MailSettings settings;

  TeamLeadMail(Outbox outbox, IdentityService identity, MailSettings settings) {
    this.outbox = outbox;
    this.identity = identity;
    this.settings = settings;
  }

  /**
   * @param occasion unique per case and occasion (e.g. {@code sla-breach-17}); letters, digits, dots and dashes
   * @return how many team leads it goes to
   */
  @Transactional
  public int send(Long caseId, String caseNumber, String occasion, String subject, String body) {
    List<User> leads = identity.createUserQuery().memberOfGroup(TEAM_LEAD).list();
    int sent = 0;
    for (User lead : leads) {
      if (lead.getEmail() == null || lead.getEmail().isBlank()) continue;
      String messageId = "<" + caseNumber + "." + occasion.replaceAll("[^A-Za-z0-9.-]", "") + "."
          + lead.getId().replaceAll("[^A-Za-z0-9.-]", "") + "@" + settings.messageIdDomain() + ">";
      outbox.enqueue(messageId, caseId, lead.getEmail(), "[" + caseNumber + "] " + subject, body, null);
      sent++;
    }
    return sent;
  }
}
