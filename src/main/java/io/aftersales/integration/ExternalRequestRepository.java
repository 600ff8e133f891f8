package io.aftersales.integration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExternalRequestRepository extends JpaRepository<ExternalRequest, Long> {
  List<ExternalRequest> findByCaseNumberOrderByIdAsc(String caseNumber);

  List<ExternalRequest> findByStatusOrderByRequestedAtAsc(ExternalRequest.Status status);

  Optional<ExternalRequest> findFirstByCaseNumberAndOperationAndReference(String caseNumber, String operation,
      String reference);
}
