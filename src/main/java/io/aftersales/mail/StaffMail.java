package io.aftersales.mail;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail to staff groups about a case (a service level at risk or breached, a recurring problem): one mail per member
 * with an address, written to the {@link Outbox} in the caller's transaction and sent after commit. Its Message-ID
 * names the case, the occasion and the person, so the same occasion never mails anyone twice.
 */
@Service
public class StaffMail {
  private final Outbox outbox;
  private final IdentityService identity;
  private final MailSettings settings;

  StaffMail(Outbox outbox, IdentityService identity, MailSettings settings) {
    this.outbox = outbox;
    this.identity = identity;
    this.settings = settings;
  }

  /**
   * @param occasion unique per case and occasion (e.g. {@code sla-breach-17}); letters, digits, dots and dashes
   * @return how many people it goes to (a member of several groups once)
   */
  @Transactional
  public int send(List<String> groups, Long caseId, String caseNumber, String occasion, String subject, String body) {
    java.util.Map<String, User> people = new java.util.LinkedHashMap<>();
    for (String group : groups) {
      identity.createUserQuery().memberOfGroup(group).list().forEach(u -> people.putIfAbsent(u.getId(), u));
    }
    int sent = 0;
    for (User lead : people.values()) {
      if (lead.getEmail() == null || lead.getEmail().isBlank()) continue;
      String messageId = "<" + caseNumber + "." + occasion.replaceAll("[^A-Za-z0-9.-]", "") + "."
          + lead.getId().replaceAll("[^A-Za-z0-9.-]", "") + "@" + settings.messageIdDomain() + ">";
      outbox.enqueue(messageId, caseId, lead.getEmail(), "[" + caseNumber + "] " + subject, body, null);
      sent++;
    }
    return sent;
  }
}
