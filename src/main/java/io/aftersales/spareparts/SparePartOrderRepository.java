package io.aftersales.spareparts;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SparePartOrderRepository extends JpaRepository<SparePartOrder, Long> {
  Optional<SparePartOrder> findByProcessInstanceId(String processInstanceId);

  Optional<SparePartOrder> findByPaymentRequestReference(String paymentRequestReference);

  int countByCaseNumber(String caseNumber);
}
