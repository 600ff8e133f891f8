package io.aftersales.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.mail.*}: the service mailbox. Outbound SMTP itself is Spring Boot's
 * {@code spring.mail.*}.
 */
@ConfigurationProperties("aftersales.mail")
record MailSettings(
    @DefaultValue("service@aftersales.local") String from,
    @DefaultValue("Aftersales Customer Care") String fromName,
    /** Right-hand side of the Message-IDs we generate. */
    @DefaultValue("aftersales.local") String messageIdDomain,
    @DefaultValue Imap imap) {

  record Imap(
      /** Blank = the poller is off. */
      String host,
      @DefaultValue("993") int port,
      @DefaultValue("true") boolean ssl,
      String username,
      String password,
      @DefaultValue("INBOX") String folder,
      @DefaultValue("PT30S") Duration pollInterval,
      /** At most this many messages per poll, so one poll stays one short unit of work. */
      @DefaultValue("50") int batchSize,
      /** The mailbox unreachable this long (password, TLS trust, outage): health DOWN and a team-lead task. */
      @DefaultValue("PT2M") Duration alertAfter,
      /** IMAP IDLE: the server tells us of new mail at once; polling stays the safety net. */
      @DefaultValue("true") boolean idle,
      /** An IDLE is renewed this often (RFC 2177: servers may drop it after 30 minutes). */
      @DefaultValue("PT10M") Duration idleRenew,
      /** How long a node's turn to read the mailbox lasts without renewal (another node takes over). */
      @DefaultValue("PT2M") Duration lease,
      /** Larger messages are listed as FAILED (and stay in the mailbox) instead of being read into memory. */
      @DefaultValue("25MB") org.springframework.util.unit.DataSize maxMessageSize,
      /** Attempts to turn a recorded mail into a case before it is listed as FAILED for the team leads. */
      @DefaultValue("6") int processingAttempts,
      /** Wait before the second attempt; doubled for each further one. */
      @DefaultValue("PT10S") Duration processingBackoff,
      /**
       * A mail waits for the sender's earlier mail and for the mail it answers to become cases first (a reply
       * never overtakes its original), but no longer than this.
       */
      @DefaultValue("PT2M") Duration orderWait) {}
}
