package io.aftersales.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * IMAP IDLE (RFC 2177) on the service mailbox: the server tells us when mail arrives and a poll runs at
 * once, so a customer's first answer does not wait for the next poll. The connection is renewed every
 * {@code idle-renew}, re-opened after any error with back-off, and a server without IDLE leaves polling
 * alone in charge. Polling ({@link MailboxPoller}'s timer) stays the safety net either way.
 */
@Component
@ConditionalOnExpression("'${aftersales.mail.imap.host:}' != '' and ${aftersales.mail.imap.idle:true}")
class MailboxIdle implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(MailboxIdle.class);

  private final MailSettings.Imap imap;
  private final Runnable onNewMail;
  private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "mailbox-idle-renew");
    t.setDaemon(true);
    return t;
  });
  private volatile Thread thread;
  private volatile boolean running;
  private volatile Folder current;
  private volatile boolean supported = true;

  @org.springframework.beans.factory.annotation.Autowired
  MailboxIdle(MailSettings settings, MailboxPoller poller) {
    this(settings.imap(), () -> {
      try {
        poller.poll();
      } catch (MessagingException e) {
        log.warn("Mailbox poll after IDLE failed: {}", e.toString());
      }
    });
  }

  MailboxIdle(MailSettings.Imap imap, Runnable onNewMail) {
    this.imap = imap;
    this.onNewMail = onNewMail;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::loop, "mailbox-idle");
    thread.setDaemon(true);
    thread.start();
    long renewMillis = imap.idleRenew().toMillis();
    renewal.scheduleWithFixedDelay(this::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    running = false;
    renewal.shutdownNow();
    Folder folder = current;
    if (folder != null) {
      try {
        folder.getStore().close(); // ends a waiting IDLE
      } catch (MessagingException | RuntimeException e) {
        log.debug("Closing the IDLE connection: {}", e.toString());
      }
    }
    if (thread != null) thread.interrupt();
  }

  @Override
  public boolean isRunning() { return running; }

  /** Whether the server offered IDLE (false: polling alone). */
  boolean supported() {
    return supported;
  }

  private void loop() {
    Duration wait = Duration.ofSeconds(1);
    while (running) {
      try (Store store = MailboxPoller.connect(imap, 0)) {
        if (!((IMAPStore) store).hasCapability("IDLE")) {
          supported = false;
          log.info("The mail server does not offer IMAP IDLE: the mailbox is polled every {}", imap.pollInterval());
          return;
        }
        IMAPFolder folder = (IMAPFolder) store.getFolder(imap.folder());
        folder.open(Folder.READ_ONLY);
        current = folder;
        wait = Duration.ofSeconds(1);
        log.info("Waiting for new mail with IMAP IDLE on {}", imap.folder());
        while (running && folder.isOpen()) {
          onNewMail.run(); // what arrived before or while (re)connecting
          folder.idle(true); // returns on the server's first notice, or when renew() interrupts it
        }
      } catch (MessagingException | RuntimeException e) {
        if (!running) return;
        log.warn("IMAP IDLE interrupted ({}); reconnecting in {}", e.toString(), wait);
        sleep(wait);
        wait = wait.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : wait.multipliedBy(2);
      } finally {
        current = null;
      }
    }
  }

  /** Using the folder from another thread ends the running IDLE; the loop polls and starts a new one. */
  private void renew() {
    Folder folder = current;
    if (folder == null) return;
    try {
      folder.getMessageCount();
    } catch (MessagingException | RuntimeException e) {
      log.debug("IDLE renewal: {}", e.toString());
    }
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
