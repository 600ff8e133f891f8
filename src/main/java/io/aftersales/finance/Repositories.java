package io.aftersales.finance;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RefundRepository extends JpaRepository<Refund, Long> {
  Optional<Refund> findByCaseNumberAndReference(String caseNumber, String reference);
}

interface CreditNoteRepository extends JpaRepository<CreditNote, Long> {
  Optional<CreditNote> findByNumber(String number);
}

interface PaymentRequestRepository extends JpaRepository<PaymentRequest, Long> {
  Optional<PaymentRequest> findByReference(String reference);
}
