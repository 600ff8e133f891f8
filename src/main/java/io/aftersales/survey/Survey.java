package io.aftersales.survey;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One satisfaction survey of one resolution of a case. Open until it expires; answered once and changeable while the
 * link is valid; void when the case is reopened. Transitions are guarded here, so no caller can answer an expired or
 * void survey.
 */
@Entity
@Table(name = "survey")
class Survey {
  enum Status {
    OPEN, ANSWERED, VOID
  }

  /** Why an answer was refused; the API says it politely. */
  enum Refusal {
    EXPIRED, VOID
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private Long customerId;
  private int round;
  private String tokenHash;
  @Enumerated(EnumType.STRING)
  private Status status;
  private Instant offeredAt;
  private Instant expiresAt;
  private Integer score;
  private Boolean solved;
  private String comment;
  private Instant answeredAt;
  private Instant changedAt;
  private boolean recovery;
  private String recoveryNote;
  private String recoveredBy;
  private Instant recoveredAt;
  @Version
  private long version;

  protected Survey() {}

  Survey(Long caseId, Long customerId, int round, String tokenHash, Instant offeredAt, Instant expiresAt) {
    this.caseId = caseId;
    this.customerId = customerId;
    this.round = round;
    this.tokenHash = tokenHash;
    this.status = Status.OPEN;
    this.offeredAt = offeredAt;
    this.expiresAt = expiresAt;
  }

  /** Why the survey can no longer be answered at {@code now}, or null. */
  Refusal refusal(Instant now) {
    if (status == Status.VOID) return Refusal.VOID;
    if (!now.isBefore(expiresAt)) return Refusal.EXPIRED;
    return null;
  }

  /**
   * Records (or changes) the answer. Returns true when the answer asks for service recovery for the first time
   * (a score of 1 or 2, or not solved): one recovery per survey, however often the answer changes.
   */
  boolean answer(int score, boolean solved, String comment, Instant now) {
    if (refusal(now) != null) throw new IllegalStateException("survey " + id + " cannot be answered: " + refusal(now));
    if (score < 1 || score > 5) throw new IllegalArgumentException("score must be 1 to 5");
    if (answeredAt == null) answeredAt = now;
    changedAt = now;
    this.score = score;
    this.solved = solved;
    this.comment = comment == null || comment.isBlank() ? null : comment.strip();
    status = Status.ANSWERED;
    boolean unhappy = score <= 2 || !solved;
    if (unhappy && !recovery) {
      recovery = true;
      return true;
    }
    return false;
  }

  /** What the team lead did about an unhappy answer ({@code UserTask_RecoverService}). */
  void recovered(String note, String by, Instant at) {
    if (!recovery) throw new IllegalStateException("survey " + id + " asked for no recovery");
    this.recoveryNote = note;
    this.recoveredBy = by;
    this.recoveredAt = at;
  }

  void voidIt() {
    status = Status.VOID;
  }

  Long getId() { return id; }
  Long getCaseId() { return caseId; }
  Long getCustomerId() { return customerId; }
  int getRound() { return round; }
  Status getStatus() { return status; }
  Instant getOfferedAt() { return offeredAt; }
  Instant getExpiresAt() { return expiresAt; }
  Integer getScore() { return score; }
  Boolean getSolved() { return solved; }
  String getComment() { return comment; }
  Instant getAnsweredAt() { return answeredAt; }
  String getRecoveryNote() { return recoveryNote; }
  String getRecoveredBy() { return recoveredBy; }
}
