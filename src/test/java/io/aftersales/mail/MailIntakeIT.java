package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftersales.IntegrationTestSupport;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Email from end to end: a customer's mail opens a case, the acknowledgement and the agent's
 * answers arrive by SMTP, replies thread into the same case and reach the agent, nothing is
 * processed twice, and a mail that cannot be read is kept and reported.
 */
class MailIntakeIT extends IntegrationTestSupport {
  @Autowired
  MailboxPoller poller;
  @Autowired
  TaskService taskService;

  private static String messageId() {
    return "<" + UUID.randomUUID() + "@customer.example>";
  }

  private String caseOfMessage(String messageId) {
    return jdbc.queryForObject("select c.case_number from aftersales.service_case c join aftersales.case_message m"
        + " on m.case_id = c.id where m.message_id = ?", String.class, messageId);
  }

  private int casesOf(String email) {
    return count("select count(*) from aftersales.service_case c join aftersales.customer u on u.id = c.customer_id"
        + " where u.email = ?", email);
  }

  @Test
  void anEmailBecomesACaseAndTheConversationThreadsIntoIt() throws Exception {
    String customer = uniqueEmail("jonas");
    String firstId = messageId();
    deliverToServiceMailbox(rawMail(firstId, "Jonas Weber <" + customer + ">", "Kettle leaks",
        "Hello, my kettle SA-KETTLE-17 leaks from the bottom. Order EC-100002.", Map.of()));
    assertThat(settle(poller.poll())).isEqualTo(1);

    String number = caseOfMessage(firstId);
    assertThat(jdbc.queryForMap("select source_channel, status from aftersales.service_case where case_number = ?",
        number)).containsEntry("source_channel", "EMAIL").containsEntry("status", "NEW");
    assertThat(jdbc.queryForObject("select name from aftersales.customer where email = ?", String.class, customer))
        .isEqualTo("Jonas Weber");

    // Acknowledgement: case number in the subject, threaded under the customer's mail.
    MimeMessage ack = awaitMail(customer, "[" + number + "] Kettle leaks", 1).get(0);
    assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo(firstId);
    assertThat(ack.getFrom()[0].toString()).contains("service@aftersales.local");

    // The same mail again (a mailbox re-delivery) opens nothing; the ledger knows it.
    deliverToServiceMailbox(rawMail(firstId, customer, "Kettle leaks", "Hello again", Map.of()));
    assertThat(settle(poller.poll())).isEqualTo(1);
    assertThat(casesOf(customer)).isEqualTo(1);
    assertThat(count("select count(*) from aftersales.inbound_mail where ledger_key = ?", firstId)).isEqualTo(1);

    // The customer answers our acknowledgement (In-Reply-To, no case number in the subject): same case,
    // and the agent gets a task with what they wrote.
    String replyId = messageId();
    deliverToServiceMailbox(rawMail(replyId, customer, "Re: your confirmation", "Photo attached, receipt follows.",
        Map.of("In-Reply-To", ack.getMessageID(), "References", firstId + " " + ack.getMessageID())));
    settle(poller.poll());
    assertThat(caseOfMessage(replyId)).isEqualTo(number);
    String replyTask = taskOf(number, "UserTask_HandleCustomerReply", "anna").orElseThrow();
    assertThat(taskService.getVariable(replyTask, "lastCustomerMessage")).isEqualTo("Photo attached, receipt follows.");

    // A new mail with only the case number in the subject threads too.
    String receiptId = messageId();
    deliverToServiceMailbox(rawMail(receiptId, customer, "Receipt for " + number, "Here is the receipt.", Map.of()));
    settle(poller.poll());
    assertThat(caseOfMessage(receiptId)).isEqualTo(number);
    assertThat(casesOf(customer)).isEqualTo(1);

    // The agent answers the reply; the answer goes out by mail and is the first response.
    claimAndComplete(replyTask, "anna", Map.of("replyText", "Thank you, we will check the photo today."));
    MimeMessage replyAnswer = awaitMail(customer, "[" + number + "]", 2).stream()
        .filter(m -> !m.equals(ack)).findFirst().orElseThrow();
    assertThat((String) replyAnswer.getContent()).contains("check the photo today");
    assertThat(replyAnswer.getHeader("In-Reply-To", null)).isEqualTo(receiptId);
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
        "select first_answered_at is not null from aftersales.service_case where case_number = ?", Boolean.class,
        number));
    assertThat(jdbc.queryForObject("select author from aftersales.case_message where message_id = ?", String.class,
        replyAnswer.getMessageID())).isEqualTo("anna");

    // The agent reviews: an information request is answered and closed.
    claimAndComplete(taskOf(number, "UserTask_ReviewCase", "anna").orElseThrow(), "anna", Map.of(
        "requestType", "INFORMATION", "priority", "HIGH",
        "firstAnswer", "The kettle is covered; a colleague will call you about the exchange."));
    awaitMail(customer, "[" + number + "]", 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(jdbc.queryForObject(
        "select status from aftersales.service_case where case_number = ?", String.class, number)));
    assertThat(jdbc.queryForMap("select request_type, priority from aftersales.service_case where case_number = ?",
        number)).containsEntry("request_type", "INFORMATION").containsEntry("priority", "HIGH");

    // A mail soon after closing reopens the case (counted): an agent resolves it again, with the customer's words.
    String soonId = messageId();
    deliverToServiceMailbox(rawMail(soonId, customer, "Re: [" + number + "] Kettle leaks", "Nobody called me.",
        Map.of()));
    settle(poller.poll());
    assertThat(caseOfMessage(soonId)).isEqualTo(number);
    assertThat(jdbc.queryForMap("select status, reopen_count, closed_at from aftersales.service_case"
        + " where case_number = ?", number)).containsEntry("status", "IN_PROGRESS").containsEntry("reopen_count", 1)
        .containsEntry("closed_at", null);
    claimAndComplete(taskOf(number, "UserTask_ResolveCase", "anna").orElseThrow(), "anna", Map.of(
        "resolution", "Sorry: a colleague calls you today."));
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(jdbc.queryForObject(
        "select status from aftersales.service_case where case_number = ?", String.class, number)));

    // A mail weeks after closing opens a follow-up case instead of vanishing.
    jdbc.update("update aftersales.service_case set closed_at = closed_at - interval '15 days' where case_number = ?",
        number);
    String lateId = messageId();
    deliverToServiceMailbox(rawMail(lateId, customer, "Re: [" + number + "] Kettle leaks", "The new one leaks too!",
        Map.of()));
    settle(poller.poll());
    String followUp = caseOfMessage(lateId);
    assertThat(followUp).isNotEqualTo(number);
    assertThat(jdbc.queryForObject("select p.case_number from aftersales.service_case c join aftersales.service_case p"
        + " on p.id = c.follow_up_of where c.case_number = ?", String.class, followUp)).isEqualTo(number);
  }

  /**
   * A customer's photo and receipt sent by mail reach the case, where staff see them; a file we do not keep (a
   * program) is named in the ledger; the same mail delivered again keeps nothing twice.
   */
  @Test
  void photosAndReceiptsSentByMailAreKeptWithTheCase() throws Exception {
    String customer = uniqueEmail("photo");
    String id = messageId();
    String jpeg = java.util.Base64.getMimeEncoder().encodeToString(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff,
        (byte) 0xe0, 1, 2, 3, 4});
    String pdf = java.util.Base64.getMimeEncoder().encodeToString("%PDF-1.4 receipt".getBytes());
    String exe = java.util.Base64.getMimeEncoder().encodeToString("MZ program".getBytes());
    String raw = "Message-ID: " + id + "\r\nFrom: Photo Customer <" + customer + ">\r\nTo: " + SERVICE_MAILBOX
        + "\r\nSubject: Dented pan\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe pan arrived dented, photo and receipt attached.\r\n"
        + "--b1\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; filename=\"dent.jpg\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + jpeg + "\r\n"
        + "--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"=?UTF-8?Q?Quittung_M=C3=A4rz.pdf?=\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + pdf + "\r\n"
        + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"tool.exe\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + exe + "\r\n--b1--\r\n";
    deliverToServiceMailbox(raw);
    settle(poller.poll());
    String number = caseOfMessage(id);
    assertThat(jdbc.queryForList("select a.file_name from aftersales.attachment a join aftersales.service_case c"
        + " on c.id = a.case_id where c.case_number = ? order by a.id", String.class, number))
        .containsExactly("dent.jpg", "Quittung März.pdf");
    assertThat(jdbc.queryForObject("select disposition from aftersales.inbound_mail where ledger_key = ?",
        String.class, id)).contains("2 file(s) kept", "tool.exe is not a photo");
    // Staff of the group working the case see them.
    String list = get("/api/cases/" + number + "/attachments", jsonAs("anna")).getBody();
    assertThat(list).contains("dent.jpg", "\"source\":\"MAIL\"");
    // A second delivery of the same mail keeps nothing twice.
    deliverToServiceMailbox(raw);
    settle(poller.poll());
    assertThat(count("select count(*) from aftersales.attachment a join aftersales.service_case c on c.id = a.case_id"
        + " where c.case_number = ?", number)).isEqualTo(2);
  }

  @Test
  void aMailThatCannotBeReadIsKeptAndReportedNotDropped() throws Exception {
    String id = messageId();
    // No sender: there is nobody to open a case for or to answer.
    deliverToServiceMailbox("Message-ID: " + id + "\r\nSubject: ???\r\nContent-Type: text/plain\r\n\r\nhello\r\n");
    int casesBefore = count("select count(*) from aftersales.service_case");
    settle(poller.poll());

    assertThat(count("select count(*) from aftersales.service_case")).isEqualTo(casesBefore);
    var row = jdbc.queryForMap("select id, status, error, raw from aftersales.inbound_mail where ledger_key = ?", id);
    assertThat(row.get("status")).isEqualTo("FAILED");
    assertThat((String) row.get("error")).contains("no sender address");
    assertThat(new String((byte[]) row.get("raw"))).contains("hello");

    // Team leads see it; agents may not.
    var failures = get("/api/mail/failures", jsonAs("tara"));
    assertThat(failures.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(failures.getBody()).contains(id).contains("no sender address");
    assertThat(get("/api/mail/failures", jsonAs("anna")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/mail/failures", new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // A retry of a mail that is still unreadable says so and keeps it.
    var retry = post("/api/mail/failures/" + row.get("id") + "/retry", "", jsonAs("tara"));
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(count("select count(*) from aftersales.inbound_mail where ledger_key = ? and status = 'FAILED'", id))
        .isEqualTo(1);

    // Polling again does not process it twice; the message stays in the mailbox.
    settle(poller.poll());
    assertThat(count("select count(*) from aftersales.inbound_mail where ledger_key = ?", id)).isEqualTo(1);
    assertThat(serviceMailboxContains(id)).isTrue();
  }

  private boolean serviceMailboxContains(String messageId) throws Exception {
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect("127.0.0.1", imapPort, SERVICE_MAILBOX, "service");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      for (var message : inbox.getMessages()) {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids[0].equals(messageId)) {
          return message.isSet(Flags.Flag.SEEN);
        }
      }
      return false;
    }
  }
}
