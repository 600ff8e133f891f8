package io.aftersales.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads unseen messages of the service mailbox over IMAP and only records them
 * ({@link InboundMailProcessor#record}: a ledger row and a queued job; the job makes the case). Messages are
 * fetched with PEEK (reading does not flag them) and flagged \Seen only after their ledger row committed: a
 * database that refuses or is down leaves the message unseen for the next poll, so nothing is lost. IMAP
 * IDLE ({@link MailboxIdle}) makes a poll run as soon as mail arrives; the timer is the safety net. In a cluster one node polls at a time (a lease in the
 * database). Messages are never deleted: the mailbox stays the customer's original record. A mailbox
 * that cannot be reached (password, TLS trust, outage) turns health DOWN and tells the team leads.
 */
@Component("mailbox")
@ConditionalOnExpression("'${aftersales.mail.imap.host:}' != ''")
class MailboxPoller implements org.springframework.boot.actuate.health.HealthIndicator {
  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final MailSettings settings;
  private final InboundMailProcessor processor;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final TeamLeadAlerts alerts;
  private final String nodeId = java.util.UUID.randomUUID().toString();
  private volatile java.time.Instant failingSince;
  private volatile String lastError;

  MailboxPoller(MailSettings settings, InboundMailProcessor processor, org.springframework.jdbc.core.JdbcTemplate jdbc,
      TeamLeadAlerts alerts) {
    this.settings = settings;
    this.processor = processor;
    this.jdbc = jdbc;
    this.alerts = alerts;
    log.info("Polling mailbox {}@{}:{}/{} every {}", settings.imap().username(), settings.imap().host(),
        settings.imap().port(), settings.imap().folder(), settings.imap().pollInterval());
  }

  @Scheduled(fixedDelayString = "${aftersales.mail.imap.poll-interval:PT30S}", initialDelayString = "${aftersales.mail.imap.initial-delay:PT5S}")
  void scheduledPoll() {
    try {
      poll();
    } catch (MessagingException e) {
      log.warn("Mailbox poll failed, will try again: {}", e.toString());
    }
  }

  /** One pass over the unseen messages; returns how many were recorded. */
  synchronized int poll() throws MessagingException {
    if (!leased()) return 0;
    try {
      int recorded = pollMailbox();
      if (failingSince != null) log.info("Mailbox reachable again");
      failingSince = null;
      lastError = null;
      return recorded;
    } catch (MessagingException e) {
      if (failingSince == null) failingSince = java.time.Instant.now();
      lastError = e.toString();
      alertIfDown();
      throw e;
    }
  }

  /** This node's turn to poll: it holds (or renews) the mailbox's lease, or the holder's lease ran out. */
  private boolean leased() {
    MailSettings.Imap imap = settings.imap();
    try {
      return jdbc.update("""
          insert into aftersales.mailbox_lease (mailbox, holder, until) values (?, ?, now() + ? * interval '1 second')
          on conflict (mailbox) do update set holder = excluded.holder, until = excluded.until
          where mailbox_lease.until < now() or mailbox_lease.holder = excluded.holder""",
          imap.username() + "@" + imap.host() + "/" + imap.folder(), nodeId, imap.lease().toSeconds()) == 1;
    } catch (RuntimeException e) {
      log.warn("Mailbox not polled: the database is not reachable ({})", e.toString());
      return false;
    }
  }

  private void alertIfDown() {
    java.time.Instant since = failingSince;
    if (since == null || java.time.Duration.between(since, java.time.Instant.now())
        .compareTo(settings.imap().alertAfter()) < 0) {
      return;
    }
    try {
      alerts.raise("mailbox-outage", since, "Service mailbox cannot be read", "Since " + since + " the service"
          + " mailbox " + settings.imap().username() + " on " + settings.imap().host() + " cannot be read: " + lastError
          + ". Customer mail waits there and is read when it works again. Check the IMAP settings"
          + " (AFTERSALES_IMAP_*), the password, the server's certificate (truststore) and the server's status.");
    } catch (RuntimeException e) {
      log.warn("Could not alert the team leads: {}", e.toString());
    }
  }

  @Override
  public org.springframework.boot.actuate.health.Health health() {
    java.time.Instant since = failingSince;
    if (since != null && java.time.Duration.between(since, java.time.Instant.now())
        .compareTo(settings.imap().alertAfter()) >= 0) {
      return org.springframework.boot.actuate.health.Health.down().withDetail("failingSince", since.toString())
          .withDetail("error", String.valueOf(lastError)).build();
    }
    return org.springframework.boot.actuate.health.Health.up().build();
  }

  private int pollMailbox() throws MessagingException {
    MailSettings.Imap imap = settings.imap();
    try (Store store = connect(imap, 30_000)) {
      Folder folder = store.getFolder(imap.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        int count = Math.min(unseen.length, imap.batchSize());
        int recorded = 0;
        for (int i = 0; i < count; i++) {
          Message message = unseen[i];
          boolean fresh;
          try {
            fresh = sizeOf(message) > imap.maxMessageSize().toBytes()
                ? recordTooLarge(message)
                : processor.record(rawBytes(message), imap.folder());
          } catch (jakarta.mail.FolderClosedException | jakarta.mail.StoreClosedException e) {
            throw e; // the connection is gone: the whole poll fails and is retried
          } catch (MessagingException e) {
            // This one message cannot be fetched (the server cannot render it): listed, not a poison that
            // stops every later mail at each poll.
            log.warn("Message {} of {} cannot be fetched: {}", i + 1, count, e.toString());
            fresh = processor.recordUnfetchable(((jakarta.mail.UIDFolder) folder).getUIDValidity() + ":"
                + ((jakarta.mail.UIDFolder) folder).getUID(message), e.toString(), imap.folder());
          } catch (RuntimeException e) {
            // The database did not take the ledger row (down, refusing): leave it unseen for the next poll.
            log.warn("Message {} of {} left unseen for the next poll: {}", i + 1, count, e.toString());
            break;
          }
          log.debug("Message {} of {}: {}", i + 1, count, fresh ? "recorded" : "recorded before");
          message.setFlag(Flags.Flag.SEEN, true);
          recorded++;
        }
        return recorded;
      } finally {
        folder.close(false);
      }
    }
  }

  /** A connection to the service mailbox; {@code readTimeoutMillis} 0 waits for ever (IDLE). */
  static Store connect(MailSettings.Imap imap, int readTimeoutMillis) throws MessagingException {
    Properties props = new Properties();
    String protocol = imap.ssl() ? "imaps" : "imap";
    props.put("mail.store.protocol", protocol);
    // Reading a message must not flag it \Seen: that happens only after its ledger row committed.
    props.put("mail." + protocol + ".peek", "true");
    props.put("mail." + protocol + ".connectiontimeout", "10000");
    props.put("mail." + protocol + ".timeout", Integer.toString(readTimeoutMillis));
    Store store = Session.getInstance(props).getStore(protocol);
    store.connect(imap.host(), imap.port(), imap.username(), imap.password());
    return store;
  }

  /** The size the server reports, or 0 if it cannot tell (the message is then fetched and judged whole). */
  private static long sizeOf(Message message) {
    try {
      return message.getSize();
    } catch (MessagingException e) {
      return 0;
    }
  }

  private boolean recordTooLarge(Message message) throws MessagingException {
    String[] ids = message.getHeader("Message-ID");
    String from;
    String subject;
    try {
      from = message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString();
      subject = message.getSubject();
    } catch (MessagingException e) {
      from = null;
      subject = null;
    }
    log.warn("Message {} from {} is too large ({} bytes): listed as FAILED, left in the mailbox",
        ids == null ? "?" : ids[0], from, message.getSize());
    return processor.recordTooLarge(ids == null ? null : ids[0], from, subject, message.getSize(),
        settings.imap().folder());
  }

  private static byte[] rawBytes(Message message) throws MessagingException {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new MessagingException("Could not read message", e);
    }
  }
}
