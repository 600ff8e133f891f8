package io.aftersales.mail;

import io.aftersales.cases.ServiceCases;
import io.aftersales.cases.OpenCaseCommand;
import io.aftersales.cases.SourceChannel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one raw inbound email into a new case or a message on an existing one, exactly once.
 *
 * <p>The ledger row, the case (or its new message) and the process instance (or the correlated
 * reply) are written in one transaction. A message that cannot be parsed or processed is kept raw
 * in the ledger as FAILED and reported, never dropped.
 */
@Service
class InboundMailProcessor {
  private static final Logger log = LoggerFactory.getLogger(InboundMailProcessor.class);

  enum Outcome { OPENED_OR_THREADED, IGNORED, DUPLICATE, FAILED }

  private final InboundMailRepository ledger;
  private final ServiceCases cases;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final java.util.Set<String> ownAddresses;

  InboundMailProcessor(InboundMailRepository ledger, ServiceCases cases, PlatformTransactionManager txManager,
      Clock clock, MailSettings settings) {
    this.ledger = ledger;
    this.cases = cases;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
    this.ownAddresses = java.util.stream.Stream.of(settings.from(), settings.imap().username())
        .filter(a -> a != null && a.contains("@")).map(a -> a.strip().toLowerCase(java.util.Locale.ROOT))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  Outcome process(byte[] raw, String folder) {
    String key = ParsedMail.ledgerKey(raw);
    Optional<InboundMail> known = ledger.findByLedgerKey(key);
    if (known.isPresent()) {
      return known.get().getStatus() == InboundMail.Status.PROCESSED ? Outcome.DUPLICATE : Outcome.FAILED;
    }
    return handle(key, raw, folder, null);
  }

  /** A person's retry of a FAILED message (e.g. after fixing the mailbox or the code). */
  Outcome retry(Long failedId) {
    InboundMail failed = ledger.findById(failedId).filter(m -> m.getStatus() == InboundMail.Status.FAILED)
        .orElseThrow(() -> new IllegalArgumentException("No failed inbound mail " + failedId));
    return handle(failed.getLedgerKey(), failed.getRaw(), failed.getFolder(), failed.getId());
  }

  private Outcome handle(String key, byte[] raw, String folder, Long existingId) {
    ParsedMail mail;
    try {
      mail = ParsedMail.parse(raw);
    } catch (ParsedMail.UnreadableMailException e) {
      recordFailure(key, raw, folder, existingId, "unreadable: " + e.getMessage());
      return Outcome.FAILED;
    }
    try {
      Outcome[] outcome = {Outcome.OPENED_OR_THREADED};
      String caseNumber = io.aftersales.shared.ConcurrentUpdates.retry(() -> tx.execute(status -> {
        InboundMail row = existingId != null ? ledger.findById(existingId).orElseThrow()
            : new InboundMail(key, folder, mail.fromAddress(), mail.subject(), raw, clock.instant());
        String number;
        String notAnswered = notAnswered(mail);
        if (mail.kind() == ParsedMail.Kind.BOUNCE) {
          java.util.List<String> affected = cases.markUndeliverable(mail.referencedIds(),
              "Returned as undeliverable (" + mail.subject() + ")");
          number = affected.isEmpty() ? null : affected.get(0);
          row.settled(InboundMail.Status.BOUNCED, affected.isEmpty() ? "bounce of no message of ours"
              : "bounce of our mail on " + String.join(", ", affected), number, clock.instant());
          outcome[0] = Outcome.IGNORED;
        } else if (notAnswered != null) {
          row.settled(InboundMail.Status.IGNORED, notAnswered, null, clock.instant());
          number = null;
          outcome[0] = Outcome.IGNORED;
        } else {
          number = caseFor(mail);
          row.processed(number, clock.instant());
        }
        ledger.saveAndFlush(row);
        return number;
      }));
      log.info("Inbound mail {} from {} -> {} {}", key, mail.fromAddress(), outcome[0],
          caseNumber == null ? "" : caseNumber);
      return outcome[0];
    } catch (DataIntegrityViolationException e) {
      if (ledger.findByLedgerKey(key).isPresent()) {
        // Another poller (or node) recorded the same Message-ID first: that one wins.
        log.info("Inbound mail {} was processed concurrently; skipped", key);
        return Outcome.DUPLICATE;
      }
      // Any other refusal of the database is a failure a person must see, never "a duplicate".
      log.error("Inbound mail {} refused by the database; kept as FAILED", key, e);
      recordFailure(key, raw, folder, existingId, "refused by the database: " + e.getMostSpecificCause().getMessage());
      return Outcome.FAILED;
    } catch (RuntimeException e) {
      log.error("Inbound mail {} could not be processed; kept as FAILED", key, e);
      recordFailure(key, raw, folder, existingId, e.getClass().getSimpleName() + ": " + e.getMessage());
      return Outcome.FAILED;
    }
  }

  /**
   * Why a mail must get no automatic answer and open no case (RFC 3834: auto-replies, bulk and list mail,
   * our own address), or null for a person's mail.
   */
  private String notAnswered(ParsedMail mail) {
    if (ownAddresses.contains(mail.fromAddress().toLowerCase(java.util.Locale.ROOT))) return "sent from our own address";
    return switch (mail.kind()) {
      case AUTO_REPLY -> "automatic reply (Auto-Submitted)";
      case BULK -> "bulk or list mail (Precedence/List-Id)";
      default -> null;
    };
  }

  /**
   * A reply joins its case only when it comes from that case's customer; from anyone else it opens a case
   * of its own, in the sender's name, linked to the case it named and flagged for the agent.
   */
  private String caseFor(ParsedMail mail) {
    OpenCaseCommand fromSender = new OpenCaseCommand(SourceChannel.EMAIL, mail.fromName(), mail.fromAddress(), null,
        null, null, null, null, null, mail.subject(), mail.text(), mail.messageId());
    Optional<ServiceCases.ReplyTarget> target = cases.findCaseForReply(mail.referencedIds(), mail.subject());
    if (target.isEmpty()) return cases.open(fromSender).caseNumber();
    if (target.get().isFrom(mail.fromAddress())) {
      return cases.addCustomerMessage(target.get().caseNumber(), SourceChannel.EMAIL, mail.fromAddress(),
          mail.subject(), mail.text(), mail.messageId(), first(mail.referencedIds()));
    }
    log.warn("Mail from {} names case {} of another customer: opened apart, flagged", mail.fromAddress(),
        target.get().caseNumber());
    return cases.openFromOtherSender(fromSender, target.get().caseNumber()).caseNumber();
  }

  private void recordFailure(String key, byte[] raw, String folder, Long existingId, String error) {
    log.error("Inbound mail {} kept as FAILED: {}", key, error);
    tx.executeWithoutResult(status -> {
      InboundMail row = existingId != null ? ledger.findById(existingId).orElseThrow() : null;
      if (row == null) {
        String[] headline = ParsedMail.headline(raw);
        row = new InboundMail(key, folder, headline[0], headline[1], raw, clock.instant());
      }
      row.failed(error);
      ledger.save(row);
    });
  }

  private static String first(List<String> ids) {
    return ids.isEmpty() ? null : ids.get(0);
  }
}
