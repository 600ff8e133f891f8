package io.aftersales.mail;

import io.aftersales.shared.Problems;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer mail that has not gone out: team leads see what waits (PENDING, SENDING) and what the server
 * refused or could not take for a day (FAILED), and send a FAILED one again once the cause is fixed
 * (auditors read along; the same security rules as {@code /api/mail/failures}).
 */
@RestController
@RequestMapping("/api/mail/outbox")
record OutboxController(JdbcTemplate jdbc, Outbox outbox) {
  record WaitingMail(long id, String messageId, String caseNumber, String recipient, String subject, String status,
      int attempts, String lastError, Instant createdAt, Instant nextAttemptAt) {}

  @GetMapping
  List<WaitingMail> waiting() {
    return jdbc.query("""
        select o.id, o.message_id, c.case_number, o.recipient, o.subject, o.status, o.attempts, o.last_error,
               o.created_at, o.next_attempt_at
        from aftersales.outbound_mail o join aftersales.service_case c on c.id = o.case_id
        where o.status <> 'SENT' order by o.created_at""", (rs, i) -> new WaitingMail(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
        instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10))));
  }

  @PostMapping("/{id}/retry")
  WaitingMail retry(@PathVariable long id) {
    int updated = jdbc.update("update aftersales.outbound_mail set status = 'PENDING', next_attempt_at = now(),"
        + " created_at = now() where id = ? and status = 'FAILED'", id);
    if (updated == 0) throw Problems.notFound("failed outbound mail " + id);
    outbox.wakeUp();
    return waiting().stream().filter(m -> m.id() == id).findFirst()
        .orElseGet(() -> new WaitingMail(id, null, null, null, null, "SENT", 0, null, null, null));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
