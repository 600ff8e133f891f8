package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 6, promises 7 and 8: no mail loops; a reply joins a case only from that case's customer. */
class MailLoopsAndSendersIT extends IntegrationTestSupport {
  @Autowired
  MailboxPoller poller;
  @Autowired
  ObjectMapper json;
  @Autowired
  TaskService taskService;

  private static String messageId() {
    return "<" + UUID.randomUUID() + "@mail.example.com>";
  }

  private String ledger(String messageId, String column) {
    return jdbc.queryForObject("select " + column + " from aftersales.inbound_mail where ledger_key = ?", String.class,
        messageId);
  }

  private int casesOfMessage(String messageId) {
    return count("select count(*) from aftersales.case_message where message_id = ?", messageId);
  }

  private String openCase(String email, String subject) throws Exception {
    String created = post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"Alice","email":"%s"},"subject":"%s","message":"My kettle leaks."}"""
        .formatted(email, subject), json()).getBody();
    return json.readTree(created).get("caseNumber").asText();
  }

  @Test
  void autoRepliesBulkMailAndOurOwnMailOpenNothingAndGetNoAnswer() throws Exception {
    String sender = uniqueEmail("robot");
    Map<String, Map<String, String>> loops = Map.of(
        "auto-replied", Map.of("Auto-Submitted", "auto-replied"),
        "out of office", Map.of("X-Autoreply", "yes"),
        "newsletter", Map.of("Precedence", "bulk"),
        "mailing list", Map.of("List-Id", "<offers.example.com>"));
    for (var loop : loops.entrySet()) {
      String id = messageId();
      deliverToServiceMailbox(rawMail(id, sender, "Re: " + loop.getKey(), "Automatic text", loop.getValue()));
      settle(poller.poll());
      assertThat(ledger(id, "status")).as(loop.getKey()).isEqualTo("IGNORED");
      assertThat(ledger(id, "disposition")).as(loop.getKey()).isNotBlank();
      assertThat(casesOfMessage(id)).as(loop.getKey()).isZero();
    }
    String own = messageId();
    deliverToServiceMailbox(rawMail(own, SERVICE_MAILBOX, "Our own acknowledgement", "Thank you", Map.of()));
    settle(poller.poll());
    assertThat(ledger(own, "status")).isEqualTo("IGNORED");
    assertThat(ledger(own, "disposition")).contains("own address");
    assertThat(casesOfMessage(own)).isZero();
    Thread.sleep(1_000);
    assertThat(mailTo(sender, "")).as("nothing answered to an automatic sender").isEmpty();
  }

  @Test
  void aBounceMarksTheMessageItReturnedInsteadOfOpeningACase() throws Exception {
    String customer = uniqueEmail("gone");
    String number = openCase(customer, "Bounce me");
    MimeMessage ack = awaitMail(customer, number, 1).get(0);
    String dsnId = messageId();
    String dsn = "Message-ID: " + dsnId + "\r\nFrom: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\n"
        + "To: " + SERVICE_MAILBOX + "\r\nSubject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: text/plain\r\n\r\nMailbox unknown.\r\n"
        + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\n"
        + "Final-Recipient: rfc822; " + customer + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: " + ack.getMessageID() + "\r\nSubject: "
        + ack.getSubject() + "\r\n--b--\r\n";
    int casesBefore = count("select count(*) from aftersales.service_case");
    deliverToServiceMailbox(dsn);
    settle(poller.poll());

    assertThat(ledger(dsnId, "status")).isEqualTo("BOUNCED");
    assertThat(ledger(dsnId, "case_number")).isEqualTo(number);
    assertThat(jdbc.queryForObject("select delivery_failure from aftersales.case_message where message_id = ?",
        String.class, ack.getMessageID())).contains("undeliverable");
    assertThat(count("select count(*) from aftersales.service_case c join aftersales.customer u on u.id = c.customer_id"
        + " where lower(u.email) like 'mailer-daemon%'")).isZero();
    assertThat(count("select count(*) from aftersales.service_case")).isLessThanOrEqualTo(casesBefore + 1);
    assertThat(casesOfMessage(dsnId)).isZero();
    // Staff see it on the case.
    assertThat(get("/api/cases/" + number, jsonAs("anna")).getBody()).contains("deliveryFailure");
  }

  @Test
  void aReplyFromAnotherAddressOpensItsOwnFlaggedCaseAndTheRealCustomerStillThreads() throws Exception {
    String alice = uniqueEmail("alice");
    String mallory = uniqueEmail("mallory");
    String number = openCase(alice, "Alice kettle order");
    MimeMessage ack = awaitMail(alice, number, 1).get(0);
    int aliceMessages = count("select count(*) from aftersales.case_message m join aftersales.service_case c"
        + " on c.id = m.case_id where c.case_number = ?", number);

    // By case number in the subject, and by In-Reply-To of Alice's acknowledgement: neither joins her case.
    String bySubject = messageId();
    deliverToServiceMailbox(rawMail(bySubject, "Mallory <" + mallory + ">", "Re: [" + number + "] change address",
        "Please send it to my address instead.", Map.of()));
    String byReference = messageId();
    deliverToServiceMailbox(rawMail(byReference, mallory, "Re: your confirmation", "And refund me.",
        Map.of("In-Reply-To", ack.getMessageID())));
    settle(poller.poll());

    for (String id : new String[]{bySubject, byReference}) {
      String opened = ledger(id, "case_number");
      assertThat(opened).isNotEqualTo(number);
      var row =
          jdbc.queryForMap("select u.email, c.contact_note, p.case_number as linked from aftersales.service_case c"
              + " join aftersales.customer u on u.id = c.customer_id left join aftersales.service_case p"
              + " on p.id = c.follow_up_of where c.case_number = ?", opened);
      assertThat(row).containsEntry("email", mallory).containsEntry("linked", number);
      assertThat((String) row.get("contact_note")).contains("Sender differs").contains(number);
    }
    assertThat(count("select count(*) from aftersales.case_message m join aftersales.service_case c"
        + " on c.id = m.case_id where c.case_number = ?", number)).isEqualTo(aliceMessages);
    assertThat(taskOf(number, "UserTask_HandleCustomerReply", "anna")).isEmpty();

    // Alice herself (her address in other letters) threads into her case; the task shows who sent it.
    String fromAlice = messageId();
    deliverToServiceMailbox(rawMail(fromAlice, "Alice <" + alice.toUpperCase() + ">", "Re: [" + number + "] photo",
        "Here is the photo.", Map.of()));
    settle(poller.poll());
    assertThat(ledger(fromAlice, "case_number")).isEqualTo(number);
    String task = taskOf(number, "UserTask_HandleCustomerReply", "anna").orElseThrow();
    assertThat(taskService.getVariable(task, "lastCustomerSender").toString()).isEqualToIgnoringCase(alice);
  }

  @Test
  void oddButHonestMailIsNormalisedAndKeptWhole() throws Exception {
    String sender = uniqueEmail("verbose");
    String id = messageId();
    String subject = "Long subject " + "s".repeat(390);
    String body = "b".repeat(5_000) + "\u0000 tail";
    deliverToServiceMailbox(rawMail(id, "\"" + "N".repeat(300) + "\" <" + sender + ">", subject, body, Map.of()));
    settle(poller.poll());

    assertThat(ledger(id, "status")).isEqualTo("PROCESSED");
    String number = ledger(id, "case_number");
    var row = jdbc.queryForMap("select c.subject, u.name from aftersales.service_case c join aftersales.customer u"
        + " on u.id = c.customer_id where c.case_number = ?", number);
    assertThat(((String) row.get("subject")).length()).isLessThanOrEqualTo(300);
    assertThat(((String) row.get("name")).length()).isLessThanOrEqualTo(200);
    String thread =
        jdbc.queryForObject("select body from aftersales.case_message where message_id = ?", String.class, id);
    assertThat(thread).startsWith("Subject: " + subject).contains("b".repeat(5_000)).endsWith(" tail")
        .doesNotContain("\u0000");
  }
}
