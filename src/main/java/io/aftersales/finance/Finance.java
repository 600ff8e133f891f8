package io.aftersales.finance;

import io.aftersales.integration.ExternalRequests;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API. Every operation is idempotent per case and reference, so retried jobs are safe. */
@Service
@Transactional
public class Finance {
  private final RefundRepository refunds;
  private final CreditNoteRepository creditNotes;
  private final PaymentRequestRepository payments;
  private final RefundPort refundPort;
  private final ExternalRequests requests;
  private final Clock clock;

  Finance(RefundRepository refunds, CreditNoteRepository creditNotes, PaymentRequestRepository payments,
      RefundPort refundPort, ExternalRequests requests, Clock clock) {
    this.refunds = refunds;
    this.creditNotes = creditNotes;
    this.payments = payments;
    this.refundPort = refundPort;
    this.requests = requests;
    this.clock = clock;
  }

  /** Records a refund and asks the shop back end or Seller Central (by the sales channel) to pay it. */
  public Refund requestRefund(String caseNumber, String reference, BigDecimal amount, String salesChannel) {
    return refunds.findByCaseNumberAndReference(caseNumber, reference).orElseGet(() -> {
      Refund refund = refunds.save(new Refund(caseNumber, reference, amount, salesChannel, clock.instant()));
      refund.requestedAs(refundPort.requestRefund(salesChannel, caseNumber, reference, amount));
      return refund;
    });
  }

  /** Finance issued it (in the shop back end or Seller Central) under this payment reference. */
  public Refund confirmRefund(Long refundId, String paymentReference) {
    Refund refund = refunds.findById(refundId).orElseThrow(() -> new IllegalArgumentException("No refund " + refundId));
    if (refund.getStatus() != Refund.Status.ISSUED) {
      refund.issued(paymentReference, clock.instant());
      if (refund.getExternalRequestId() != null) requests.complete(refund.getExternalRequestId(), paymentReference);
    }
    return refund;
  }

  public CreditNote recordCreditNote(String caseNumber, String number, String retailerName, BigDecimal amount) {
    return creditNotes.findByNumber(number)
        .orElseGet(() -> creditNotes.save(new CreditNote(caseNumber, number, retailerName, amount, clock.instant())));
  }

  public PaymentRequest requestPayment(String caseNumber, String reference, BigDecimal amount) {
    return payments.findByReference(reference)
        .orElseGet(() -> payments.save(new PaymentRequest(caseNumber, reference, amount, clock.instant())));
  }

  /** A payment arrived (shop webhook or finance in Tasklist); returns the request it settles. */
  public PaymentRequest confirmPayment(String reference, String paymentReference) {
    PaymentRequest request = payments.findByReference(reference)
        .orElseThrow(() -> new IllegalArgumentException("No payment request " + reference));
    if (request.getStatus() == PaymentRequest.Status.OPEN) request.paid(paymentReference, clock.instant());
    return request;
  }

  public void cancelPayment(String reference) {
    payments.findByReference(reference).ifPresent(PaymentRequest::cancel);
  }

  @Transactional(readOnly = true)
  public Optional<PaymentRequest> payment(String reference) {
    return payments.findByReference(reference);
  }
}
