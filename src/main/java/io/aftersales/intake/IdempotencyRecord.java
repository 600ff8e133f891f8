package io.aftersales.intake;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * An Idempotency-Key of the intake API and the case its first request opened. Claimed (inserted) before
 * the case is opened, in the same transaction; holds no token, only the salt the token is derived from.
 */
@Entity
class IdempotencyRecord {
  @Id
  private String idempotencyKey;
  private String requestHash;
  private String caseNumber;
  private String tokenSalt;
  private Instant createdAt;

  protected IdempotencyRecord() {}

  String getRequestHash() { return requestHash; }
  String getCaseNumber() { return caseNumber; }
  String getTokenSalt() { return tokenSalt; }
}
