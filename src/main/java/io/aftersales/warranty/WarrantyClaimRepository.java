package io.aftersales.warranty;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WarrantyClaimRepository extends JpaRepository<WarrantyClaim, Long> {
  Optional<WarrantyClaim> findByProcessInstanceId(String processInstanceId);

  /** The case's latest claim: the running one (a case runs one warranty procedure at a time). */
  Optional<WarrantyClaim> findFirstByCaseNumberOrderByIdDesc(String caseNumber);
}
