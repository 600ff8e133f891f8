package io.aftersales.intake;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IdempotencyRecordRepository extends JpaRepository<IdempotencyRecord, String> {

  /**
   * Claims a key: 1 if this transaction now holds it, 0 if another request holds it. A concurrent claim of
   * the same key waits here until the holder commits (then 0) or rolls back (then 1).
   */
  @Modifying
  @Query(nativeQuery = true, value = """
      insert into aftersales.idempotency_record (idempotency_key, request_hash, token_salt, created_at)
      values (?1, ?2, ?3, ?4) on conflict (idempotency_key) do nothing""")
  int claim(String key, String requestHash, String tokenSalt, Instant now);

  @Modifying
  @Query(nativeQuery = true, value = "update aftersales.idempotency_record set case_number = ?2 where idempotency_key = ?1")
  int complete(String key, String caseNumber);

  /** An expired key is free again: its next use is a new request. */
  @Modifying
  @Query(nativeQuery = true, value = "delete from aftersales.idempotency_record where idempotency_key = ?1 and created_at < ?2")
  int releaseIfExpired(String key, Instant expiredBefore);

  @Modifying
  @Query(nativeQuery = true, value = "delete from aftersales.idempotency_record where created_at < ?1")
  int purgeExpired(Instant expiredBefore);
}
