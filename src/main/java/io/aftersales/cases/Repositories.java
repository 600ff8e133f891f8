package io.aftersales.cases;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {
  Optional<ServiceCase> findByCaseNumber(String caseNumber);

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
