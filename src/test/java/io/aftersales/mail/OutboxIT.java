package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 6, promise 5: customer mail goes out exactly once, after commit, whatever fails in between. */
class OutboxIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;
  @Autowired
  TaskService tasks;

  private String openCase(String email, String subject) throws Exception {
    ResponseEntity<String> created = post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"Out Box","email":"%s"},"subject":"%s","message":"Hello"}"""
        .formatted(email, subject), json());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("caseNumber").asText();
  }

  private String outbox(String caseNumber, String column) {
    return jdbc.queryForObject("select o." + column + " from aftersales.outbound_mail o join aftersales.service_case c"
        + " on c.id = o.case_id where c.case_number = ? order by o.id limit 1", String.class, caseNumber);
  }

  /** Every mail the server accepted for this case, by Message-ID: never two with one id. */
  private List<String> deliveredIds(String recipient, String caseNumber) throws Exception {
    List<String> ids = new ArrayList<>();
    for (MimeMessage m : mailTo(recipient, "[" + caseNumber + "]"))
      ids.add(m.getMessageID());
    return ids;
  }

  private void assertExactlyOnce(String recipient, String caseNumber) throws Exception {
    awaitMail(recipient, "[" + caseNumber + "]", 1);
    Thread.sleep(2_000); // time enough for a duplicate to arrive, were there one
    List<String> ids = deliveredIds(recipient, caseNumber);
    assertThat(ids).as("mails for " + caseNumber).hasSize(1).doesNotHaveDuplicates();
  }

  /** A fault injected at commit, removed on close; {@link #injected()} says whether it struck. */
  interface CommitFault extends AutoCloseable {
    boolean injected();

    @Override
    void close();
  }

  /**
   * Fails the first commit whose row matches {@code condition}: a deferred constraint trigger {@code name}
   * ({@code after <event>}) raises at commit, once, after everything of the transaction was written.
   */
  private CommitFault failFirstCommit(String name, String event, String condition) {
    String table = event.substring(event.indexOf(" on ") + 4);
    jdbc.execute("create sequence if not exists aftersales." + name + "_seq");
    jdbc.execute("create or replace function aftersales." + name + "() returns trigger language plpgsql as $$ begin if "
        + condition + " and nextval('aftersales." + name
        + "_seq') = 1 then raise exception 'injected failure at commit';"
        + " end if; return new; end $$");
    jdbc.execute("drop trigger if exists " + name + " on " + table);
    jdbc.execute("create constraint trigger " + name + " after " + event
        + " deferrable initially deferred for each row execute function aftersales." + name + "()");
    return new CommitFault() {
      @Override
      public boolean injected() {
        return jdbc.queryForObject("select is_called from aftersales." + name + "_seq", Boolean.class);
      }

      @Override
      public void close() {
        jdbc.execute("drop trigger if exists " + name + " on " + table);
      }
    };
  }

  @Test
  void smtpDownAndBackEveryMailGoesOutOnceAndTeamLeadsAreAlerted() throws Exception {
    List<String> emails = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    greenMail.stop();
    try {
      for (int i = 0; i < 3; i++) {
        String email = uniqueEmail("smtpdown");
        emails.add(email);
        numbers.add(openCase(email, "While SMTP is down " + i));
      }
      // The cases open at once; their mail waits in the outbox, retried with back-off.
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> numbers.stream()
          .allMatch(n -> "PENDING".equals(outbox(n, "status")) && outbox(n, "last_error") != null));
      // A few seconds on (alert-after is PT5S in the tests): health says so and team leads get a task.
      await().atMost(Duration.ofSeconds(30))
          .until(() -> get("/actuator/health", new HttpHeaders()).getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE);
      await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().taskCandidateGroup("team-lead")
          .taskName("Customer mail cannot be sent").count() > 0);
      assertThat(taskOfName("tara")).as("the team lead sees the alert in Tasklist").isTrue();
    } finally {
      greenMail.start();
      greenMail.setUser(SERVICE_MAILBOX, SERVICE_MAILBOX, "service");
    }
    long back = System.nanoTime();
    for (int i = 0; i < numbers.size(); i++)
      assertExactlyOnce(emails.get(i), numbers.get(i));
    assertThat(Duration.ofNanos(System.nanoTime() - back)).as("all out within a minute of SMTP's return")
        .isLessThan(Duration.ofSeconds(60));
    for (String n : numbers)
      assertThat(outbox(n, "status")).isEqualTo("SENT");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> get("/actuator/health", new HttpHeaders()).getStatusCode() == HttpStatus.OK);
  }

  private boolean taskOfName(String user) throws Exception {
    String body = get("/engine-rest/task?name=Customer mail cannot be sent", jsonAs(user)).getBody();
    return json.readTree(body).size() > 0;
  }

  @Test
  void aFailureAtCommitAfterTheServerAcceptedTheMailDoesNotSendItAgain() throws Exception {
    // The first commit that records SENT for this test's mail fails: the server has accepted the message by then.
    try (var fault = failFirstCommit("fail_first_sent", "update on aftersales.outbound_mail",
        "new.status = 'SENT' and new.subject like '%[commit-fault]%'")) {
      String email = uniqueEmail("commitfault");
      String number = openCase(email, "Pan [commit-fault] " + UUID.randomUUID());
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "SENT".equals(outbox(number, "status")));
      assertThat(fault.injected()).as("the fault was injected").isTrue();
      assertExactlyOnce(email, number);
    }
  }

  @Test
  void aMailClaimedByANodeThatStoppedIsTakenOverAndSentOnce() throws Exception {
    String email = uniqueEmail("deadnode");
    String number = openCase(email, "Dead node");
    awaitMail(email, "[" + number + "]", 1);
    // As a node killed mid-send leaves it: claimed, SENDING, its heartbeat a minute old.
    String messageId = "<" + number + ".takeover." + UUID.randomUUID() + "@aftersales.local>";
    jdbc.update(
        "insert into aftersales.outbox_node (node_id, seen_at) values ('dead-node', now() - interval '1 minute')"
            + " on conflict (node_id) do update set seen_at = now() - interval '1 minute'");
    jdbc.update("""
        insert into aftersales.outbound_mail (message_id, case_id, recipient, subject, body, status, attempts,
          next_attempt_at, claimed_by, claimed_at, created_at)
        select ?, id, ?, ?, 'Your parcel is on its way.', 'SENDING', 1, now(), 'dead-node',
          now() - interval '1 minute', now() from aftersales.service_case where case_number = ?""",
        messageId, email, "[" + number + "] takeover", number);
    await().atMost(Duration.ofSeconds(90)).until(() -> mailTo(email, "takeover").size() >= 1);
    Thread.sleep(2_000);
    assertThat(mailTo(email, "takeover")).hasSize(1);
    assertThat(jdbc.queryForObject("select status from aftersales.outbound_mail where message_id = ?", String.class,
        messageId)).isEqualTo("SENT");
  }

  @Test
  void aCaseWhoseOpeningFailsAtCommitSendsNoAcknowledgement() throws Exception {
    // The acknowledgement is written in the transaction that opens the case: the first commit of this test's case
    // fails after everything (case, thread, outbox row, process) was written.
    try (var fault = failFirstCommit("fail_first_opening", "insert on aftersales.service_case",
        "new.subject like '%[open-fault]%'")) {
      String email = uniqueEmail("openfault");
      String subject = "Pan [open-fault] " + UUID.randomUUID();
      String body = """
          {"channel":"WEB_FORM","customer":{"name":"Out Box","email":"%s"},"subject":"%s","message":"Hello"}"""
          .formatted(email, subject);
      ResponseEntity<String> failed = post("/api/cases", body, json());
      // An unforeseen database fault: problem+json saying nothing was saved, so the client sends again.
      assertThat(failed.getStatusCode().value()).as(failed.toString()).isEqualTo(500);
      assertThat(failed.getBody()).contains("nothing was saved");
      assertThat(fault.injected()).as("the fault was injected").isTrue();
      assertThat(count("select count(*) from aftersales.outbound_mail where subject like ?", "%" + subject))
          .as("no acknowledgement without its case").isZero();
      // The customer sends again: one case, one acknowledgement.
      String number = json.readTree(post("/api/cases", body, json()).getBody()).get("caseNumber").asText();
      assertExactlyOnce(email, number);
      assertThat(mailTo(email, subject)).hasSize(1);
    }
  }

  @Test
  void parallelCasesEachGetExactlyOneAcknowledgement() throws Exception {
    String stamp = UUID.randomUUID().toString();
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < 8; i++)
      emails.add(uniqueEmail("burst"));
    List<ResponseEntity<String>> answers = inParallel(8, i -> post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"email":"%s"},"subject":"Burst %s","message":"Hello"}"""
        .formatted(emails.get(i), stamp), json()));
    for (int i = 0; i < 8; i++) {
      String number = json.readTree(answers.get(i).getBody()).get("caseNumber").asText();
      assertExactlyOnce(emails.get(i), number);
    }
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject() != null && m.getSubject().contains(stamp);
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).count()).isEqualTo(8);
  }

  @Test
  void teamLeadsSeeMailThatFailedAndSendItAgain() throws Exception {
    String email = uniqueEmail("failed");
    String number = openCase(email, "Refused once");
    awaitMail(email, "[" + number + "]", 1);
    String messageId = "<" + number + ".refused." + UUID.randomUUID() + "@aftersales.local>";
    jdbc.update("""
        insert into aftersales.outbound_mail (message_id, case_id, recipient, subject, body, status, attempts,
          next_attempt_at, last_error, created_at)
        select ?, id, ?, ?, 'Your refund is on its way.', 'FAILED', 7, now(), 'SendFailedException: 550 mailbox full',
          now() - interval '2 days' from aftersales.service_case where case_number = ?""",
        messageId, email, "[" + number + "] refund", number);

    var listed = json.readTree(get("/api/mail/outbox", jsonAs("tara")).getBody());
    var row = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
        .filter(n -> messageId.equals(n.get("messageId").asText())).findFirst().orElseThrow();
    assertThat(row.get("status").asText()).isEqualTo("FAILED");
    assertThat(row.get("lastError").asText()).contains("mailbox full");
    assertThat(row.get("caseNumber").asText()).isEqualTo(number);
    assertThat(get("/api/mail/outbox", jsonAs("audrey")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/mail/outbox", jsonAs("anna")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("/api/mail/outbox/" + row.get("id").asLong() + "/retry", "", jsonAs("audrey")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(post("/api/mail/outbox/" + row.get("id").asLong() + "/retry", "", jsonAs("tara")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email, "refund").size() == 1);
    assertThat(jdbc.queryForObject("select status from aftersales.outbound_mail where message_id = ?", String.class,
        messageId)).isEqualTo("SENT");
  }
}
