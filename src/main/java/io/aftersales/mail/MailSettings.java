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
      @DefaultValue("PT2M") Duration alertAfter) {}
}
