package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ledger row's states: what each transition keeps, clears and truncates. */
class InboundMailTest {
  private static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00Z");
  private static final Instant LATER = RECEIVED.plusSeconds(60);

  private static InboundMail row() {
    return new InboundMail("<k@x>", "INBOX", "maria@example.com", "Kettle", new byte[]{1, 2, 3}, RECEIVED);
  }

  @Test
  void aNewRowKeepsWhatItWasGiven() {
    InboundMail m = row();
    assertThat(m.getLedgerKey()).isEqualTo("<k@x>");
    assertThat(m.getFolder()).isEqualTo("INBOX");
    assertThat(m.getFromAddress()).isEqualTo("maria@example.com");
    assertThat(m.getSubject()).isEqualTo("Kettle");
    assertThat(m.getRaw()).containsExactly(1, 2, 3);
    assertThat(m.getReceivedAt()).isEqualTo(RECEIVED);
    assertThat(m.getStatus()).isNull();
    assertThat(m.getId()).isNull();
    assertThat(m.getProcessedAt()).isNull();
    assertThat(m.getCaseNumber()).isNull();
  }

  @Test
  void senderAndSubjectAreTruncatedToTheirColumns() {
    InboundMail m = new InboundMail("k", "INBOX", "a".repeat(321), "s".repeat(1001), null, RECEIVED);
    assertThat(m.getFromAddress()).hasSize(320);
    assertThat(m.getSubject()).hasSize(1000);
    InboundMail exact = new InboundMail("k", "INBOX", "a".repeat(320), "s".repeat(1000), null, RECEIVED);
    assertThat(exact.getFromAddress()).hasSize(320);
    assertThat(exact.getSubject()).hasSize(1000);
  }

  @Test
  void processedClearsTheRawCopyAndTheError() {
    InboundMail m = row();
    m.failed("boom");
    m.processed("SC-2026-000001", LATER, null);
    assertThat(m.getStatus()).isEqualTo(InboundMail.Status.PROCESSED);
    assertThat(m.getCaseNumber()).isEqualTo("SC-2026-000001");
    assertThat(m.getError()).isNull();
    assertThat(m.getRaw()).isNull();
    assertThat(m.getProcessedAt()).isEqualTo(LATER);
  }

  @Test
  void settledKeepsTheReasonTruncatedAndClearsRawAndError() {
    InboundMail m = row();
    m.failed("boom");
    m.settled(InboundMail.Status.BOUNCED, "r".repeat(501), "SC-1", LATER);
    assertThat(m.getStatus()).isEqualTo(InboundMail.Status.BOUNCED);
    assertThat(m.getDisposition()).hasSize(500);
    assertThat(m.getCaseNumber()).isEqualTo("SC-1");
    assertThat(m.getError()).isNull();
    assertThat(m.getRaw()).isNull();
    assertThat(m.getProcessedAt()).isEqualTo(LATER);

    InboundMail ignored = row();
    ignored.settled(InboundMail.Status.IGNORED, "automatic reply", null, LATER);
    assertThat(ignored.getDisposition()).isEqualTo("automatic reply");
    assertThat(ignored.getStatus()).isEqualTo(InboundMail.Status.IGNORED);
  }

  @Test
  void failedKeepsTheRawCopyAndReceivedResetsTheError() {
    InboundMail m = row();
    m.failed("unreadable: x");
    assertThat(m.getStatus()).isEqualTo(InboundMail.Status.FAILED);
    assertThat(m.getError()).isEqualTo("unreadable: x");
    assertThat(m.getRaw()).containsExactly(1, 2, 3);
    m.received();
    assertThat(m.getStatus()).isEqualTo(InboundMail.Status.RECEIVED);
    assertThat(m.getError()).isNull();
    assertThat(m.getRaw()).containsExactly(1, 2, 3);
  }
}
