package io.aftersales.integration;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One request to an outside system, recorded for the person who carries it out by hand. */
@Entity
public class ExternalRequest {
  public enum Status {
    OPEN, DONE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Enumerated(EnumType.STRING)
  private ExternalSystem system;
  private String operation;
  private String caseNumber;
  private String reference;
  private String details;
  private String responsibleGroup;
  @Enumerated(EnumType.STRING)
  private Status status;
  private String result;
  private Instant requestedAt;
  private Instant completedAt;

  protected ExternalRequest() {}

  ExternalRequest(ExternalSystem system, String operation, String caseNumber, String reference, String details,
      String responsibleGroup, Instant requestedAt) {
    this.system = system;
    this.operation = operation;
    this.caseNumber = caseNumber;
    this.reference = reference;
    this.details = details;
    this.responsibleGroup = responsibleGroup;
    this.status = Status.OPEN;
    this.requestedAt = requestedAt;
  }

  void complete(String result, Instant at) {
    if (status == Status.OPEN) {
      this.status = Status.DONE;
      this.result = result;
      this.completedAt = at;
    }
  }

  public Long getId() { return id; }
  public ExternalSystem getSystem() { return system; }
  public String getOperation() { return operation; }
  public String getCaseNumber() { return caseNumber; }
  public String getReference() { return reference; }
  public String getDetails() { return details; }
  public String getResponsibleGroup() { return responsibleGroup; }
  public Status getStatus() { return status; }
  public String getResult() { return result; }
  public Instant getRequestedAt() { return requestedAt; }
  public Instant getCompletedAt() { return completedAt; }
}
