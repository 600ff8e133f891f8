package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.unit.DataSize;

/** Starting and stopping the IDLE connection: stop ends a waiting IDLE and an outage's back-off at once. */
class MailboxIdleLifecycleTest {
  private GreenMail server;
  private MailboxIdle idle;
  private final AtomicInteger polls = new AtomicInteger();

  @AfterEach
  void tearDown() {
    if (idle != null) idle.stop();
    if (server != null) server.stop();
  }

  private static MailSettings.Imap imap(int port) {
    return new MailSettings.Imap("127.0.0.1", port, false, "service@idle.test", "secret", "INBOX", Duration.ofHours(1),
        50, Duration.ofMinutes(2), true, Duration.ofHours(1), Duration.ofMinutes(2), DataSize.ofMegabytes(25), 6,
        Duration.ofSeconds(10), Duration.ofMinutes(2));
  }

  private Thread idleThread() {
    return (Thread) ReflectionTestUtils.getField(idle, "thread");
  }

  @Test
  void stopEndsAWaitingIdle() throws Exception {
    server = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[]{ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
    server.start();
    server.setUser("service@idle.test", "service@idle.test", "secret");
    idle = new MailboxIdle(imap(server.getImap().getPort()), polls::incrementAndGet);
    assertThat(idle.isRunning()).isFalse();
    idle.start();
    assertThat(idle.isRunning()).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() >= 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> idleThread().getState() != Thread.State.RUNNABLE
        || ReflectionTestUtils.getField(idle, "current") != null);
    Thread thread = idleThread();
    idle.stop();
    assertThat(idle.isRunning()).isFalse();
    thread.join(5_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(((ScheduledExecutorService) ReflectionTestUtils.getField(idle, "renewal")).isShutdown()).isTrue();
    assertThat(idle.supported()).isTrue();
  }

  @Test
  void anUnreachableServerIsRetriedAndStopEndsTheWait() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    idle = new MailboxIdle(imap(port), polls::incrementAndGet);
    idle.start();
    Thread.sleep(500);
    assertThat(idle.isRunning()).isTrue();
    assertThat(polls.get()).isZero();
    Thread thread = idleThread();
    idle.stop();
    thread.join(5_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(idle.isRunning()).isFalse();
  }

  @Test
  void stoppingBeforeStartingIsHarmless() {
    idle = new MailboxIdle(imap(1), polls::incrementAndGet);
    idle.stop();
    assertThat(idle.isRunning()).isFalse();
    assertThat(polls.get()).isZero();
  }
}
