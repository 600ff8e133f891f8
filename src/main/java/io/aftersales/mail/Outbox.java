package io.aftersales.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The customer-mail outbox: a message is written in the business transaction ({@link #enqueue}) and handed
 * to SMTP only after that transaction committed, by a sender that any node runs.
 *
 * <ul>
 *   <li><b>Once:</b> a sender claims a row (PENDING → SENDING, {@code FOR UPDATE SKIP LOCKED}, committed),
 *       sends it, and records SENT. If recording fails after the server accepted the message (database
 *       down, a failure at commit), the node keeps the fact in memory and records it when it can: the
 *       message is not sent again. A failure before the server accepted it puts the row back to PENDING.
 *   <li><b>Never lost:</b> a row claimed by a node that stopped (no heartbeat for 15 s) is taken over by a
 *       node that has itself reached the database for 30 s, and sent. Only a node dying in the
 *       milliseconds between the server's "250 OK" and its own record can cause one duplicate.
 *   <li><b>Back-off:</b> 5 s doubling up to {@code max-backoff} (30 s), so once SMTP is back every waiting
 *       mail goes out within a minute; after {@code give-up-after} a message is FAILED for team leads.
 *   <li><b>Visible:</b> SMTP failing for {@code alert-after} turns health DOWN and gives team leads a task.
 * </ul>
 */
@Component("outbox")
class Outbox implements HealthIndicator {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final String nodeId = UUID.randomUUID().toString();
  private final JdbcTemplate jdbc;
  private final JavaMailSender smtp;
  private final MailSettings mail;
  private final OutboxSettings settings;
  private final TeamLeadAlerts alerts;
  private final Clock clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "mail-outbox");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean queued = new AtomicBoolean();
  /** Accepted by the SMTP server, SENT not yet recorded (the database failed): never sent again. */
  private final Map<Long, Instant> acceptedUnrecorded = new ConcurrentHashMap<>();
  private volatile Instant databaseReachableSince;
  private volatile Instant smtpFailingSince;
  private volatile String lastSmtpError;

  Outbox(JdbcTemplate jdbc, JavaMailSender smtp, MailSettings mail, OutboxSettings settings, TeamLeadAlerts alerts,
      Clock clock) {
    this.jdbc = jdbc;
    this.smtp = smtp;
    this.mail = mail;
    this.settings = settings;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** Writes a message in the caller's transaction; it is sent after that transaction commits. */
  void enqueue(String messageId, Long caseId, String recipient, String subject, String body, String inReplyTo) {
    enqueue(messageId, caseId, recipient, subject, body, inReplyTo, null);
  }

  /**
   * @param redactedBody what replaces the body once the mail is sent (it carried a secret, e.g. the customer's
   *     status link); null keeps the body
   */
  void enqueue(String messageId, Long caseId, String recipient, String subject, String body, String inReplyTo,
      String redactedBody) {
    Instant now = clock.instant();
    jdbc.update(
        """
            insert into aftersales.outbound_mail (message_id, case_id, recipient, subject, body, in_reply_to, status,
              next_attempt_at, created_at, redacted_body) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
              on conflict (message_id) do nothing""",
        messageId, caseId, recipient, subject, body, inReplyTo, Timestamp.from(now), Timestamp.from(now), redactedBody);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          wakeUp();
        }
      });
    } else {
      wakeUp();
    }
  }

  /** Drains the outbox soon, on the sender's own thread (never in a caller's transaction). */
  void wakeUp() {
    if (queued.compareAndSet(false, true)) {
      worker.execute(() -> {
        queued.set(false);
        drain();
      });
    }
  }

  @Scheduled(fixedDelayString = "${aftersales.mail.outbox.poll-interval:PT1S}", initialDelay = 1000)
  void tick() {
    wakeUp();
  }

  /** One pass: record what was accepted, beat, take over dead nodes' claims, send everything due. */
  synchronized void drain() {
    try {
      recordAccepted();
      jdbc.update("insert into aftersales.outbox_node (node_id, seen_at) values (?, now())"
          + " on conflict (node_id) do update set seen_at = now()", nodeId);
      Instant now = clock.instant();
      if (databaseReachableSince == null) databaseReachableSince = now;
      // Nothing of ours is in flight at the start of a pass: our own SENDING rows go back to PENDING.
      jdbc.update("update aftersales.outbound_mail set status = 'PENDING', claimed_by = null where status = 'SENDING'"
          + " and claimed_by = ?" + (acceptedUnrecorded.isEmpty() ? "" : " and id not in (" + ids() + ")"), nodeId);
      if (Duration.between(databaseReachableSince, now).toSeconds() >= 30) takeOverDeadNodes();
      List<Claimed> batch;
      while (!(batch = claim()).isEmpty()) {
        for (Claimed row : batch)
          deliver(row);
        if (smtpFailingSince != null) break; // the server is down: the rest waits for its back-off
      }
      alertIfSmtpDown();
    } catch (RuntimeException e) {
      databaseReachableSince = null;
      log.warn("Mail outbox pass failed (will retry): {}", e.toString());
    }
  }

  private String ids() {
    return String.join(",", acceptedUnrecorded.keySet().stream().map(String::valueOf).toList());
  }

  record Claimed(long id, String messageId, String recipient, String subject, String body, String inReplyTo,
      int attempts, Instant createdAt) {}

  private List<Claimed> claim() {
    return jdbc.query(
        """
            update aftersales.outbound_mail set status = 'SENDING', claimed_by = ?, claimed_at = now(), attempts = attempts + 1
            where id in (select id from aftersales.outbound_mail where status = 'PENDING' and next_attempt_at <= now()
                         order by id for update skip locked limit 10)
            returning id, message_id, recipient, subject, body, in_reply_to, attempts, created_at""",
        (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant()),
        nodeId);
  }

  private void takeOverDeadNodes() {
    int taken = jdbc.update("""
        update aftersales.outbound_mail o set status = 'PENDING', claimed_by = null, next_attempt_at = now()
        where o.status = 'SENDING' and o.claimed_by <> ? and o.claimed_at < now() - interval '30 seconds'
          and not exists (select 1 from aftersales.outbox_node n
                          where n.node_id = o.claimed_by and n.seen_at > now() - interval '15 seconds')""", nodeId);
    if (taken > 0) log.warn("Took over {} mail(s) claimed by a node that stopped", taken);
    jdbc.update("delete from aftersales.outbox_node where seen_at < now() - interval '1 day'");
  }

  private void deliver(Claimed row) {
    try {
      smtp.send(mime(row));
    } catch (MailException | MessagingException | UnsupportedEncodingException e) {
      failed(row, e);
      return;
    }
    acceptedUnrecorded.put(row.id(), clock.instant());
    if (smtpFailingSince != null) log.info("SMTP works again");
    smtpFailingSince = null;
    lastSmtpError = null;
    recordAccepted();
  }

  /** Records SENT for every accepted message; what the database refuses now is recorded on a later pass. */
  private void recordAccepted() {
    for (Long id : List.copyOf(acceptedUnrecorded.keySet())) {
      try {
        // A secret the mail carried (redacted_body) leaves the database with it.
        jdbc.update("update aftersales.outbound_mail set status = 'SENT', sent_at = ?, claimed_by = null,"
            + " last_error = null, body = coalesce(redacted_body, body), redacted_body = null where id = ?",
            Timestamp.from(acceptedUnrecorded.get(id)), id);
        acceptedUnrecorded.remove(id);
      } catch (RuntimeException e) {
        log.warn("Mail {} was accepted by the server; recording it failed, will record it again: {}", id, e.toString());
        throw e;
      }
    }
  }

  private void failed(Claimed row, Exception e) {
    String error = (e.getClass().getSimpleName() + ": " + e.getMessage());
    error = error.length() > 2000 ? error.substring(0, 2000) : error;
    boolean rejected = permanent(e);
    boolean tooOld = Duration.between(row.createdAt(), clock.instant()).compareTo(settings.giveUpAfter()) > 0;
    long backoff = Math.min(settings.maxBackoff().toSeconds(), 5L << Math.min(row.attempts() - 1, 10));
    jdbc.update("update aftersales.outbound_mail set status = ?, claimed_by = null, last_error = ?,"
        + " next_attempt_at = now() + make_interval(secs => ?) where id = ?",
        rejected || tooOld ? "FAILED" : "PENDING", error, backoff, row.id());
    if (rejected) {
      log.error("Mail {} rejected by the server, not retried: {}", row.messageId(), error);
    } else {
      if (smtpFailingSince == null) smtpFailingSince = clock.instant();
      lastSmtpError = error;
      log.warn("Mail {} not sent (attempt {}), next in {} s: {}", row.messageId(), row.attempts(), backoff, error);
    }
  }

  /** The server refused this message for good (e.g. an address it does not accept): retrying cannot help. */
  private static boolean permanent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
          && sfe.getInvalidAddresses().length > 0) {
        return true;
      }
    }
    return false;
  }

  private MimeMessage mime(Claimed row) throws MessagingException, UnsupportedEncodingException {
    MimeMessage mime = smtp.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
    helper.setFrom(new InternetAddress(mail.from(), mail.fromName(), "UTF-8"));
    helper.setTo(row.recipient());
    helper.setSubject(row.subject());
    helper.setText(row.body());
    mime.saveChanges();
    mime.setHeader("Message-ID", row.messageId()); // after saveChanges, which would set its own
    if (row.inReplyTo() != null) {
      mime.setHeader("In-Reply-To", row.inReplyTo());
      mime.setHeader("References", row.inReplyTo());
    }
    return mime;
  }

  /** SMTP failing for {@code alert-after}: one task for the team leads per outage. */
  private void alertIfSmtpDown() {
    Instant since = smtpFailingSince;
    if (since == null || Duration.between(since, clock.instant()).compareTo(settings.alertAfter()) < 0) return;
    alerts.raise("mail-outage", since, "Customer mail cannot be sent", "Since " + since + " the mail server"
        + " refuses or cannot be reached; customer mail waits in the outbox and goes out by itself when the server"
        + " is back. Last error: " + lastSmtpError + ". Check the SMTP settings (AFTERSALES_SMTP_*), the password"
        + " and the server's status.");
  }

  @Override
  public Health health() {
    Instant since = smtpFailingSince;
    Map<String, Object> details = Map.of("node", nodeId, "acceptedNotYetRecorded", acceptedUnrecorded.size());
    if (since != null && Duration.between(since, clock.instant()).compareTo(settings.alertAfter()) >= 0) {
      return Health.down().withDetails(details).withDetail("smtpFailingSince", since.toString())
          .withDetail("error", String.valueOf(lastSmtpError)).build();
    }
    return Health.up().withDetails(details).build();
  }
}
