package io.aftersales.mail;

import io.aftersales.shared.Problems;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inbound mail that could not become a case: team leads see it here (auditors read along) and
 * retry it once the cause is fixed. The raw message is kept until it is processed.
 */
@RestController
@RequestMapping("/api/mail/failures")
record MailFailuresController(InboundMailRepository ledger, InboundMailProcessor processor) {
  record FailedMail(Long id, String messageId, String from, String subject, String error, Instant receivedAt,
      int sizeBytes) {}

  record RetryResult(Long id, String status) {}

  @GetMapping
  List<FailedMail> failures() {
    return ledger.findByStatusOrderByReceivedAtDesc(InboundMail.Status.FAILED).stream()
        .map(m -> new FailedMail(m.getId(), m.getLedgerKey(), m.getFromAddress(), m.getSubject(), m.getError(),
            m.getReceivedAt(), m.getRaw() == null ? 0 : m.getRaw().length))
        .toList();
  }

  /**
   * Queues a failed mail again (202: its job turns it into a case in the background and it leaves this
   * list); a mail that still cannot be read, or has no stored copy, is refused with 422 and stays listed.
   */
  @PostMapping("/{id}/retry")
  @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
  RetryResult retry(@PathVariable Long id) {
    InboundMail mail = ledger.findById(id).filter(m -> m.getStatus() == InboundMail.Status.FAILED)
        .orElseThrow(() -> Problems.notFound("failed inbound mail " + id));
    processor.retry(mail.getId()).ifPresent(error -> {
      throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "mail-still-failing", "Mail still cannot be processed",
          error);
    });
    return new RetryResult(id, InboundMail.Status.RECEIVED.name());
  }
}
