package io.aftersales.finance;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** A credit note to a retailer for defective stock it returned. */
@Entity
public class CreditNote {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String caseNumber;
  private String number;
  private String retailerName;
  private BigDecimal amount;
  private Instant issuedAt;

  protected CreditNote() {}

  CreditNote(String caseNumber, String number, String retailerName, BigDecimal amount, Instant issuedAt) {
    this.caseNumber = caseNumber;
    this.number = number;
    this.retailerName = retailerName;
    this.amount = amount;
    this.issuedAt = issuedAt;
  }
}
