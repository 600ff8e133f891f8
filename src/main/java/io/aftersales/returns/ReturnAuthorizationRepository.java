package io.aftersales.returns;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReturnAuthorizationRepository extends JpaRepository<ReturnAuthorization, Long> {
  Optional<ReturnAuthorization> findByProcessInstanceId(String processInstanceId);

  @Query(value = "select nextval('aftersales.rma_number_seq')", nativeQuery = true)
  long nextRmaSequence();
}
