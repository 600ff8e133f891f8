package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/** The mailbox reader against a real IMAP server (GreenMail), with the ledger and the lease mocked. */
class MailboxPollerTest {
  private static final String USER = "service@poll.test";
  private static final String LEASE = "insert into aftersales.mailbox_lease";

  private GreenMail server;
  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final InboundMailProcessor processor = mock(InboundMailProcessor.class);
  private final TeamLeadAlerts alerts = mock(TeamLeadAlerts.class);

  @BeforeEach
  void start() {
    server = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[]{ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
    server.start();
    server.setUser(USER, USER, "secret");
    when(jdbc.update(startsWith(LEASE), any(Object[].class))).thenReturn(1);
    when(processor.record(any(), anyString())).thenReturn(true);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private MailSettings settings(int port, int batchSize, Duration alertAfter, DataSize maxSize) {
    return new MailSettings("service@aftersales.local", "Care", "aftersales.local", new MailSettings.Imap("127.0.0.1",
        port, false, USER, "secret", "INBOX", Duration.ofSeconds(30), batchSize, alertAfter, true,
        Duration.ofMinutes(10), Duration.ofSeconds(90), maxSize, 6, Duration.ofSeconds(10), Duration.ofMinutes(2)));
  }

  private MailboxPoller poller(int batchSize) {
    return new MailboxPoller(settings(server.getImap().getPort(), batchSize, Duration.ofMinutes(2),
        DataSize.ofMegabytes(25)), processor, jdbc, alerts);
  }

  private void mailArrives(String subject) {
    GreenMailUtil.sendTextEmail(USER, "customer@example.com", subject, "Hello", server.getSmtp().getServerSetup());
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void unseenMessagesAreRecordedOnceAndFlaggedSeen() throws Exception {
    MailboxPoller poller = poller(50);
    mailArrives("Kettle leaks");
    mailArrives("Lid broken");
    assertThat(poller.poll()).isEqualTo(2);
    ArgumentCaptor<byte[]> raw = ArgumentCaptor.forClass(byte[].class);
    verify(processor, times(2)).record(raw.capture(), eq("INBOX"));
    assertThat(new String(raw.getAllValues().get(0), StandardCharsets.UTF_8)).contains("Subject: Kettle leaks");
    assertThat(new String(raw.getAllValues().get(1), StandardCharsets.UTF_8)).contains("Subject: Lid broken");
    assertThat(server.getReceivedMessages())
        .allSatisfy(m -> assertThat(m.isSet(jakarta.mail.Flags.Flag.SEEN)).isTrue());

    assertThat(poller.poll()).isZero();
    verify(processor, times(2)).record(any(), anyString());
    assertThat(poller.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void aMessageRecordedBeforeIsStillFlaggedSeen() throws Exception {
    when(processor.record(any(), anyString())).thenReturn(false);
    mailArrives("Again");
    assertThat(poller(50).poll()).isEqualTo(1);
    assertThat(server.getReceivedMessages()[0].isSet(jakarta.mail.Flags.Flag.SEEN)).isTrue();
  }

  @Test
  void theLeaseNamesTheMailboxThisNodeAndItsLength() throws Exception {
    MailboxPoller poller = poller(50);
    poller.poll();
    poller.poll();
    ArgumentCaptor<Object> mailbox = ArgumentCaptor.forClass(Object.class);
    ArgumentCaptor<Object> node = ArgumentCaptor.forClass(Object.class);
    ArgumentCaptor<Object> seconds = ArgumentCaptor.forClass(Object.class);
    verify(jdbc, times(2)).update(startsWith(LEASE), mailbox.capture(), node.capture(), seconds.capture());
    assertThat(mailbox.getValue()).isEqualTo(USER + "@127.0.0.1/INBOX");
    assertThat(seconds.getValue()).isEqualTo(90L);
    assertThat((String) node.getValue()).hasSize(36).isEqualTo(node.getAllValues().get(0));
  }

  @Test
  void atMostABatchPerPoll() throws Exception {
    MailboxPoller poller = poller(2);
    mailArrives("one");
    mailArrives("two");
    mailArrives("three");
    assertThat(poller.poll()).isEqualTo(2);
    assertThat(poller.poll()).isEqualTo(1);
    assertThat(poller.poll()).isZero();
  }

  @Test
  void withoutTheLeaseNothingIsRead() throws Exception {
    when(jdbc.update(startsWith(LEASE), any(Object[].class))).thenReturn(0);
    mailArrives("one");
    assertThat(poller(50).poll()).isZero();
    verifyNoInteractions(processor);
    assertThat(server.getReceivedMessages()[0].isSet(jakarta.mail.Flags.Flag.SEEN)).isFalse();
  }

  @Test
  void withoutTheDatabaseNothingIsRead() throws Exception {
    when(jdbc.update(startsWith(LEASE), any(Object[].class)))
        .thenThrow(new org.springframework.dao.DataAccessResourceFailureException("down"));
    mailArrives("one");
    assertThat(poller(50).poll()).isZero();
    verifyNoInteractions(processor);
  }

  @Test
  void aMessageTheDatabaseDoesNotTakeStaysUnseen() throws Exception {
    when(processor.record(any(), anyString())).thenReturn(true)
        .thenThrow(new org.springframework.dao.DataAccessResourceFailureException("down")).thenReturn(true);
    MailboxPoller poller = poller(50);
    mailArrives("one");
    mailArrives("two");
    mailArrives("three");
    assertThat(poller.poll()).isEqualTo(1);
    assertThat(server.getReceivedMessages()[1].isSet(jakarta.mail.Flags.Flag.SEEN)).isFalse();
    assertThat(server.getReceivedMessages()[2].isSet(jakarta.mail.Flags.Flag.SEEN)).isFalse();
    assertThat(poller.poll()).isEqualTo(2);
  }

  @Test
  void aTooLargeMessageIsListedAndNotRead() throws Exception {
    when(processor.recordTooLarge(any(), any(), any(), anyLong(), anyString())).thenReturn(true);
    MailboxPoller poller = new MailboxPoller(settings(server.getImap().getPort(), 50, Duration.ofMinutes(2),
        DataSize.ofBytes(10)), processor, jdbc, alerts);
    mailArrives("Photos");
    assertThat(poller.poll()).isEqualTo(1);
    ArgumentCaptor<Long> size = ArgumentCaptor.forClass(Long.class);
    verify(processor).recordTooLarge(argThat(id -> id != null && id.startsWith("<")), eq("customer@example.com"),
        eq("Photos"), size.capture(), eq("INBOX"));
    assertThat(size.getValue()).isGreaterThan(10L);
    verify(processor, never()).record(any(), anyString());
    assertThat(server.getReceivedMessages()[0].isSet(jakarta.mail.Flags.Flag.SEEN)).isTrue();
  }

  @Test
  void aMessageOfExactlyTheLimitIsRead() throws Exception {
    mailArrives("Exact");
    MailSettings.Imap imap =
        settings(server.getImap().getPort(), 50, Duration.ofMinutes(2), DataSize.ofBytes(1)).imap();
    int size;
    try (jakarta.mail.Store store = MailboxPoller.connect(imap, 30_000)) {
      jakarta.mail.Folder inbox = store.getFolder("INBOX");
      inbox.open(jakarta.mail.Folder.READ_ONLY);
      size = inbox.getMessage(1).getSize(); // as the server reports it
      inbox.close(false);
    }
    MailboxPoller poller = new MailboxPoller(settings(server.getImap().getPort(), 50, Duration.ofMinutes(2),
        DataSize.ofBytes(size)), processor, jdbc, alerts);
    assertThat(poller.poll()).isEqualTo(1);
    verify(processor).record(any(), eq("INBOX"));
    verify(processor, never()).recordTooLarge(any(), any(), any(), anyLong(), anyString());
  }

  @Test
  void anUnreachableMailboxIsHealthyUntilAlertAfter() throws Exception {
    MailboxPoller poller = new MailboxPoller(settings(closedPort(), 50, Duration.ofHours(1), DataSize.ofMegabytes(25)),
        processor, jdbc, alerts);
    assertThatThrownBy(poller::poll).isInstanceOf(MessagingException.class);
    assertThat(poller.health().getStatus()).isEqualTo(Status.UP);
    verifyNoInteractions(alerts);
    poller.scheduledPoll(); // logged, not thrown
    verifyNoInteractions(processor);
  }

  @Test
  void anUnreachableMailboxForAlertAfterIsDownAndAlerts() throws Exception {
    Instant before = Instant.now();
    MailboxPoller poller = new MailboxPoller(settings(closedPort(), 50, Duration.ZERO, DataSize.ofMegabytes(25)),
        processor, jdbc, alerts);
    doThrow(new IllegalStateException("tasks down")).when(alerts).raise(any(), any(), any(), any());
    assertThatThrownBy(poller::poll).isInstanceOf(MessagingException.class); // the alert's failure is not thrown
    var health = poller.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat((String) health.getDetails().get("error")).contains("Couldn't connect");
    Instant since = Instant.parse((String) health.getDetails().get("failingSince"));
    assertThat(since).isBetween(before, Instant.now());
    verify(alerts).raise(eq("mailbox-outage"), eq(since), eq("Service mailbox cannot be read"),
        argThat(
            s -> s.startsWith("Since " + since + " the service mailbox " + USER + " on 127.0.0.1 cannot be read: ")));

    // still failing: the outage keeps its start
    assertThatThrownBy(poller::poll).isInstanceOf(MessagingException.class);
    verify(alerts, times(2)).raise(eq("mailbox-outage"), eq(since), any(), any());
  }

  @Test
  void aMailboxReachableAgainIsHealthy() throws Exception {
    int port = server.getImap().getPort();
    MailboxPoller poller = new MailboxPoller(settings(port, 50, Duration.ZERO, DataSize.ofMegabytes(25)), processor,
        jdbc, alerts);
    ServerSetup[] same = {server.getSmtp().getServerSetup(), server.getImap().getServerSetup()};
    server.stop();
    assertThatThrownBy(poller::poll).isInstanceOf(MessagingException.class);
    assertThat(poller.health().getStatus()).isEqualTo(Status.DOWN);
    server = new GreenMail(same);
    server.start();
    server.setUser(USER, USER, "secret");
    assertThat(poller.poll()).isZero();
    assertThat(poller.health().getStatus()).isEqualTo(Status.UP);
    assertThat(poller.health().getDetails()).isEmpty();
  }
}
