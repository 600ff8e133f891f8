package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The outbox's decisions with the database and SMTP server mocked: send once, back off, give up, alert. */
class OutboxTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final String CLAIM = "update aftersales.outbound_mail set status = 'SENDING'";
  private static final String SENT = "update aftersales.outbound_mail set status = 'SENT'";
  private static final String FAILED = "update aftersales.outbound_mail set status = ?";
  private static final String TAKE_OVER = "update aftersales.outbound_mail o set status = 'PENDING'";

  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final JavaMailSender smtp = mock(JavaMailSender.class);
  private final TeamLeadAlerts alerts = mock(TeamLeadAlerts.class);
  private final io.aftersales.shared.MutableClock clock = new io.aftersales.shared.MutableClock(T0);
  private final MailSettings mail = InboundMailProcessorTest.settings("service@aftersales.local", "inbox@x.example");
  private final Deque<List<Outbox.Claimed>> batches = new ArrayDeque<>();
  private Outbox outbox = outbox(Duration.ofSeconds(30));

  private Outbox outbox(Duration maxBackoff) {
    return new Outbox(jdbc, smtp, mail, new OutboxSettings(Duration.ofSeconds(1), maxBackoff, Duration.ofDays(1),
        Duration.ofMinutes(2)), alerts, clock);
  }

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() throws Exception {
    when(smtp.createMimeMessage()).thenAnswer(inv -> new MimeMessage(Session.getInstance(new Properties())));
    when(jdbc.query(startsWith(CLAIM), any(RowMapper.class), any(Object[].class))).thenAnswer(inv -> {
      List<Outbox.Claimed> batch = batches.poll();
      if (batch == null) return List.of();
      RowMapper<Outbox.Claimed> mapper = inv.getArgument(1);
      // the rows go through the real row mapper
      List<Outbox.Claimed> mapped = new java.util.ArrayList<>();
      for (Outbox.Claimed c : batch)
        mapped.add(mapper.mapRow(resultSet(c), 0));
      return mapped;
    });
  }

  private static ResultSet resultSet(Outbox.Claimed c) throws Exception {
    ResultSet rs = mock(ResultSet.class);
    when(rs.getLong(1)).thenReturn(c.id());
    when(rs.getString(2)).thenReturn(c.messageId());
    when(rs.getString(3)).thenReturn(c.recipient());
    when(rs.getString(4)).thenReturn(c.subject());
    when(rs.getString(5)).thenReturn(c.body());
    when(rs.getString(6)).thenReturn(c.inReplyTo());
    when(rs.getInt(7)).thenReturn(c.attempts());
    when(rs.getTimestamp(8)).thenReturn(Timestamp.from(c.createdAt()));
    return rs;
  }

  private static Outbox.Claimed row(long id, int attempts, Instant createdAt) {
    return new Outbox.Claimed(id, "<m" + id + "@aftersales.local>", "maria@example.com", "[SC-1] Kettle", "Hello",
        "<in@example.com>", attempts, createdAt);
  }

  private MimeMessage sentMessage() {
    ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
    verify(smtp).send(sent.capture());
    return sent.getValue();
  }

  /** The parameters of the failure update of one row: status, error, backoff seconds. */
  private Object[] failureUpdate(long id) {
    ArgumentCaptor<Object> status = ArgumentCaptor.forClass(Object.class);
    ArgumentCaptor<Object> error = ArgumentCaptor.forClass(Object.class);
    ArgumentCaptor<Object> backoff = ArgumentCaptor.forClass(Object.class);
    verify(jdbc).update(startsWith(FAILED), status.capture(), error.capture(), backoff.capture(), eq(id));
    return new Object[]{status.getValue(), error.getValue(), backoff.getValue()};
  }

  private String nodeId() {
    return (String) outbox.health().getDetails().get("node");
  }

  @Test
  void aClaimedMailIsSentOnceAndRecordedAsSent() throws Exception {
    batches.add(List.of(row(1, 1, T0)));
    outbox.drain();

    MimeMessage sent = sentMessage();
    assertThat(sent.getFrom())
        .containsExactly(new InternetAddress("service@aftersales.local", "Aftersales Customer Care"));
    assertThat(((InternetAddress) sent.getFrom()[0]).getPersonal()).isEqualTo("Aftersales Customer Care");
    assertThat(sent.getRecipients(jakarta.mail.Message.RecipientType.TO))
        .containsExactly(new InternetAddress("maria@example.com"));
    assertThat(sent.getSubject()).isEqualTo("[SC-1] Kettle");
    assertThat(sent.getContent()).isEqualTo("Hello");
    assertThat(sent.getMessageID()).isEqualTo("<m1@aftersales.local>");
    assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<in@example.com>");
    assertThat(sent.getHeader("References", null)).isEqualTo("<in@example.com>");
    assertThat(sent.getHeader("MIME-Version", null)).isEqualTo("1.0"); // headers complete before sending

    verify(jdbc).update(startsWith(SENT), eq(Timestamp.from(T0)), eq(1L));
    verify(jdbc).update(startsWith("insert into aftersales.outbox_node"), eq(nodeId()));
    verify(jdbc).update("update aftersales.outbound_mail set status = 'PENDING', claimed_by = null where status ="
        + " 'SENDING' and claimed_by = ?", nodeId());
    verify(jdbc, times(2)).query(startsWith(CLAIM), any(RowMapper.class), eq(nodeId()));
    Health health = outbox.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("acceptedNotYetRecorded", 0);
    verifyNoInteractions(alerts);
  }

  @Test
  void aMailNotAnsweringAnythingHasNoThreadHeaders() throws Exception {
    batches.add(List.of(new Outbox.Claimed(2, "<m2@x>", "paul@example.com", "S", "B", null, 1, T0)));
    outbox.drain();
    MimeMessage sent = sentMessage();
    assertThat(sent.getHeader("In-Reply-To")).isNull();
    assertThat(sent.getHeader("References")).isNull();
    assertThat(sent.getMessageID()).isEqualTo("<m2@x>");
  }

  @Test
  void everyBatchIsSentUntilNothingIsDue() {
    batches.add(List.of(row(1, 1, T0), row(2, 1, T0)));
    batches.add(List.of(row(3, 1, T0)));
    outbox.drain();
    verify(smtp, times(3)).send(any(MimeMessage.class));
    verify(jdbc).update(startsWith(SENT), any(), eq(3L));
  }

  @Test
  void aFailingServerPutsTheMailBackWithBackoffAndStopsThePass() {
    batches.add(List.of(row(1, 1, T0), row(2, 2, T0)));
    batches.add(List.of(row(3, 1, T0)));
    doThrow(new MailSendException("connection refused")).when(smtp).send(any(MimeMessage.class));
    outbox.drain();

    assertThat(failureUpdate(1)).containsExactly("PENDING", "MailSendException: connection refused", 5L);
    assertThat(failureUpdate(2)).containsExactly("PENDING", "MailSendException: connection refused", 10L);
    verify(jdbc, times(1)).query(startsWith(CLAIM), any(RowMapper.class), any(Object[].class));
    verify(jdbc, never()).update(startsWith(SENT), any(), anyLong());
    assertThat(outbox.health().getStatus()).isEqualTo(Status.UP); // not yet for alert-after
    verifyNoInteractions(alerts);
  }

  @Test
  void theBackoffDoublesUpToTheMaximum() {
    batches.add(List.of(row(1, 3, T0), row(2, 4, T0), row(3, 30, T0)));
    doThrow(new MailSendException("down")).when(smtp).send(any(MimeMessage.class));
    outbox.drain();
    assertThat(failureUpdate(1)[2]).isEqualTo(20L);
    assertThat(failureUpdate(2)[2]).isEqualTo(30L);
    assertThat(failureUpdate(3)[2]).isEqualTo(30L);
  }

  @Test
  void theBackoffStopsDoublingAfterTenTimes() {
    outbox = outbox(Duration.ofDays(1));
    batches.add(List.of(row(1, 11, T0), row(2, 12, T0), row(3, 10, T0)));
    doThrow(new MailSendException("down")).when(smtp).send(any(MimeMessage.class));
    outbox.drain();
    assertThat(failureUpdate(1)[2]).isEqualTo(5L << 10);
    assertThat(failureUpdate(2)[2]).isEqualTo(5L << 10);
    assertThat(failureUpdate(3)[2]).isEqualTo(5L << 9);
  }

  @Test
  void aLongErrorIsCutTo2000Characters() {
    batches.add(List.of(row(1, 1, T0)));
    doThrow(new MailSendException("x".repeat(3000))).when(smtp).send(any(MimeMessage.class));
    outbox.drain();
    assertThat((String) failureUpdate(1)[1]).hasSize(2000).startsWith("MailSendException: xxx");
  }

  @Test
  void anAddressTheServerRefusesIsFailedAtOnceAndIsNoOutage() throws Exception {
    Address[] invalid = {new InternetAddress("nobody@example.com")};
    batches.add(List.of(row(1, 1, T0), row(2, 1, T0)));
    doThrow(new MailSendException("refused", new SendFailedException("Invalid Addresses", null, null, null, invalid)))
        .doNothing().when(smtp).send(any(MimeMessage.class));
    outbox.drain();
    assertThat(failureUpdate(1)[0]).isEqualTo("FAILED");
    // no outage: the next mail goes out in the same pass
    verify(jdbc).update(startsWith(SENT), any(), eq(2L));
    clock.advance(Duration.ofHours(1));
    assertThat(outbox.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void aSendFailureWithoutInvalidAddressesIsRetried() {
    batches.add(List.of(row(1, 1, T0)));
    doThrow(new MailSendException("x", new SendFailedException("Invalid Addresses", null, null, null, new Address[0])))
        .when(smtp).send(any(MimeMessage.class));
    outbox.drain();
    assertThat(failureUpdate(1)[0]).isEqualTo("PENDING");
  }

  @Test
  void aMailStillNotAcceptedAfterGiveUpAfterIsFailed() {
    batches.add(
        List.of(row(1, 40, T0.minus(Duration.ofDays(1)).minusSeconds(1)), row(2, 40, T0.minus(Duration.ofDays(1)))));
    doThrow(new MailSendException("down")).when(smtp).send(any(MimeMessage.class));
    outbox.drain();
    assertThat(failureUpdate(1)[0]).isEqualTo("FAILED");
    assertThat(failureUpdate(2)[0]).isEqualTo("PENDING");
  }

  @Test
  void smtpDownForAlertAfterTurnsHealthDownAndAlertsTheTeamLeads() {
    doThrow(new MailSendException("down")).when(smtp).send(any(MimeMessage.class));
    batches.add(List.of(row(1, 1, T0)));
    outbox.drain();
    clock.advance(Duration.ofMinutes(2).minusMillis(1));
    assertThat(outbox.health().getStatus()).isEqualTo(Status.UP);
    batches.add(List.of(row(1, 2, T0)));
    outbox.drain();
    verifyNoInteractions(alerts);

    clock.advance(Duration.ofMillis(1));
    Health down = outbox.health();
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails()).containsEntry("smtpFailingSince", T0.toString())
        .containsEntry("error", "MailSendException: down").containsEntry("acceptedNotYetRecorded", 0)
        .containsKey("node");
    batches.add(List.of(row(1, 3, T0)));
    outbox.drain();
    verify(alerts).raise(eq("mail-outage"), eq(T0), eq("Customer mail cannot be sent"),
        argThat(s -> s.startsWith("Since " + T0 + " the mail server")
            && s.contains("Last error: MailSendException: down.")));

    // the server accepts again: healthy, no outage
    org.mockito.Mockito.reset(smtp);
    when(smtp.createMimeMessage()).thenAnswer(inv -> new MimeMessage(Session.getInstance(new Properties())));
    batches.add(List.of(row(1, 4, T0)));
    outbox.drain();
    assertThat(outbox.health().getStatus()).isEqualTo(Status.UP);
    clock.advance(Duration.ofHours(1));
    outbox.drain();
    verify(alerts, times(1)).raise(any(), any(), any(), any());
  }

  @Test
  void anAcceptedMailIsRecordedLaterIfTheDatabaseFailsAndNeverSentAgain() {
    batches.add(List.of(row(1, 1, T0)));
    doThrow(new org.springframework.dao.DataAccessResourceFailureException("db down"))
        .when(jdbc).update(startsWith(SENT), any(Object[].class));
    outbox.drain();
    verify(smtp, times(1)).send(any(MimeMessage.class));
    assertThat(outbox.health().getDetails()).containsEntry("acceptedNotYetRecorded", 1);

    org.mockito.Mockito.reset(jdbc);
    clock.advance(Duration.ofSeconds(5));
    when(jdbc.query(startsWith(CLAIM), any(RowMapper.class), any(Object[].class))).thenReturn(List.of());
    outbox.drain();
    verify(jdbc).update(startsWith(SENT), eq(Timestamp.from(T0)), eq(1L)); // the time it was accepted
    assertThat(outbox.health().getDetails()).containsEntry("acceptedNotYetRecorded", 0);
    verify(smtp, times(1)).send(any(MimeMessage.class));
  }

  @Test
  void deadNodesClaimsAreTakenOverOnlyAfterThirtySecondsOfDatabase() {
    outbox.drain();
    clock.advance(Duration.ofSeconds(29));
    outbox.drain();
    verify(jdbc, never()).update(startsWith(TAKE_OVER), any(Object[].class));
    clock.advance(Duration.ofSeconds(1));
    outbox.drain();
    verify(jdbc).update(startsWith(TAKE_OVER), eq(nodeId()));
    verify(jdbc).update("delete from aftersales.outbox_node where seen_at < now() - interval '1 day'");
  }

  @Test
  void aDatabaseFailureRestartsTheThirtySeconds() {
    outbox.drain();
    clock.advance(Duration.ofSeconds(20));
    when(jdbc.update(startsWith("insert into aftersales.outbox_node"), any(Object[].class)))
        .thenThrow(new org.springframework.dao.DataAccessResourceFailureException("down")).thenReturn(1);
    outbox.drain(); // fails
    clock.advance(Duration.ofSeconds(20));
    outbox.drain(); // database back: counts from now
    clock.advance(Duration.ofSeconds(20));
    outbox.drain();
    verify(jdbc, never()).update(startsWith(TAKE_OVER), any(Object[].class));
    clock.advance(Duration.ofSeconds(10));
    outbox.drain();
    verify(jdbc).update(startsWith(TAKE_OVER), any(Object[].class));
  }

  @Test
  void enqueueWritesTheRowAndWakesTheSenderAfterCommit() {
    TransactionSynchronizationManager.initSynchronization();
    try {
      outbox.enqueue("<m1@x>", 5L, "maria@example.com", "S", "B", "<in@x>", "B without its secret");
      verify(jdbc).update(startsWith("insert into aftersales.outbound_mail"), eq("<m1@x>"), eq(5L),
          eq("maria@example.com"), eq("S"), eq("B"), eq("<in@x>"), eq(Timestamp.from(T0)), eq(Timestamp.from(T0)),
          eq("B without its secret"));
      List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
      assertThat(synchronizations).hasSize(1);
      verify(jdbc, after(300).never()).update(startsWith("insert into aftersales.outbox_node"), any(Object[].class));
      synchronizations.get(0).afterCommit();
      verify(jdbc, timeout(5000)).update(startsWith("insert into aftersales.outbox_node"), any(Object[].class));
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void enqueueOutsideATransactionWakesTheSenderAtOnce() {
    outbox.enqueue("<m1@x>", 5L, "maria@example.com", "S", "B", null);
    verify(jdbc, timeout(5000)).update(startsWith("insert into aftersales.outbox_node"), any(Object[].class));
  }

  @Test
  void theTimerWakesTheSenderEachTime() {
    outbox.tick();
    verify(jdbc, timeout(5000)).update(startsWith("insert into aftersales.outbox_node"), any(Object[].class));
    outbox.tick();
    verify(jdbc, timeout(5000).times(2)).update(startsWith("insert into aftersales.outbox_node"), any(Object[].class));
  }

  @Test
  void aPassWithNothingDueSendsNothing() {
    outbox.drain();
    verify(smtp, never()).send(any(MimeMessage.class));
    verifyNoInteractions(alerts);
    assertThat(outbox.health().getStatus()).isEqualTo(Status.UP);
    verify(jdbc, never()).update(anyString(), eq("PENDING"), any(), any(), any());
  }
}
