package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aftersales.IntegrationTestSupport;
import io.aftersales.demo.DatabaseLink;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Issue 6, promise 6: no inbound mail is lost when the database refuses, is down, or the mailbox is away. */
class MailIntakeFaultsIT extends IntegrationTestSupport {
  @Autowired
  MailboxPoller poller;
  @Autowired
  DatabaseLink database;
  @Autowired
  TaskService tasks;

  private static String messageId() {
    return "<" + UUID.randomUUID() + "@faults.example.com>";
  }

  /** Whether the service mailbox's copy of the message is flagged \Seen (read without changing it). */
  private boolean seen(String messageId) throws MessagingException {
    Properties props = new Properties();
    props.put("mail.imap.peek", "true");
    try (Store store = Session.getInstance(props).getStore("imap")) {
      store.connect("127.0.0.1", imapPort, SERVICE_MAILBOX, "service");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        for (Message m : inbox.getMessages()) {
          String[] ids = m.getHeader("Message-ID");
          if (ids != null && ids[0].equals(messageId)) return m.isSet(Flags.Flag.SEEN);
        }
        throw new AssertionError("not in the mailbox: " + messageId);
      } finally {
        inbox.close(false);
      }
    }
  }

  private String ledgerStatus(String messageId) {
    return jdbc.query("select status from aftersales.inbound_mail where ledger_key = ?",
        rs -> rs.next() ? rs.getString(1) : null, messageId);
  }

  @Test
  void aMailTheDatabaseCannotTakeStaysUnseenAndIsRecordedByTheNextPoll() throws Exception {
    String id = messageId();
    deliverToServiceMailbox(rawMail(id, uniqueEmail("dbdown"), "Kettle [db-fault]", "It leaks.", Map.of()));
    // The database refuses every write of this mail, even its FAILED row.
    jdbc.execute(
        """
            create or replace function aftersales.refuse_fault_mail() returns trigger language plpgsql as $$
            begin if new.subject like '%[db-fault]%' then raise exception 'database refuses'; end if; return new; end $$""");
    jdbc.execute("drop trigger if exists refuse_fault_mail on aftersales.inbound_mail");
    jdbc.execute("create trigger refuse_fault_mail before insert or update on aftersales.inbound_mail"
        + " for each row execute function aftersales.refuse_fault_mail()");
    try {
      settle(poller.poll());
      assertThat(ledgerStatus(id)).isNull();
      assertThat(seen(id)).as("left unseen for the next poll").isFalse();
    } finally {
      jdbc.execute("drop trigger if exists refuse_fault_mail on aftersales.inbound_mail");
    }
    // With the database down, nothing is read at all.
    database.cut();
    try {
      assertThat(poller.poll()).isZero();
    } finally {
      database.restore();
    }
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
      poller.poll();
      return "PROCESSED".equals(ledgerStatus(id));
    });
    assertThat(seen(id)).isTrue();
  }

  @Test
  void aRefusalIsAFailureListedForTeamLeadsNeverADuplicate() throws Exception {
    String id = messageId();
    deliverToServiceMailbox(rawMail(id, uniqueEmail("refused"), "Pan [unique-fault]", "Dented.", Map.of()));
    // A unique violation that is not our ledger key (e.g. a constraint of a later migration).
    jdbc.execute("""
        create or replace function aftersales.refuse_processed() returns trigger language plpgsql as $$
        begin if new.subject like '%[unique-fault]%' and new.status = 'PROCESSED'
          then raise exception using errcode = '23505', message = 'injected unique violation'; end if;
          return new; end $$""");
    jdbc.execute("drop trigger if exists refuse_processed on aftersales.inbound_mail");
    jdbc.execute("create trigger refuse_processed before insert or update on aftersales.inbound_mail"
        + " for each row execute function aftersales.refuse_processed()");
    try {
      settle(poller.poll());
    } finally {
      jdbc.execute("drop trigger if exists refuse_processed on aftersales.inbound_mail");
    }
    assertThat(ledgerStatus(id)).isEqualTo("FAILED");
    assertThat(get("/api/mail/failures", jsonAs("tara")).getBody()).contains(id);
  }

  @Test
  void anUnreachableMailboxShowsInHealthAndReachesTheTeamLeads() throws Exception {
    greenMail.stop();
    try {
      assertThatThrownBy(poller::poll).isInstanceOf(MessagingException.class);
      Thread.sleep(5_500); // alert-after is PT5S in the tests (2 minutes in production)
      assertThatThrownBy(poller::poll).isInstanceOf(MessagingException.class);
      assertThat(get("/actuator/health", new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(tasks.createTaskQuery().taskCandidateGroup("team-lead").taskName("Service mailbox cannot be read")
          .count()).isPositive();
    } finally {
      greenMail.start();
      greenMail.setUser(SERVICE_MAILBOX, SERVICE_MAILBOX, "service");
    }
    settle(poller.poll());
    await().atMost(Duration.ofSeconds(30))
        .until(() -> get("/actuator/health", new HttpHeaders()).getStatusCode() == HttpStatus.OK);
  }
}
