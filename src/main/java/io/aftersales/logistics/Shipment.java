package io.aftersales.logistics;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class Shipment {
  public enum Status {
    REQUESTED, CONFIRMED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String caseNumber;
  @Enumerated(EnumType.STRING)
  private ShipmentKind kind;
  private String reference;
  private String details;
  private String carrier;
  private String trackingNumber;
  @Enumerated(EnumType.STRING)
  private Status status;
  private Long externalRequestId;
  private Instant requestedAt;
  private Instant confirmedAt;

  protected Shipment() {}

  Shipment(String caseNumber, ShipmentKind kind, String reference, String details, Instant requestedAt) {
    this.caseNumber = caseNumber;
    this.kind = kind;
    this.reference = reference;
    this.details = details;
    this.status = Status.REQUESTED;
    this.requestedAt = requestedAt;
  }

  void requestedAs(Long externalRequestId) {
    this.externalRequestId = externalRequestId;
  }

  void confirm(String carrier, String trackingNumber, Instant at) {
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    this.status = Status.CONFIRMED;
    this.confirmedAt = at;
  }

  public Long getId() { return id; }
  public Long getExternalRequestId() { return externalRequestId; }
}
