package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * IMAP IDLE against a real IMAP server (GreenMail): new mail makes a poll run within a second, without
 * waiting for the polling timer; the IDLE is renewed; a server that goes away and comes back is
 * re-connected by itself.
 */
class MailboxIdleTest {
  private GreenMail server;
  private MailboxIdle idle;
  private final AtomicInteger polls = new AtomicInteger();

  @BeforeEach
  void start() {
    server = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[]{ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
    server.start();
    server.setUser("service@idle.test", "service@idle.test", "secret");
  }

  @AfterEach
  void stop() {
    if (idle != null) idle.stop();
    server.stop();
  }

  private MailSettings.Imap settings(Duration renew) {
    return new MailSettings.Imap("127.0.0.1", server.getImap().getPort(), false, "service@idle.test", "secret", "INBOX",
        Duration.ofHours(1), 50, Duration.ofMinutes(2), true, renew, Duration.ofMinutes(2), DataSize.ofMegabytes(25), 6,
        Duration.ofSeconds(10), Duration.ofMinutes(2));
  }

  private void startIdle(Duration renew) {
    idle = new MailboxIdle(settings(renew), polls::incrementAndGet);
    idle.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() >= 1); // the poll when IDLE begins
  }

  private void mailArrives(String subject) {
    GreenMailUtil.sendTextEmail("service@idle.test", "customer@example.com", subject, "Hello",
        server.getSmtp().getServerSetup());
  }

  @Test
  void newMailTriggersAPollAtOnce() {
    startIdle(Duration.ofHours(1));
    assertThat(idle.supported()).isTrue();
    int before = polls.get();
    mailArrives("Kettle leaks");
    // The polling timer is an hour here: only IDLE can explain a poll within seconds.
    await().atMost(Duration.ofSeconds(5)).until(() -> polls.get() > before);
    int after = polls.get();
    mailArrives("Kettle still leaks");
    await().atMost(Duration.ofSeconds(5)).until(() -> polls.get() > after);
  }

  @Test
  void theIdleIsRenewedAndSurvivesTheServerGoingAway() {
    startIdle(Duration.ofMillis(500));
    int before = polls.get();
    // Renewal ends each IDLE and polls once more, with no mail arriving.
    await().atMost(Duration.ofSeconds(5)).until(() -> polls.get() >= before + 2);

    ServerSetup[] same = {server.getSmtp().getServerSetup(), server.getImap().getServerSetup()};
    server.stop();
    server = new GreenMail(same);
    server.start();
    server.setUser("service@idle.test", "service@idle.test", "secret");
    int reconnected = polls.get();
    await().atMost(Duration.ofSeconds(15)).until(() -> polls.get() > reconnected);
    int later = polls.get();
    mailArrives("After the outage");
    await().atMost(Duration.ofSeconds(5)).until(() -> polls.get() > later);
  }
}
