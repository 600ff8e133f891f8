package io.aftersales.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboundMailRepository extends JpaRepository<InboundMail, Long> {
  Optional<InboundMail> findByLedgerKey(String ledgerKey);

  List<InboundMail> findByStatusOrderByReceivedAtDesc(InboundMail.Status status);
}
