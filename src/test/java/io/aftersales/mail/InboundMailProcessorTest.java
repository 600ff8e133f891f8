package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.aftersales.cases.OpenCaseCommand;
import io.aftersales.cases.OpenedCase;
import io.aftersales.cases.ServiceCases;
import io.aftersales.cases.SourceChannel;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.util.unit.DataSize;

/** Intake's two halves with the database, the engine and the case module replaced by mocks. */
class InboundMailProcessorTest {
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private final InboundMailRepository ledger = mock(InboundMailRepository.class);
  private final ServiceCases cases = mock(ServiceCases.class);
  private final PlatformTransactionManager txManager = mock(PlatformTransactionManager.class);
  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final ProcessEngineConfigurationImpl engine = mock(ProcessEngineConfigurationImpl.class);
  private final JobManager jobManager = mock(JobManager.class);
  private InboundMailProcessor processor;

  static MailSettings.Imap imap(String username) {
    return new MailSettings.Imap("imap.example", 993, true, username, "secret", "INBOX", Duration.ofSeconds(30), 50,
        Duration.ofMinutes(2), true, Duration.ofMinutes(10), Duration.ofMinutes(2), DataSize.ofMegabytes(25), 6,
        Duration.ofSeconds(10), Duration.ofMinutes(2));
  }

  static MailSettings settings(String from, String username) {
    return new MailSettings(from, "Aftersales Customer Care", "aftersales.local", imap(username));
  }

  @BeforeEach
  void setUp() {
    when(txManager.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    CommandExecutor executor = mock(CommandExecutor.class);
    CommandContext context = mock(CommandContext.class);
    when(context.getJobManager()).thenReturn(jobManager);
    when(engine.getCommandExecutorTxRequired()).thenReturn(executor);
    when(executor.execute(any())).thenAnswer(inv -> ((Command<?>) inv.getArgument(0)).execute(context));
    processor = processor(settings("service@aftersales.local", "inbox@aftersales.local"));
  }

  private final io.aftersales.cases.Attachments attachments = mock(io.aftersales.cases.Attachments.class);

  private InboundMailProcessor processor(MailSettings settings) {
    return new InboundMailProcessor(ledger, cases, attachments, txManager, jdbc, engine,
        Clock.fixed(NOW, ZoneOffset.UTC), settings);
  }

  private static byte[] raw(String headers, String body) {
    return ("Message-ID: <in1@example.com>\nFrom: Maria Rossi <maria@example.com>\nSubject: Kettle leaks\n"
        + "Content-Type: text/plain; charset=UTF-8\n" + headers + "\n" + body + "\n").replace("\n", "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private InboundMail stored(long id, byte[] raw, Instant receivedAt) {
    InboundMail row = new InboundMail("<in1@example.com>", "INBOX", "maria@example.com", "Kettle leaks", raw,
        receivedAt);
    row.received();
    ReflectionTestUtils.setField(row, "id", id);
    when(ledger.findById(id)).thenReturn(Optional.of(row));
    return row;
  }

  private InboundMail stored(byte[] raw) {
    return stored(7L, raw, NOW.minus(Duration.ofMinutes(10)));
  }

  // --- processRecorded ------------------------------------------------------------------------------

  @Test
  void aMissingRowOrOneNoLongerReceivedIsLeftAlone() {
    when(ledger.findById(1L)).thenReturn(Optional.empty());
    processor.processRecorded(1L);
    InboundMail done = stored(raw("", "Hi"));
    done.processed("SC-1", NOW, null);
    processor.processRecorded(7L);
    assertThat(done.getStatus()).isEqualTo(InboundMail.Status.PROCESSED);
    verify(ledger, never()).save(any());
    verify(ledger, never()).saveAndFlush(any());
    verifyNoInteractions(cases);
  }

  @Test
  void anUnreadableMailFailsAtOnce() {
    InboundMail row = stored("Subject: x\r\n\r\nno sender\r\n".getBytes(StandardCharsets.UTF_8));
    processor.processRecorded(7L);
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.FAILED);
    assertThat(row.getError()).isEqualTo("unreadable: no sender address");
    assertThat(row.getRaw()).isNotNull();
    verify(ledger).save(row);
    verifyNoInteractions(cases);
  }

  @Test
  void aBounceMarksTheAffectedCases() {
    InboundMail row = stored(raw("Return-Path: <>\nIn-Reply-To: <SC-1.ack.1@aftersales.local>\n", "undeliverable"));
    when(cases.markUndeliverable(List.of("<SC-1.ack.1@aftersales.local>"), "Returned as undeliverable (Kettle leaks)"))
        .thenReturn(List.of("SC-1", "SC-2"));
    processor.processRecorded(7L);
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.BOUNCED);
    assertThat(row.getCaseNumber()).isEqualTo("SC-1");
    assertThat(row.getDisposition()).isEqualTo("bounce of our mail on SC-1, SC-2");
    assertThat(row.getProcessedAt()).isEqualTo(NOW);
    verify(ledger).saveAndFlush(row);
    verify(cases, never()).open(any());
  }

  @Test
  void aBounceOfNothingOfOursIsRecordedWithoutCase() {
    InboundMail row = stored(raw("Return-Path: <>\n", "undeliverable"));
    when(cases.markUndeliverable(anyList(), anyString())).thenReturn(List.of());
    processor.processRecorded(7L);
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.BOUNCED);
    assertThat(row.getCaseNumber()).isNull();
    assertThat(row.getDisposition()).isEqualTo("bounce of no message of ours");
    verify(ledger).saveAndFlush(row);
  }

  @Test
  void autoRepliesAreIgnoredWithTheReason() {
    InboundMail row = stored(raw("Auto-Submitted: auto-replied\n", "Out of office"));
    processor.processRecorded(7L);
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.IGNORED);
    assertThat(row.getDisposition()).isEqualTo("automatic reply (Auto-Submitted)");
    assertThat(row.getCaseNumber()).isNull();
    assertThat(row.getProcessedAt()).isEqualTo(NOW);
    verify(ledger).saveAndFlush(row);
    verifyNoInteractions(cases);
  }

  @Test
  void bulkMailIsIgnoredWithTheReason() {
    InboundMail row = stored(raw("Precedence: bulk\n", "Newsletter"));
    processor.processRecorded(7L);
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.IGNORED);
    assertThat(row.getDisposition()).isEqualTo("bulk or list mail (Precedence/List-Id)");
    verifyNoInteractions(cases);
  }

  @Test
  void mailFromOurOwnAddressesIsIgnored() {
    for (String from : List.of("Service@AfterSales.local", "INBOX@aftersales.local")) {
      InboundMail row = stored(("Message-ID: <own@x>\r\nFrom: " + from + "\r\nSubject: loop\r\n\r\nHi\r\n")
          .getBytes(StandardCharsets.UTF_8));
      processor.processRecorded(7L);
      assertThat(row.getStatus()).isEqualTo(InboundMail.Status.IGNORED);
      assertThat(row.getDisposition()).isEqualTo("sent from our own address");
    }
    verifyNoInteractions(cases);
  }

  @Test
  void ownAddressesAreOnlyRealAddresses() {
    // A username without '@' is no address; a padded upper-case sender address still is ours.
    processor = processor(settings(" Care@Example.com ", "service"));
    InboundMail row = stored(("Message-ID: <own@x>\r\nFrom: service@aftersales.local\r\nSubject: hi\r\n\r\nHi\r\n")
        .getBytes(StandardCharsets.UTF_8));
    when(cases.findCaseForReply(anyList(), anyString())).thenReturn(Optional.empty());
    when(cases.open(any())).thenReturn(new OpenedCase(1L, "SC-5", "t"));
    processor.processRecorded(7L);
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.PROCESSED);

    InboundMail own = stored(("Message-ID: <own2@x>\r\nFrom: care@example.com\r\nSubject: hi\r\n\r\nHi\r\n")
        .getBytes(StandardCharsets.UTF_8));
    processor.processRecorded(7L);
    assertThat(own.getStatus()).isEqualTo(InboundMail.Status.IGNORED);
  }

  @Test
  void aMailboxWithoutUsernameStillKnowsTheSenderAddress() {
    processor = processor(settings("service@aftersales.local", null));
    InboundMail own = stored(("Message-ID: <own@x>\r\nFrom: service@aftersales.local\r\nSubject: hi\r\n\r\nHi\r\n")
        .getBytes(StandardCharsets.UTF_8));
    processor.processRecorded(7L);
    assertThat(own.getStatus()).isEqualTo(InboundMail.Status.IGNORED);
  }

  @Test
  void aPersonsNewMailOpensACase() {
    InboundMail row = stored(raw("", "  The kettle leaks.  "));
    when(cases.findCaseForReply(List.of(), "Kettle leaks")).thenReturn(Optional.empty());
    when(cases.open(any())).thenReturn(new OpenedCase(3L, "SC-2026-000003", "token"));
    processor.processRecorded(7L);

    ArgumentCaptor<OpenCaseCommand> command = ArgumentCaptor.forClass(OpenCaseCommand.class);
    verify(cases).open(command.capture());
    assertThat(command.getValue()).isEqualTo(new OpenCaseCommand(SourceChannel.EMAIL, "Maria Rossi",
        "maria@example.com", null, null, null, null, null, null, "Kettle leaks", "The kettle leaks.",
        "<in1@example.com>"));
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.PROCESSED);
    assertThat(row.getCaseNumber()).isEqualTo("SC-2026-000003");
    assertThat(row.getRaw()).isNull();
    assertThat(row.getProcessedAt()).isEqualTo(NOW);
    verify(ledger).saveAndFlush(row);
  }

  @Test
  void aReplyFromTheCustomerJoinsTheCase() {
    InboundMail row =
        stored(raw("In-Reply-To: <ours@aftersales.local>\nReferences: <first@x> <ours@aftersales.local>\n",
            "Still leaking"));
    List<String> refs = List.of("<ours@aftersales.local>", "<first@x>", "<ours@aftersales.local>");
    when(cases.findCaseForReply(refs, "Kettle leaks"))
        .thenReturn(Optional.of(new ServiceCases.ReplyTarget("SC-1", "MARIA@example.com")));
    when(cases.addCustomerMessage("SC-1", SourceChannel.EMAIL, "maria@example.com", "Kettle leaks", "Still leaking",
        "<in1@example.com>", "<ours@aftersales.local>")).thenReturn("SC-1");
    processor.processRecorded(7L);
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.PROCESSED);
    assertThat(row.getCaseNumber()).isEqualTo("SC-1");
    verify(cases, never()).open(any());
    verify(cases, never()).openFromOtherSender(any(), any());
  }

  @Test
  void aReplyFoundBySubjectAloneHasNoInReplyTo() {
    InboundMail row = stored(raw("", "Still leaking"));
    when(cases.findCaseForReply(List.of(), "Kettle leaks"))
        .thenReturn(Optional.of(new ServiceCases.ReplyTarget("SC-1", "maria@example.com")));
    when(cases.addCustomerMessage("SC-1", SourceChannel.EMAIL, "maria@example.com", "Kettle leaks", "Still leaking",
        "<in1@example.com>", null)).thenReturn("SC-4");
    processor.processRecorded(7L);
    assertThat(row.getCaseNumber()).isEqualTo("SC-4");
  }

  @Test
  void aReplyFromAnotherSenderOpensItsOwnFlaggedCase() {
    InboundMail row = stored(raw("In-Reply-To: <ours@aftersales.local>\n", "It is my kettle"));
    when(cases.findCaseForReply(anyList(), anyString()))
        .thenReturn(Optional.of(new ServiceCases.ReplyTarget("SC-1", "paul@example.com")));
    when(cases.openFromOtherSender(any(), eq("SC-1"))).thenReturn(new OpenedCase(9L, "SC-9", "t"));
    processor.processRecorded(7L);
    ArgumentCaptor<OpenCaseCommand> command = ArgumentCaptor.forClass(OpenCaseCommand.class);
    verify(cases).openFromOtherSender(command.capture(), eq("SC-1"));
    assertThat(command.getValue().email()).isEqualTo("maria@example.com");
    assertThat(command.getValue().message()).isEqualTo("It is my kettle");
    assertThat(row.getCaseNumber()).isEqualTo("SC-9");
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.PROCESSED);
    verify(cases, never()).addCustomerMessage(any(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void aMailWaitsForAnEarlierPendingMail() {
    InboundMail row = stored(7L, raw("In-Reply-To: <prev@example.com>\n", "Second"), NOW.minusSeconds(60));
    when(jdbc.queryForList(anyString(), eq(Long.class), any(Object[].class))).thenAnswer(inv -> {
      Object[] args = inv.getRawArguments();
      Object[] params = (Object[]) args[2];
      assertThat(params[0]).isEqualTo(7L);
      assertThat(params[1]).isEqualTo("maria@example.com");
      assertThat(params[2]).isEqualTo(7L);
      assertThat((String[]) params[3]).containsExactly("<prev@example.com>");
      return List.of(5L);
    });
    assertThatThrownBy(() -> processor.processRecorded(7L)).isInstanceOf(InboundMailJobs.EarlierMailPending.class)
        .hasMessage("Inbound mail 7 waits for the earlier mail 5");
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.RECEIVED);
    verify(ledger, never()).saveAndFlush(any());
    verifyNoInteractions(cases);
  }

  @Test
  void aMailWithNothingEarlierPendingGoesAhead() {
    InboundMail row = stored(7L, raw("", "Hi"), NOW.minus(Duration.ofMinutes(2)));
    when(jdbc.queryForList(anyString(), eq(Long.class), any(Object[].class))).thenReturn(List.of());
    when(cases.findCaseForReply(anyList(), anyString())).thenReturn(Optional.empty());
    when(cases.open(any())).thenReturn(new OpenedCase(1L, "SC-1", "t"));
    processor.processRecorded(7L);
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.PROCESSED);
    verify(jdbc).queryForList(anyString(), eq(Long.class), any(Object[].class));
  }

  @Test
  void afterTheOrderWaitAMailNoLongerWaits() {
    InboundMail row = stored(7L, raw("", "Hi"), NOW.minus(Duration.ofMinutes(2)).minusMillis(1));
    when(jdbc.queryForList(anyString(), eq(Long.class), any(Object[].class))).thenReturn(List.of(5L));
    when(cases.findCaseForReply(anyList(), anyString())).thenReturn(Optional.empty());
    when(cases.open(any())).thenReturn(new OpenedCase(1L, "SC-1", "t"));
    processor.processRecorded(7L);
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.PROCESSED);
    verify(jdbc, never()).queryForList(anyString(), eq(Long.class), any(Object[].class));
  }

  // --- record -----------------------------------------------------------------------------------------

  private List<Object[]> stubInsert(Long id) throws Exception {
    List<Object[]> calls = new ArrayList<>();
    ResultSet rs = mock(ResultSet.class);
    when(rs.next()).thenReturn(id != null);
    if (id != null) when(rs.getLong(1)).thenReturn(id);
    doAnswer(inv -> {
      Object[] args = inv.getRawArguments();
      calls.add((Object[]) args[2]);
      return ((ResultSetExtractor<?>) args[1]).extractData(rs);
    }).when(jdbc).query(anyString(), any(ResultSetExtractor.class), any(Object[].class));
    return calls;
  }

  @Test
  void aNewMailIsRecordedAndItsJobQueued() throws Exception {
    List<Object[]> calls = stubInsert(42L);
    byte[] raw = raw("", "Hi");
    assertThat(processor.record(raw, "INBOX")).isTrue();
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0)).containsExactly("<in1@example.com>", "INBOX", "maria@example.com", "Kettle leaks", raw,
        Timestamp.from(NOW));
    ArgumentCaptor<MessageEntity> job = ArgumentCaptor.forClass(MessageEntity.class);
    verify(jobManager).send(job.capture());
    assertThat(job.getValue().getJobHandlerType()).isEqualTo(InboundMailJobs.TYPE);
    assertThat(job.getValue().getJobHandlerConfigurationRaw()).isEqualTo("42");
    assertThat(job.getValue().getRetries()).isEqualTo(6);
    verify(txManager).commit(any());
  }

  @Test
  void aMailRecordedBeforeIsNotQueuedAgain() throws Exception {
    stubInsert(null);
    assertThat(processor.record(raw("", "Hi"), "INBOX")).isFalse();
    verify(engine, never()).getCommandExecutorTxRequired();
    verifyNoInteractions(jobManager);
  }

  @Test
  void theLedgerGetsStorableShortenedHeadlines() throws Exception {
    List<Object[]> calls = stubInsert(1L);
    String subject = "s".repeat(1200);
    byte[] raw = ("From: \"Paul P.\" <Paul@Example.com>\r\nSubject: " + subject + "\r\n\r\nHi\r\n")
        .getBytes(StandardCharsets.UTF_8);
    processor.record(raw, "Other");
    Object[] params = calls.get(0);
    assertThat(params[1]).isEqualTo("Other");
    assertThat(params[2]).isEqualTo("Paul@Example.com");
    assertThat((String) params[3]).hasSize(1000);

    byte[] noFrom = "Subject: a\u0000b\r\n\r\nHi\r\n".getBytes(StandardCharsets.UTF_8);
    processor.record(noFrom, "INBOX");
    assertThat(calls.get(1)[2]).isNull();
    assertThat(calls.get(1)[3]).isEqualTo("ab");
  }

  @Test
  void aTooLargeMailIsListedAsFailed() {
    when(jdbc.update(anyString(), any(Object[].class))).thenReturn(1);
    assertThat(processor.recordTooLarge(" <big@x> ", "maria@example.com", "Photos", 30_000_000L, "INBOX")).isTrue();
    ArgumentCaptor<Object[]> params = ArgumentCaptor.forClass(Object[].class);
    verify(jdbc).update(anyString(), params.capture());
    Object[] p = params.getValue();
    assertThat(p[0]).isEqualTo("<big@x>");
    assertThat(p[1]).isEqualTo("INBOX");
    assertThat(p[2]).isEqualTo("maria@example.com");
    assertThat(p[3]).isEqualTo("Photos");
    assertThat(p[4]).isEqualTo("too large to read (30000000 bytes, limit " + DataSize.ofMegabytes(25).toBytes()
        + "): it stays in the mailbox; answer it from there");
    assertThat(p[5]).isEqualTo(Timestamp.from(NOW));
  }

  @Test
  void aTooLargeMailWithoutUsableIdGetsARandomKey() {
    when(jdbc.update(anyString(), any(Object[].class))).thenReturn(0);
    assertThat(processor.recordTooLarge(null, null, null, 1, "INBOX")).isFalse();
    assertThat(processor.recordTooLarge("  ", null, null, 1, "INBOX")).isFalse();
    assertThat(processor.recordTooLarge("<" + "x".repeat(400) + ">", null, null, 1, "INBOX")).isFalse();
    String exactly400 = "<" + "x".repeat(398) + ">";
    processor.recordTooLarge(exactly400, null, null, 1, "INBOX");
    ArgumentCaptor<Object[]> params = ArgumentCaptor.forClass(Object[].class);
    verify(jdbc, org.mockito.Mockito.times(4)).update(anyString(), params.capture());
    List<Object[]> all = params.getAllValues();
    for (int i = 0; i < 3; i++)
      assertThat((String) all.get(i)[0]).startsWith("too-large:").hasSize(10 + 36);
    assertThat(all.get(0)[0]).isNotEqualTo(all.get(1)[0]);
    assertThat(all.get(3)[0]).isEqualTo(exactly400);
  }

  @Test
  void anUnfetchableMailIsListedByItsUid() {
    when(jdbc.update(anyString(), any(Object[].class))).thenReturn(1, 0);
    assertThat(processor.recordUnfetchable("17:4", "BAD fetch", "INBOX")).isTrue();
    assertThat(processor.recordUnfetchable("17:4", "BAD fetch", "INBOX")).isFalse();
    ArgumentCaptor<Object[]> params = ArgumentCaptor.forClass(Object[].class);
    verify(jdbc, org.mockito.Mockito.times(2)).update(anyString(), params.capture());
    assertThat(params.getValue()).containsExactly("unfetchable:INBOX:17:4", "INBOX",
        "the mail server could not hand this message over (BAD fetch): it stays in the mailbox (UID 17:4); read it there",
        Timestamp.from(NOW));
  }

  // --- retry ------------------------------------------------------------------------------------------

  @Test
  void onlyAFailedMailCanBeRetried() {
    stored(raw("", "Hi")); // RECEIVED
    assertThatThrownBy(() -> processor.retry(7L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No failed inbound mail 7");
    when(ledger.findById(8L)).thenReturn(Optional.empty());
    assertThatThrownBy(() -> processor.retry(8L)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRetryWithoutStoredCopyIsRefusedWithTheError() {
    InboundMail row = stored(null);
    row.failed("too large to read");
    assertThat(processor.retry(7L)).contains("too large to read");
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.FAILED);
    verifyNoInteractions(jobManager);
  }

  @Test
  void aStillUnreadableMailIsRefused() {
    InboundMail row = stored("Subject: x\r\n\r\nno sender\r\n".getBytes(StandardCharsets.UTF_8));
    row.failed("unreadable: no sender address");
    assertThat(processor.retry(7L)).contains("unreadable: no sender address");
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.FAILED);
    verify(ledger, never()).saveAndFlush(any());
    verifyNoInteractions(jobManager);
  }

  @Test
  void aReadableFailedMailIsQueuedAgain() {
    InboundMail row = stored(raw("", "Hi"));
    row.failed("database down");
    assertThat(processor.retry(7L)).isEmpty();
    assertThat(row.getStatus()).isEqualTo(InboundMail.Status.RECEIVED);
    assertThat(row.getError()).isNull();
    verify(ledger).saveAndFlush(row);
    ArgumentCaptor<MessageEntity> job = ArgumentCaptor.forClass(MessageEntity.class);
    verify(jobManager).send(job.capture());
    assertThat(job.getValue().getJobHandlerConfigurationRaw()).isEqualTo("7");
    assertThat(job.getValue().getRetries()).isEqualTo(6);
  }
}
