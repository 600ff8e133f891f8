package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftersales.IntegrationTestSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Two nodes on one database and one mailbox, one of them killed with SIGKILL while it reads mail, runs
 * jobs and sends acknowledgements. The node this test runs in takes over the mailbox (its lease runs out),
 * the dead node's jobs (their lock runs out) and its claimed outbox rows: every mail becomes exactly one
 * case, every customer gets an acknowledgement, nothing stays unseen or RECEIVED.
 */
class ClusterNodeIT extends IntegrationTestSupport {
  private static final int CUSTOMERS = 30;

  @Autowired
  MailboxPoller poller;
  @Autowired
  EmbeddedPostgres postgres;
  @Value("${aftersales.demo.mail-server.smtp-port}")
  int smtpPort;

  @Test
  void aNodeKilledMidWorkLosesNothingAndDoublesNothing() throws Exception {
    Path log = Files.createTempFile("aftersales-node2-", ".log");
    Process node = startSecondNode(log);
    try {
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
        assertThat(node.isAlive()).as("second node died while starting; see " + log).isTrue();
        return Files.readString(log).contains("Started AftersalesApplication");
      });

      String run = UUID.randomUUID().toString().substring(0, 8);
      List<String> customers = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < CUSTOMERS; i++) {
        String customer = "node" + i + "." + run + "@cluster.example.com";
        String id = "<node" + i + "." + run + "@cluster.example.com>";
        customers.add(customer);
        ids.add(id);
        deliverToServiceMailbox(
            rawMail(id, customer, "Blender " + i, "My blender number " + i + " stopped.", Map.of()));
      }
      // The second node polls every second: kill it as soon as it has started on this batch.
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(
          () -> count("select count(*) from aftersales.inbound_mail where ledger_key like ?", "%." + run + "@%") > 0);
      node.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
      node.waitFor();

      // This node carries on: it gets the mailbox when the dead node's lease runs out, and its jobs.
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
        poller.poll();
        return count("select count(*) from aftersales.inbound_mail where ledger_key like ? and status = 'PROCESSED'",
            "%." + run + "@%") == CUSTOMERS;
      });
      for (String customer : customers) {
        assertThat(count("select count(*) from aftersales.service_case c join aftersales.customer u"
            + " on u.id = c.customer_id where u.email = ?", customer)).as(customer).isEqualTo(1);
      }
      // Every acknowledgement goes out; a claim of the dead node is taken over after 30 s.
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
          .until(() -> customers.stream().allMatch(c -> greenMail.getReceivedMessagesForDomain(c).length > 0));
      Thread.sleep(2_000);
      int copies = 0;
      for (String customer : customers) {
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain(customer);
        copies += received.length;
        assertThat(Arrays.stream(received).map(this::messageId).distinct().count()).as(customer).isEqualTo(1);
      }
      // At most the one mail the dead node may have had between the server's "250 OK" and its own record.
      assertThat(copies).isBetween(CUSTOMERS, CUSTOMERS + 1);
      assertThat(unseenInServiceMailbox()).isZero();
    } finally {
      node.destroyForcibly();
    }
  }

  private String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Process startSecondNode(Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), "io.aftersales.AftersalesApplication",
        "--server.port=" + freePort(),
        "--aftersales.demo.database.enabled=false",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--aftersales.demo.mail-server.enabled=false",
        "--aftersales.demo.data.enabled=false",
        "--aftersales.demo.mail-server.smtp-port=" + smtpPort,
        "--aftersales.demo.mail-server.imap-port=" + imapPort,
        "--aftersales.mail.imap.poll-interval=PT1S",
        "--aftersales.mail.imap.initial-delay=PT0S",
        "--aftersales.mail.imap.idle=false",
        "--aftersales.mail.imap.lease=PT5S",
        "--camunda.bpm.job-execution.lock-time-in-millis=5000",
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000"));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .directory(new File(".")).start();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

}
