package io.aftersales.mail;

import io.aftersales.cases.Attachments;
import io.aftersales.cases.OpenCaseCommand;
import io.aftersales.cases.ServiceCases;
import io.aftersales.cases.SourceChannel;
import io.aftersales.shared.Texts;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two halves of mail intake. {@link #record} is all the mailbox reader does: one ledger row with the
 * raw message and a queued engine job, in one transaction (a message recorded twice stays one row).
 * {@link #processRecorded}, run by that job on any node, turns the row into a new case or a message on an
 * existing one, in the job's transaction; failures are retried by the job (see {@link InboundMailJobs}).
 */
@Service
class InboundMailProcessor {
  private static final Logger log = LoggerFactory.getLogger(InboundMailProcessor.class);

  private final InboundMailRepository ledger;
  private final ServiceCases cases;
  private final Attachments attachments;
  private final TransactionTemplate tx;
  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl engine;
  private final Clock clock;
  private final MailSettings.Imap imap;
  private final java.util.Set<String> ownAddresses;

  InboundMailProcessor(InboundMailRepository ledger, ServiceCases cases, Attachments attachments,
      PlatformTransactionManager txManager, JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine, Clock clock,
      MailSettings settings) {
    this.ledger = ledger;
    this.cases = cases;
    this.attachments = attachments;
    this.tx = new TransactionTemplate(txManager);
    this.jdbc = jdbc;
    this.engine = engine;
    this.clock = clock;
    this.imap = settings.imap();
    this.ownAddresses = java.util.stream.Stream.of(settings.from(), settings.imap().username())
        .filter(a -> a != null && a.contains("@")).map(a -> a.strip().toLowerCase(java.util.Locale.ROOT))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /**
   * Records a message read from the mailbox and queues its job, in one transaction. Returns true if it is
   * new, false if it was recorded before (the same Message-ID again). Throws if the database does not take
   * it: the reader then leaves the message unseen for the next poll.
   */
  boolean record(byte[] raw, String folder) {
    String key = ParsedMail.ledgerKey(raw);
    String[] headline = ParsedMail.headline(raw);
    return Boolean.TRUE.equals(tx.execute(status -> {
      Long id = jdbc.query("""
          insert into aftersales.inbound_mail (ledger_key, folder, from_address, subject, status, raw, received_at)
          values (?, ?, ?, ?, 'RECEIVED', ?, ?) on conflict (ledger_key) do nothing returning id""",
          rs -> rs.next() ? rs.getLong(1) : null, key, folder, fit(address(headline[0]), 320), fit(headline[1], 1000),
          raw, Timestamp.from(clock.instant()));
      if (id == null) return false;
      engine.getCommandExecutorTxRequired().execute(context -> {
        InboundMailJobs.queue(context, id, imap.processingAttempts());
        return null;
      });
      return true;
    }));
  }

  /** Records a message too large to read: FAILED at once, listed, and left in the mailbox. */
  boolean recordTooLarge(String messageId, String from, String subject, long size, String folder) {
    String key = messageId != null && !messageId.isBlank() && messageId.length() <= 400
        ? Texts.storable(messageId.strip())
        : "too-large:" + java.util.UUID.randomUUID();
    return jdbc.update("""
        insert into aftersales.inbound_mail (ledger_key, folder, from_address, subject, status, error, received_at)
        values (?, ?, ?, ?, 'FAILED', ?, ?) on conflict (ledger_key) do nothing""",
        key, folder, fit(from, 320), fit(subject, 1000), "too large to read (" + size + " bytes, limit "
            + imap.maxMessageSize().toBytes() + "): it stays in the mailbox; answer it from there",
        Timestamp.from(clock.instant())) == 1;
  }

  /** Records a message the server could not deliver to us (by its UID): FAILED at once, listed, left in the mailbox. */
  boolean recordUnfetchable(String uid, String error, String folder) {
    return jdbc.update("""
        insert into aftersales.inbound_mail (ledger_key, folder, status, error, received_at)
        values (?, ?, 'FAILED', ?, ?) on conflict (ledger_key) do nothing""",
        "unfetchable:" + folder + ":" + uid, folder,
        "the mail server could not hand this message over (" + fit(error, 500)
            + "): it stays in the mailbox (UID " + uid + "); read it there",
        Timestamp.from(clock.instant())) == 1;
  }

  /**
   * The job's work for one recorded mail, in the job's transaction; anything thrown is a failed attempt.
   * A mail that is no longer RECEIVED (done by an earlier run of the same job) is left alone.
   */
  void processRecorded(long id) {
    InboundMail row = ledger.findById(id).orElse(null);
    if (row == null || row.getStatus() != InboundMail.Status.RECEIVED) return;
    ParsedMail mail;
    try {
      mail = ParsedMail.parse(row.getRaw());
    } catch (ParsedMail.UnreadableMailException e) {
      // Retrying cannot make it readable: listed for a person at once.
      log.error("Inbound mail {} kept as FAILED: unreadable: {}", row.getLedgerKey(), e.getMessage());
      row.failed("unreadable: " + Texts.storable(e.getMessage()));
      ledger.save(row);
      return;
    }
    waitForEarlierMail(row, mail);
    String number;
    String notAnswered = notAnswered(mail);
    if (mail.kind() == ParsedMail.Kind.BOUNCE) {
      List<String> affected = cases.markUndeliverable(mail.referencedIds(),
          "Returned as undeliverable (" + mail.subject() + ")");
      number = affected.isEmpty() ? null : affected.get(0);
      row.settled(InboundMail.Status.BOUNCED, affected.isEmpty()
          ? "bounce of no message of ours"
          : "bounce of our mail on " + String.join(", ", affected), number, clock.instant());
    } else if (notAnswered != null) {
      number = null;
      row.settled(InboundMail.Status.IGNORED, notAnswered, null, clock.instant());
    } else {
      number = caseFor(mail);
      row.processed(number, clock.instant(), keepFiles(number, mail));
    }
    ledger.saveAndFlush(row);
    log.info("Inbound mail {} from {} -> {} {}", row.getLedgerKey(), mail.fromAddress(), row.getStatus(),
        number == null ? "" : number);
  }

  /**
   * The mail's photos and documents go to the case with the text, in the same transaction; files we do not accept
   * are named in the ledger (the audit trail shows it).
   */
  private String keepFiles(String caseNumber, ParsedMail mail) {
    if (mail.files().isEmpty()) return null;
    Attachments.Kept kept = attachments.keepAccepted(caseNumber, mail.files().stream()
        .map(f -> new Attachments.Upload(f.name(), f.bytes())).toList(), Attachments.Source.MAIL, mail.fromAddress());
    String disposition = kept.stored().size() + " file(s) kept";
    return kept.notKept().isEmpty() ? disposition : disposition + "; not kept: " + String.join("; ", kept.notKept());
  }

  /**
   * A reply never overtakes the mail it answers: while the sender's earlier mail, or a mail this one refers
   * to, is still waiting for its job, this one waits too (a bounded time, so a hostile loop cannot stall it).
   */
  private void waitForEarlierMail(InboundMail row, ParsedMail mail) {
    if (row.getReceivedAt().plus(imap.orderWait()).isBefore(clock.instant())) return;
    List<Long> earlier = jdbc.queryForList("""
        select id from aftersales.inbound_mail where status = 'RECEIVED' and id <> ?
          and ((lower(from_address) = lower(?) and id < ?) or ledger_key = any (?)) limit 1""", Long.class,
        row.getId(), mail.fromAddress(), row.getId(), mail.referencedIds().toArray(String[]::new));
    if (!earlier.isEmpty()) throw new InboundMailJobs.EarlierMailPending(row.getId(), earlier.get(0));
  }

  /** A person's retry of a FAILED mail (after fixing the cause): queued again, or refused if still unreadable. */
  Optional<String> retry(Long failedId) {
    return tx.execute(status -> {
      InboundMail failed = ledger.findById(failedId).filter(m -> m.getStatus() == InboundMail.Status.FAILED)
          .orElseThrow(() -> new IllegalArgumentException("No failed inbound mail " + failedId));
      if (failed.getRaw() == null) return Optional.of(failed.getError());
      try {
        ParsedMail.parse(failed.getRaw());
      } catch (ParsedMail.UnreadableMailException e) {
        return Optional.of("unreadable: " + e.getMessage());
      }
      failed.received();
      ledger.saveAndFlush(failed);
      engine.getCommandExecutorTxRequired().execute(context -> {
        InboundMailJobs.queue(context, failedId, imap.processingAttempts());
        return null;
      });
      return Optional.empty();
    });
  }

  /**
   * Why a mail must get no automatic answer and open no case (RFC 3834: auto-replies, bulk and list mail,
   * our own address), or null for a person's mail.
   */
  private String notAnswered(ParsedMail mail) {
    if (ownAddresses.contains(mail.fromAddress().toLowerCase(java.util.Locale.ROOT)))
      return "sent from our own address";
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
          mail.subject(), mail.text(), mail.messageId(), mail.referencedIds().isEmpty()
              ? null
              : mail.referencedIds().get(0));
    }
    log.warn("Mail from {} names case {} of another customer: opened apart, flagged", mail.fromAddress(),
        target.get().caseNumber());
    return cases.openFromOtherSender(fromSender, target.get().caseNumber()).caseNumber();
  }

  /** The bare address of a From header value ("Name <a@b>" -> a@b), for the ledger's ordering by sender. */
  private static String address(String from) {
    if (from == null) return null;
    try {
      return new jakarta.mail.internet.InternetAddress(from, false).getAddress();
    } catch (jakarta.mail.internet.AddressException e) {
      return from;
    }
  }

  private static String fit(String value, int max) {
    String storable = Texts.storable(value);
    return Texts.cut(storable, max);
  }
}
