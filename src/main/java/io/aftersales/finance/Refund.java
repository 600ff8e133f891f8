package io.aftersales.finance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
public class Refund {
  public enum Status {
    REQUESTED, ISSUED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String caseNumber;
  private String reference;
  private BigDecimal amount;
  private String salesChannel;
  @Enumerated(EnumType.STRING)
  private Status status;
  private String paymentReference;
  private Long externalRequestId;
  private Instant requestedAt;
  private Instant confirmedAt;

  protected Refund() {}

  Refund(String caseNumber, String reference, BigDecimal amount, String salesChannel, Instant requestedAt) {
    this.caseNumber = caseNumber;
    this.reference = reference;
    this.amount = amount;
    this.salesChannel = salesChannel;
    this.status = Status.REQUESTED;
    this.requestedAt = requestedAt;
  }

  void requestedAs(Long externalRequestId) {
    this.externalRequestId = externalRequestId;
  }

  void issued(String paymentReference, Instant at) {
    this.status = Status.ISSUED;
    this.paymentReference = paymentReference;
    this.confirmedAt = at;
  }

  public Long getId() { return id; }
  public BigDecimal getAmount() { return amount; }
  public Status getStatus() { return status; }
  public String getPaymentReference() { return paymentReference; }
  public Long getExternalRequestId() { return externalRequestId; }
}
