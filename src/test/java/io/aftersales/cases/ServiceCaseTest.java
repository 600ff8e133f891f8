package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.masterdata.Customer;
import io.aftersales.masterdata.CustomerType;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** State changes of a case and of the messages on its thread. */
class ServiceCaseTest {
  private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00Z");

  private static ServiceCase newCase() {
    return new ServiceCase("SC-2026-000001", SourceChannel.WEB_FORM, null,
        new Customer("Maria", "maria@example.com", null, CustomerType.CONSUMER), "Kettle leaks", "hash", OPENED);
  }

  private static CaseMessage outbound(ServiceCase c) {
    return c.addMessage(MessageDirection.OUTBOUND, "EMAIL", "agent", "Re: Kettle", "Sorry", "<m1@aftersales.local>",
        null, OPENED);
  }

  @Test
  void aNewCaseIsNewWithNormalPriorityAndNoAnswerYet() {
    ServiceCase c = newCase();
    assertThat(c.getStatus()).isEqualTo(CaseStatus.NEW);
    assertThat(c.getPriority()).isEqualTo(Priority.NORMAL);
    assertThat(c.getFirstAnsweredAt()).isNull();
    assertThat(c.getClosedAt()).isNull();
    assertThat(c.isClosed()).isFalse();
    assertThat(c.getOpenedAt()).isEqualTo(OPENED);
  }

  @Test
  void theFirstAnswerSetsTheFirstResponseTimeAndPutsTheCaseInProgress() {
    ServiceCase c = newCase();
    Instant answered = OPENED.plusSeconds(3600);
    c.recordAnswer(answered);
    assertThat(c.getFirstAnsweredAt()).isEqualTo(answered);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
  }

  @Test
  void aLaterAnswerDoesNotMoveTheFirstResponseTime() {
    ServiceCase c = newCase();
    Instant first = OPENED.plusSeconds(3600);
    c.recordAnswer(first);
    c.recordAnswer(first.plusSeconds(7200));
    assertThat(c.getFirstAnsweredAt()).isEqualTo(first);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
  }

  @Test
  void anAnswerOnAClosedCaseDoesNotReopenIt() {
    ServiceCase c = newCase();
    c.close(OPENED.plusSeconds(60));
    c.recordAnswer(OPENED.plusSeconds(120));
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.isClosed()).isTrue();
  }

  @Test
  void closingAgainKeepsTheFirstClosingTime() {
    ServiceCase c = newCase();
    Instant closed = OPENED.plusSeconds(60);
    c.close(closed);
    c.close(closed.plusSeconds(3600));
    assertThat(c.getClosedAt()).isEqualTo(closed);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void classifyingChangesOnlyWhatIsGiven() {
    ServiceCase c = newCase();
    c.classify(RequestType.WARRANTY, null);
    assertThat(c.getRequestType()).isEqualTo(RequestType.WARRANTY);
    assertThat(c.getPriority()).isEqualTo(Priority.NORMAL);
    c.classify(null, Priority.URGENT);
    assertThat(c.getRequestType()).isEqualTo(RequestType.WARRANTY);
    assertThat(c.getPriority()).isEqualTo(Priority.URGENT);
  }

  @Test
  void aContactNoteIsKeptUpTo500CharactersAndMarkedWhenShortened() {
    ServiceCase c = newCase();
    String exact = "n".repeat(500);
    c.noteContact(exact);
    assertThat(c.getContactNote()).isEqualTo(exact);
    c.noteContact("n".repeat(501));
    assertThat(c.getContactNote()).hasSize(500).endsWith("n\u2026");
    c.noteContact(null);
    assertThat(c.getContactNote()).isNull();
  }

  @Test
  void messagesJoinTheThreadInOrderAndBelongToTheirCase() {
    ServiceCase c = newCase();
    CaseMessage first = c.addMessage(MessageDirection.INBOUND, "WEB_FORM", "maria@example.com", "Kettle leaks",
        "It leaks", null, null, OPENED);
    CaseMessage second = outbound(c);
    assertThat(c.getMessages()).containsExactly(first, second);
    assertThat(first.getServiceCase()).isSameAs(c);
    assertThat(second.getDirection()).isEqualTo(MessageDirection.OUTBOUND);
    assertThat(second.getMessageId()).isEqualTo("<m1@aftersales.local>");
  }

  @Test
  void aPurchaseLinkKeepsTheReferencesAsGivenAndAFollowUpNamesItsPredecessor() {
    ServiceCase previous = newCase();
    ServiceCase c = newCase();
    c.linkPurchase(null, "WEB-UNKNOWN-1", null, "KW-PAN-28", "SN-1", LocalDate.of(2025, 11, 3));
    c.markFollowUpOf(previous);
    assertThat(c.getOrder()).isNull();
    assertThat(c.getOrderReference()).isEqualTo("WEB-UNKNOWN-1");
    assertThat(c.getProductReference()).isEqualTo("KW-PAN-28");
    assertThat(c.getSerialNumber()).isEqualTo("SN-1");
    assertThat(c.getPurchaseDate()).isEqualTo(LocalDate.of(2025, 11, 3));
    assertThat(c.getFollowUpOf()).isSameAs(previous);
  }

  @Test
  void aMessageIsNotKnownToHaveFailedUntilItBounces() {
    assertThat(outbound(newCase()).getDeliveryFailure()).isNull();
  }

  @Test
  void aBounceWithoutAReasonIsStillMarkedUndeliverable() {
    CaseMessage m = outbound(newCase());
    m.markUndeliverable(null);
    assertThat(m.getDeliveryFailure()).isEqualTo("returned as undeliverable");
    CaseMessage n = outbound(newCase());
    n.markUndeliverable("  \n ");
    assertThat(n.getDeliveryFailure()).isEqualTo("returned as undeliverable");
  }

  @Test
  void aBounceReasonIsStrippedAndALaterBounceReplacesIt() {
    CaseMessage m = outbound(newCase());
    m.markUndeliverable("  550 5.1.1 mailbox unknown \r\n");
    assertThat(m.getDeliveryFailure()).isEqualTo("550 5.1.1 mailbox unknown");
    m.markUndeliverable("552 mailbox full");
    assertThat(m.getDeliveryFailure()).isEqualTo("552 mailbox full");
  }

  @Test
  void aBounceReasonIsKeptUpTo1000CharactersAndMarkedWhenShortened() {
    CaseMessage m = outbound(newCase());
    String exact = "r".repeat(1000);
    m.markUndeliverable(exact);
    assertThat(m.getDeliveryFailure()).isEqualTo(exact);
    m.markUndeliverable("r".repeat(5000));
    assertThat(m.getDeliveryFailure()).hasSize(1000).endsWith("r\u2026");
  }
}
