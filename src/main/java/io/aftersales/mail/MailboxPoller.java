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
 * Reads unseen messages of the service mailbox over IMAP and hands each to
 * {@link InboundMailProcessor}. A message is flagged \Seen only after it was recorded in the
 * ledger, so a crash in between means it is seen again and skipped as a duplicate, not lost.
 * Messages are never deleted: the mailbox stays the customer's original record.
 */
@Component
@ConditionalOnExpression("'${aftersales.mail.imap.host:}' != ''")
class MailboxPoller {
  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final MailSettings settings;
  private final InboundMailProcessor processor;

  MailboxPoller(MailSettings settings, InboundMailProcessor processor) {
    this.settings = settings;
    this.processor = processor;
    log.info("Polling mailbox {}@{}:{}/{} every {}", settings.imap().username(), settings.imap().host(),
        settings.imap().port(), settings.imap().folder(), settings.imap().pollInterval());
  }

  @Scheduled(fixedDelayString = "${aftersales.mail.imap.poll-interval:PT30S}",
      initialDelayString = "${aftersales.mail.imap.initial-delay:PT5S}")
  void scheduledPoll() {
    try {
      poll();
    } catch (MessagingException e) {
      log.warn("Mailbox poll failed, will try again: {}", e.toString());
    }
  }

  /** One pass over the unseen messages; returns how many were looked at. */
  synchronized int poll() throws MessagingException {
    MailSettings.Imap imap = settings.imap();
    Properties props = new Properties();
    String protocol = imap.ssl() ? "imaps" : "imap";
    props.put("mail.store.protocol", protocol);
    props.put("mail." + protocol + ".connectiontimeout", "10000");
    props.put("mail." + protocol + ".timeout", "30000");
    Session session = Session.getInstance(props);
    try (Store store = session.getStore(protocol)) {
      store.connect(imap.host(), imap.port(), imap.username(), imap.password());
      Folder folder = store.getFolder(imap.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        int count = Math.min(unseen.length, imap.batchSize());
        for (int i = 0; i < count; i++) {
          Message message = unseen[i];
          byte[] raw = rawBytes(message);
          InboundMailProcessor.Outcome outcome = processor.process(raw, imap.folder());
          log.debug("Message {} of {}: {}", i + 1, count, outcome);
          message.setFlag(Flags.Flag.SEEN, true);
        }
        return count;
      } finally {
        folder.close(false);
      }
    }
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
