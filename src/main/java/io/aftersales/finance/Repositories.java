package io.aftersales.finance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RefundRepository extends JpaRepository<Refund, Long> {
  Optional<Refund> findByCaseNumberAndReference(String caseNumber, String reference);

  List<Refund> findByCaseNumberOrderByIdAsc(String caseNumber);
}

interface CreditNoteRepository extends JpaRepository<CreditNote, Long> {
  Optional<CreditNote> findByNumber(String number);

  List<CreditNote> findByCaseNumberOrderByIdAsc(String caseNumber);
}

interface PaymentRequestRepository extends JpaRepository<PaymentRequest, Long> {
  Optional<PaymentRequest> findByReference(String reference);

  List<PaymentRequest> findByCaseNumberOrderByIdAsc(String caseNumber);
}
