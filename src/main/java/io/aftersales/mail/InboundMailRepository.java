package io.aftersales.mail;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboundMailRepository extends JpaRepository<InboundMail, Long> {
  List<InboundMail> findByStatusOrderByReceivedAtDesc(InboundMail.Status status);
}
