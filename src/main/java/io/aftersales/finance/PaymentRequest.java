package io.aftersales.finance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** What a customer is asked to pay before we ship (e.g. a quoted spare part). */
@Entity
public class PaymentRequest {
  public enum Status {
    OPEN, PAID, CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String caseNumber;
  private String reference;
  private BigDecimal amount;
  @Enumerated(EnumType.STRING)
  private Status status;
  private String paymentReference;
  private Instant requestedAt;
  private Instant paidAt;

  protected PaymentRequest() {}

  PaymentRequest(String caseNumber, String reference, BigDecimal amount, Instant requestedAt) {
    this.caseNumber = caseNumber;
    this.reference = reference;
    this.amount = amount;
    this.status = Status.OPEN;
    this.requestedAt = requestedAt;
  }

  void paid(String paymentReference, Instant at) {
    this.status = Status.PAID;
    this.paymentReference = paymentReference;
    this.paidAt = at;
  }

  void cancel() {
    if (status == Status.OPEN) status = Status.CANCELLED;
  }

  public String getCaseNumber() { return caseNumber; }
  public String getReference() { return reference; }
  public BigDecimal getAmount() { return amount; }
  public Status getStatus() { return status; }
  public String getPaymentReference() { return paymentReference; }
}
