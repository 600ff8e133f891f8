package io.aftersales.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A ledger row per inbound message, keyed by its Message-ID (or a hash of the raw message if it
 * has none). PROCESSED rows make the poller skip a message it sees again, across restarts; FAILED
 * rows keep the raw message for a person to look at and retry.
 */
@Entity
class InboundMail {
  /**
   * RECEIVED: recorded from the mailbox, waiting for its job to turn it into a case. PROCESSED: became a case or a message on one. IGNORED: recorded but answered by nobody (an auto-reply,
   * bulk mail, mail from our own address: no mail loops). BOUNCED: a delivery failure of one of our mails,
   * marked on its case. FAILED: could not be read or processed; kept raw for a person.
   */
  enum Status {
    RECEIVED, PROCESSED, IGNORED, BOUNCED, FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String ledgerKey;
  private String folder;
  private String fromAddress;
  private String subject;
  @Enumerated(EnumType.STRING)
  private Status status;
  private String caseNumber;
  private String error;
  private byte[] raw;
  private Instant receivedAt;
  private Instant processedAt;
  /** Why the mail opened no case (IGNORED, BOUNCED), or anything the agent should know about its sender. */
  private String disposition;

  protected InboundMail() {}

  InboundMail(String ledgerKey, String folder, String fromAddress, String subject, byte[] raw, Instant receivedAt) {
    this.ledgerKey = ledgerKey;
    this.folder = folder;
    this.fromAddress = truncate(fromAddress, 320);
    this.subject = truncate(subject, 1000);
    this.raw = raw;
    this.receivedAt = receivedAt;
  }

  /** {@code disposition}: what became of the mail's files, or null. */
  void processed(String caseNumber, Instant at, String disposition) {
    this.status = Status.PROCESSED;
    this.disposition = disposition == null ? null : truncate(disposition, 500);
    this.caseNumber = caseNumber;
    this.error = null;
    this.processedAt = at;
    this.raw = null; // the thread holds the content now; the raw copy is only kept for failures
  }

  /** Recorded, deliberately not answered: {@code status} IGNORED or BOUNCED, with the reason. */
  void settled(Status status, String disposition, String caseNumber, Instant at) {
    this.status = status;
    this.disposition = truncate(disposition, 500);
    this.caseNumber = caseNumber;
    this.error = null;
    this.processedAt = at;
    this.raw = null;
  }

  String getDisposition() { return disposition; }

  /** Queued again (a person's retry of a FAILED mail). */
  void received() {
    this.status = Status.RECEIVED;
    this.error = null;
  }

  void failed(String error) {
    this.status = Status.FAILED;
    this.error = error;
  }

  private static String truncate(String s, int max) {
    return io.aftersales.shared.Texts.cut(s, max);
  }

  Long getId() { return id; }
  String getLedgerKey() { return ledgerKey; }
  String getFolder() { return folder; }
  String getFromAddress() { return fromAddress; }
  String getSubject() { return subject; }
  Status getStatus() { return status; }
  String getCaseNumber() { return caseNumber; }
  String getError() { return error; }
  byte[] getRaw() { return raw; }
  Instant getReceivedAt() { return receivedAt; }
  Instant getProcessedAt() { return processedAt; }
}
