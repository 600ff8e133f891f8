package io.aftersales.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyRepository extends JpaRepository<Survey, Long> {
  Optional<Survey> findByTokenHash(String tokenHash);

  List<Survey> findByCaseIdOrderByRoundDesc(Long caseId);

  boolean existsByCustomerIdAndOfferedAtAfter(Long customerId, Instant after);
}
