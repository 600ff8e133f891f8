package io.aftersales.warranty;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WarrantyClaimRepository extends JpaRepository<WarrantyClaim, Long> {
  Optional<WarrantyClaim> findByCaseNumber(String caseNumber);
}
