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

  enum Outcome { OPENED_OR_THREADED, DUPLICATE, FAILED }

  private final InboundMailRepository ledger;
  private final ServiceCases cases;
  private final TransactionTemplate tx;
  private final Clock clock;

  InboundMailProcessor(InboundMailRepository ledger, ServiceCases cases, PlatformTransactionManager txManager,
      Clock clock) {
    this.ledger = ledger;
    this.cases = cases;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
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
      String caseNumber = tx.execute(status -> {
        InboundMail row = existingId != null ? ledger.findById(existingId).orElseThrow()
            : new InboundMail(key, folder, mail.fromAddress(), mail.subject(), raw, clock.instant());
        String number = cases.findCaseForReply(mail.referencedIds(), mail.subject())
            .map(existing -> cases.addCustomerMessage(existing, SourceChannel.EMAIL, mail.fromAddress(),
                mail.subject(), mail.text(), mail.messageId(), first(mail.referencedIds())))
            .orElseGet(() -> cases.open(new OpenCaseCommand(SourceChannel.EMAIL, mail.fromName(), mail.fromAddress(),
                null, null, null, null, null, null, mail.subject(), mail.text(), mail.messageId())).caseNumber());
        row.processed(number, clock.instant());
        ledger.saveAndFlush(row);
        return number;
      });
      log.info("Inbound mail {} from {} -> case {}", key, mail.fromAddress(), caseNumber);
      return Outcome.OPENED_OR_THREADED;
    } catch (DataIntegrityViolationException e) {
      // Another poller (or node) recorded the same Message-ID first: that one wins.
      log.info("Inbound mail {} was processed concurrently; skipped", key);
      return Outcome.DUPLICATE;
    } catch (RuntimeException e) {
      log.error("Inbound mail {} could not be processed; kept as FAILED", key, e);
      recordFailure(key, raw, folder, existingId, e.getClass().getSimpleName() + ": " + e.getMessage());
      return Outcome.FAILED;
    }
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
