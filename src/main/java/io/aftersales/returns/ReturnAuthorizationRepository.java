package io.aftersales.returns;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReturnAuthorizationRepository extends JpaRepository<ReturnAuthorization, Long> {
  Optional<ReturnAuthorization> findByProcessInstanceId(String processInstanceId);

  Optional<ReturnAuthorization> findByRmaNumber(String rmaNumber);

  List<ReturnAuthorization> findByCaseNumberOrderByIdAsc(String caseNumber);

  @Query(value = "select nextval('aftersales.rma_number_seq')", nativeQuery = true)
  long nextRmaSequence();
}
