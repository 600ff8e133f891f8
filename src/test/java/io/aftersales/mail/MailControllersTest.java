package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.ErrorResponseException;

/** The two team-lead endpoints called directly: what they list, and the 404/422 answers of a retry. */
class MailControllersTest {
  private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

  // --- outbox -----------------------------------------------------------------------------------------

  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final Outbox outbox = mock(Outbox.class);
  private final OutboxController outboxController = new OutboxController(jdbc, outbox);

  private static ResultSet waitingRow(long id, Timestamp next) throws Exception {
    ResultSet rs = mock(ResultSet.class);
    when(rs.getLong(1)).thenReturn(id);
    when(rs.getString(2)).thenReturn("<m" + id + "@x>");
    when(rs.getString(3)).thenReturn("SC-1");
    when(rs.getString(4)).thenReturn("maria@example.com");
    when(rs.getString(5)).thenReturn("[SC-1] Kettle");
    when(rs.getString(6)).thenReturn("FAILED");
    when(rs.getInt(7)).thenReturn(4);
    when(rs.getString(8)).thenReturn("550 no such user");
    when(rs.getTimestamp(9)).thenReturn(Timestamp.from(T));
    when(rs.getTimestamp(10)).thenReturn(next);
    return rs;
  }

  @SuppressWarnings("unchecked")
  private void waitingRows(ResultSet... rows) {
    when(jdbc.query(startsWith("select o.id, o.message_id"), any(RowMapper.class))).thenAnswer(inv -> {
      RowMapper<OutboxController.WaitingMail> mapper = inv.getArgument(1);
      List<OutboxController.WaitingMail> out = new ArrayList<>();
      for (int i = 0; i < rows.length; i++)
        out.add(mapper.mapRow(rows[i], i));
      return out;
    });
  }

  @Test
  void waitingMailIsListedWithAllItsFields() throws Exception {
    waitingRows(waitingRow(1, Timestamp.from(T.plusSeconds(30))), waitingRow(2, null));
    assertThat(outboxController.waiting()).containsExactly(
        new OutboxController.WaitingMail(1, "<m1@x>", "SC-1", "maria@example.com", "[SC-1] Kettle", "FAILED", 4,
            "550 no such user", T, T.plusSeconds(30)),
        new OutboxController.WaitingMail(2, "<m2@x>", "SC-1", "maria@example.com", "[SC-1] Kettle", "FAILED", 4,
            "550 no such user", T, null));
  }

  @Test
  void retryingAMailThatIsNotFailedIs404() {
    when(jdbc.update(startsWith("update aftersales.outbound_mail set status = 'PENDING'"), eq(5L))).thenReturn(0);
    ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> outboxController.retry(5));
    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(e.getBody().getDetail()).isEqualTo("No failed outbound mail 5");
    verify(outbox, never()).wakeUp();
  }

  @Test
  void aRetriedMailIsQueuedAndShownAsItIsNow() throws Exception {
    when(jdbc.update(startsWith("update aftersales.outbound_mail set status = 'PENDING'"), eq(2L))).thenReturn(1);
    waitingRows(waitingRow(1, null), waitingRow(2, null));
    OutboxController.WaitingMail m = outboxController.retry(2);
    assertThat(m.id()).isEqualTo(2);
    assertThat(m.messageId()).isEqualTo("<m2@x>");
    verify(outbox).wakeUp();
  }

  @Test
  void aRetriedMailAlreadySentReadsSent() throws Exception {
    when(jdbc.update(startsWith("update aftersales.outbound_mail set status = 'PENDING'"), eq(3L))).thenReturn(1);
    waitingRows(waitingRow(1, null));
    assertThat(outboxController.retry(3))
        .isEqualTo(new OutboxController.WaitingMail(3, null, null, null, null, "SENT", 0, null, null, null));
    verify(outbox).wakeUp();
  }

  // --- inbound failures ---------------------------------------------------------------------------------

  private final InboundMailRepository ledger = mock(InboundMailRepository.class);
  private final InboundMailProcessor processor = mock(InboundMailProcessor.class);
  private final MailFailuresController failuresController = new MailFailuresController(ledger, processor);

  private static InboundMail failed(long id, byte[] raw) {
    InboundMail m = new InboundMail("<k" + id + "@x>", "INBOX", "maria@example.com", "Kettle", raw, T);
    m.failed("unreadable: x");
    ReflectionTestUtils.setField(m, "id", id);
    return m;
  }

  @Test
  void failuresAreListedWithTheSizeOfTheirCopy() {
    when(ledger.findByStatusOrderByReceivedAtDesc(InboundMail.Status.FAILED))
        .thenReturn(List.of(failed(1, new byte[]{1, 2, 3}), failed(2, null)));
    assertThat(failuresController.failures()).containsExactly(
        new MailFailuresController.FailedMail(1L, "<k1@x>", "maria@example.com", "Kettle", "unreadable: x", T, 3),
        new MailFailuresController.FailedMail(2L, "<k2@x>", "maria@example.com", "Kettle", "unreadable: x", T, 0));
  }

  @Test
  void retryingAnUnknownOrNotFailedMailIs404() {
    when(ledger.findById(1L)).thenReturn(Optional.empty());
    ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> failuresController.retry(1L));
    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(e.getBody().getDetail()).isEqualTo("No failed inbound mail 1");

    InboundMail processed = failed(2, null);
    processed.processed("SC-1", T, null);
    when(ledger.findById(2L)).thenReturn(Optional.of(processed));
    assertThat(catchThrowableOfType(ErrorResponseException.class, () -> failuresController.retry(2L)).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    verify(processor, never()).retry(anyLong());
  }

  @Test
  void aMailThatStillFailsIs422() {
    when(ledger.findById(3L)).thenReturn(Optional.of(failed(3, new byte[]{1})));
    when(processor.retry(3L)).thenReturn(Optional.of("unreadable: no sender address"));
    ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> failuresController.retry(3L));
    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(e.getBody().getDetail()).isEqualTo("unreadable: no sender address");
    assertThat(e.getBody().getType()).hasToString("/problems/mail-still-failing");
    assertThat(e.getBody().getTitle()).isEqualTo("Mail still cannot be processed");
  }

  @Test
  void aRetriedMailIsReceivedAgain() {
    when(ledger.findById(4L)).thenReturn(Optional.of(failed(4, new byte[]{1})));
    when(processor.retry(4L)).thenReturn(Optional.empty());
    assertThat(failuresController.retry(4L)).isEqualTo(new MailFailuresController.RetryResult(4L, "RECEIVED"));
    verify(processor).retry(4L);
  }
}
