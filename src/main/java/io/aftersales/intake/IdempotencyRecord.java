package io.aftersales.intake;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** The first answer to an Idempotency-Key, replayed when a client sends the same request again. */
@Entity
class IdempotencyRecord {
  @Id
  private String idempotencyKey;
  private String requestHash;
  private String caseNumber;
  private String responseBody;
  private Instant createdAt;

  protected IdempotencyRecord() {}

  IdempotencyRecord(String idempotencyKey, String requestHash, String caseNumber, String responseBody,
      Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
    this.caseNumber = caseNumber;
    this.responseBody = responseBody;
    this.createdAt = createdAt;
  }

  String getRequestHash() { return requestHash; }
  String getCaseNumber() { return caseNumber; }
  String getResponseBody() { return responseBody; }
}
