package io.aftersales.cases;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {
  Optional<ServiceCase> findByCaseNumber(String caseNumber);

  /**
   * Locks the case row until commit. Taken first by whatever adds to a case (a reply, an answer, the closing), so
   * parallel work on one case queues here instead of deadlocking later: each one's new message already holds a
   * share lock on the case row (its foreign key) when the service levels lock the case.
   */
  @Query(value = "select id from aftersales.service_case where id = ?1 for update", nativeQuery = true)
  Long lockRow(Long id);

  @Query(value = "select nextval('aftersales.case_number_seq')", nativeQuery = true)
  long nextCaseSequence();
}

interface CaseMessageRepository extends JpaRepository<CaseMessage, Long> {
  /** Cases holding any of these messages, ours or the customer's (a customer may answer their own mail). */
  @Query("select m.serviceCase from CaseMessage m where m.messageId in :messageIds order by m.createdAt desc")
  java.util.List<ServiceCase> findCasesByMessageIds(@Param("messageIds") Collection<String> messageIds);

  @org.springframework.data.jpa.repository.Query("select m from CaseMessage m where m.direction = io.aftersales.cases.MessageDirection.OUTBOUND and m.messageId in :messageIds")
  java.util.List<CaseMessage> findOutboundByMessageIds(@Param("messageIds") Collection<String> messageIds);
}
