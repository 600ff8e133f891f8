package io.aftersales.sla;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SlaClockRepository extends JpaRepository<SlaClock, Long> {
  List<SlaClock> findByCaseIdOrderByStartedAtAscIdAsc(Long caseId);

  /** The clocks of a case, locked: events of one case (a reply, an answer, a pause) change them one at a time. */
  @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from SlaClock c where c.caseId = ?1 order by c.id")
  List<SlaClock> lockByCaseId(Long caseId);

  Optional<SlaClock> findByTaskId(String taskId);
}
