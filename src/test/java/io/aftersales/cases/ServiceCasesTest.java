package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.aftersales.masterdata.Customer;
import io.aftersales.masterdata.CustomerType;
import io.aftersales.masterdata.MasterData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The module API's own rules: subjects and thread text, reply targets, tokens, bounces and answers. */
class ServiceCasesTest {
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private final ServiceCaseRepository caseRepository = mock(ServiceCaseRepository.class);
  private final CaseMessageRepository messageRepository = mock(CaseMessageRepository.class);
  private final MasterData masterData = mock(MasterData.class);
  private final RuntimeService runtime = mock(RuntimeService.class);
  private final org.springframework.context.ApplicationEventPublisher events =
      mock(org.springframework.context.ApplicationEventPublisher.class);
  private final CaseStages stages = mock(CaseStages.class);
  private final ServiceCases cases = new ServiceCases(caseRepository, messageRepository, masterData, runtime,
      Clock.fixed(NOW, ZoneOffset.UTC), events,
      new CaseLinks("https://service.example"), stages, new CaseSettings("P14D"));

  private static Customer maria() {
    return new Customer("Maria", "maria@example.com", null, CustomerType.CONSUMER);
  }

  private static ServiceCase aCase(String number, String token) {
    return new ServiceCase(number, SourceChannel.EMAIL, null, maria(), "Kettle", ServiceCases.sha256(token),
        NOW.minusSeconds(86_400));
  }

  // --- subjects and the thread text ---

  @Test
  void aRecordSubjectKeeps300CharactersAndMarksALongerOneShortened() {
    String exact = "s".repeat(ServiceCases.SUBJECT_LENGTH);
    assertThat(ServiceCases.recordSubject(exact)).isEqualTo(exact);
    String shortened = ServiceCases.recordSubject("s".repeat(ServiceCases.SUBJECT_LENGTH + 1));
    assertThat(shortened).hasSize(ServiceCases.SUBJECT_LENGTH).endsWith("s\u2026");
    assertThat(ServiceCases.recordSubject(null)).isNull();
  }

  @Test
  void aRecordSubjectHoldsNoNulCharacters() {
    assertThat(ServiceCases.recordSubject("Ket\u0000tle")).isEqualTo("Kettle");
  }

  @Test
  void theThreadKeepsTheBodyAloneWhenTheSubjectFitsTheRecord() {
    assertThat(ServiceCases.wholeText("Kettle leaks", "It leaks.")).isEqualTo("It leaks.");
    String exact = "s".repeat(ServiceCases.SUBJECT_LENGTH);
    assertThat(ServiceCases.wholeText(exact, "It leaks.")).isEqualTo("It leaks.");
    assertThat(ServiceCases.wholeText(null, "It leaks.")).isEqualTo("It leaks.");
  }

  @Test
  void aSubjectTooLongForTheRecordIsKeptWholeAtTheTopOfTheThreadText() {
    String subject = "s".repeat(ServiceCases.SUBJECT_LENGTH) + "END";
    assertThat(ServiceCases.wholeText(subject, "It leaks.")).isEqualTo("Subject: " + subject + "\n\nIt leaks.");
  }

  @Test
  void theThreadTextHoldsNoNulCharacters() {
    String subject = "s".repeat(ServiceCases.SUBJECT_LENGTH) + "\u0000x";
    assertThat(ServiceCases.wholeText(subject, "It\u0000 leaks.")).doesNotContain("\u0000")
        .startsWith("Subject: ").endsWith("sx\n\nIt leaks.");
    // A NUL does not count towards the length: 300 characters and a NUL still fit the record.
    assertThat(ServiceCases.wholeText("s".repeat(ServiceCases.SUBJECT_LENGTH) + "\u0000", "body")).isEqualTo("body");
  }

  @Test
  void theTokenHashIsTheHexSha256OfTheToken() {
    assertThat(ServiceCases.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ServiceCases.sha256("token-1")).hasSize(64).isNotEqualTo(ServiceCases.sha256("token-2"));
  }

  // --- who a reply is from ---

  @Test
  void aReplyIsFromTheCustomerWhateverTheCaseOfTheAddress() {
    ServiceCases.ReplyTarget target = new ServiceCases.ReplyTarget("SC-2026-000001", "maria@example.com");
    assertThat(target.isFrom("maria@example.com")).isTrue();
    assertThat(target.isFrom("Maria@Example.COM")).isTrue();
  }

  @Test
  void whitespaceAroundTheSenderDoesNotMakeItSomeoneElse() {
    ServiceCases.ReplyTarget target = new ServiceCases.ReplyTarget("SC-2026-000001", "maria@example.com");
    assertThat(target.isFrom("  maria@example.com\t\n")).isTrue();
  }

  @Test
  void anotherAddressOrNoAddressIsNotTheCustomer() {
    ServiceCases.ReplyTarget target = new ServiceCases.ReplyTarget("SC-2026-000001", "maria@example.com");
    assertThat(target.isFrom("paul@example.com")).isFalse();
    assertThat(target.isFrom("maria@example.com.evil.test")).isFalse();
    assertThat(target.isFrom("")).isFalse();
    assertThat(target.isFrom(null)).isFalse();
  }

  @Test
  void aCustomerWithoutEmailIsNeverTheSenderOfAMail() {
    ServiceCases.ReplyTarget target = new ServiceCases.ReplyTarget("SC-2026-000001", null);
    assertThat(target.isFrom("maria@example.com")).isFalse();
    assertThat(target.isFrom(null)).isFalse();
  }

  // --- with stubbed repositories ---

  @Test
  void aReplyFindsItsCaseByAReferencedMessageIdBeforeTheSubject() {
    when(messageRepository.findCasesByMessageIds(List.of("<m1@aftersales.local>")))
        .thenReturn(List.of(aCase("SC-2026-000007", "t")));
    Optional<ServiceCases.ReplyTarget> target = cases.findCaseForReply(List.of("<m1@aftersales.local>"),
        "Re: [SC-2026-000001] Kettle");
    assertThat(target).contains(new ServiceCases.ReplyTarget("SC-2026-000007", "maria@example.com"));
    verify(caseRepository, never()).findByCaseNumber(anyString());
  }

  @Test
  void withoutAKnownMessageIdAReplyFindsItsCaseByTheNumberInTheSubject() {
    when(caseRepository.findByCaseNumber("SC-2026-000001")).thenReturn(Optional.of(aCase("SC-2026-000001", "t")));
    assertThat(cases.findCaseForReply(List.of("<unknown@example.com>"), "AW: [SC-2026-000001] Kettle"))
        .map(ServiceCases.ReplyTarget::caseNumber).contains("SC-2026-000001");
    assertThat(cases.findCaseForReply(List.of(), "AW: [SC-2026-000001] Kettle"))
        .map(ServiceCases.ReplyTarget::caseNumber).contains("SC-2026-000001");
    verify(messageRepository).findCasesByMessageIds(List.of("<unknown@example.com>"));
    assertThat(cases.findCaseForReply(List.of(), "A new question")).isEmpty();
  }

  @Test
  void onlyTheRightTokenOpensACase() {
    when(caseRepository.findByCaseNumber("SC-2026-000001")).thenReturn(Optional.of(aCase("SC-2026-000001", "secret")));
    assertThat(cases.tokenMatches("SC-2026-000001", "secret")).isTrue();
    assertThat(cases.tokenMatches("SC-2026-000001", "Secret")).isFalse();
    assertThat(cases.tokenMatches("SC-2026-000001", ServiceCases.sha256("secret"))).isFalse();
    assertThat(cases.tokenMatches("SC-2026-000002", "secret")).isFalse();
  }

  @Test
  void aMissingOrBlankTokenIsRefusedWithoutLookingTheCaseUp() {
    assertThat(cases.tokenMatches("SC-2026-000001", null)).isFalse();
    assertThat(cases.tokenMatches("SC-2026-000001", "  ")).isFalse();
    verifyNoInteractions(caseRepository);
  }

  @Test
  void aBounceMarksTheOutboundMessagesAndNamesTheirCases() {
    ServiceCase first = aCase("SC-2026-000001", "t");
    ServiceCase second = aCase("SC-2026-000002", "t");
    CaseMessage a = first.addMessage(MessageDirection.OUTBOUND, "EMAIL", "agent", "Re", "Hi", "<a@x>", null, NOW);
    CaseMessage b = second.addMessage(MessageDirection.OUTBOUND, "EMAIL", "agent", "Re", "Hi", "<b@x>", null, NOW);
    when(messageRepository.findOutboundByMessageIds(List.of("<a@x>", "<b@x>"))).thenReturn(List.of(a, b));

    assertThat(cases.markUndeliverable(List.of("<a@x>", "<b@x>"), "550 mailbox unknown"))
        .containsExactly("SC-2026-000001", "SC-2026-000002");
    assertThat(a.getDeliveryFailure()).isEqualTo("550 mailbox unknown");
    assertThat(b.getDeliveryFailure()).isEqualTo("550 mailbox unknown");
  }

  @Test
  void theAcknowledgementIsNoFirstAnswerButAnAgentsAnswerIs() {
    ServiceCase c = aCase("SC-2026-000001", "t");
    when(caseRepository.findById(1L)).thenReturn(Optional.of(c));

    cases.recordOutbound(1L, "EMAIL", "system", "Re", "We got it", "<ack@x>", null, false);
    assertThat(c.getFirstAnsweredAt()).isNull();
    assertThat(c.getStatus()).isEqualTo(CaseStatus.NEW);

    cases.recordOutbound(1L, "EMAIL", "agent", "Re", "Here is how", "<ans@x>", null, true);
    assertThat(c.getFirstAnsweredAt()).isEqualTo(NOW);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(c.getMessages()).extracting(CaseMessage::getMessageId).containsExactly("<ack@x>", "<ans@x>"); // Only the person's answer moves the service levels (first reply met), under the case row's lock.
    org.mockito.Mockito.verify(events, org.mockito.Mockito.times(1)).publishEvent(new CustomerAnswered(1L, NOW));
    org.mockito.Mockito.verify(caseRepository, org.mockito.Mockito.times(2)).lockRow(1L);
  }

  @Test
  void outboundMailAnswersUnderTheCustomersLatestEmail() {
    ServiceCase c = aCase("SC-2026-000001", "t");
    c.addMessage(MessageDirection.INBOUND, "EMAIL", "maria@example.com", "Kettle", "1", "<in1@example.com>", null, NOW);
    c.addMessage(MessageDirection.INBOUND, "EMAIL", "maria@example.com", "Kettle", "2", "<in2@example.com>", null, NOW);
    c.addMessage(MessageDirection.OUTBOUND, "EMAIL", "agent", "Re", "3", "<out@aftersales.local>", null, NOW);
    c.addMessage(MessageDirection.INBOUND, "WEB_FORM", "customer", "Re", "4", null, null, NOW);
    when(caseRepository.findById(1L)).thenReturn(Optional.of(c));

    OutboundMail mail = cases.outboundMail(1L);
    assertThat(mail.inReplyTo()).isEqualTo("<in2@example.com>");
    assertThat(mail.email()).isEqualTo("maria@example.com");
    assertThat(mail.caseNumber()).isEqualTo("SC-2026-000001");
  }

  @Test
  void openingACaseStoresOnlyTheTokensHashAndKeepsALongSubjectWholeOnTheThread() {
    Customer maria = maria();
    when(masterData.matchCustomer("Maria", "maria@example.com", null))
        .thenReturn(new MasterData.CustomerMatch(maria, null));
    when(caseRepository.nextCaseSequence()).thenReturn(42L);
    String subject = "k".repeat(ServiceCases.SUBJECT_LENGTH + 20);

    OpenedCase opened = cases.open(new OpenCaseCommand(SourceChannel.WEB_FORM, "Maria", "maria@example.com", null,
        " ORD-1 ", "  ", null, null, RequestType.RETURN, subject, "It leaks.", null));

    assertThat(opened.caseNumber()).isEqualTo("SC-2026-000042");
    assertThat(opened.accessToken()).isNotBlank();
    ArgumentCaptor<ServiceCase> saved = ArgumentCaptor.forClass(ServiceCase.class);
    verify(caseRepository).saveAndFlush(saved.capture());
    ServiceCase c = saved.getValue();
    assertThat(c.getAccessTokenHash()).isEqualTo(ServiceCases.sha256(opened.accessToken()))
        .isNotEqualTo(opened.accessToken());
    assertThat(c.getSubject()).hasSize(ServiceCases.SUBJECT_LENGTH).endsWith("\u2026");
    assertThat(c.getOrderReference()).isEqualTo("ORD-1");
    assertThat(c.getProductReference()).isNull();
    assertThat(c.getMessages()).singleElement().satisfies(m -> {
      assertThat(m.getBody()).isEqualTo("Subject: " + subject + "\n\nIt leaks.");
      assertThat(m.getAuthor()).isEqualTo("maria@example.com");
      assertThat(m.getDirection()).isEqualTo(MessageDirection.INBOUND);
    });
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
    verify(runtime).startProcessInstanceByKey(eq(ServiceCaseProcess.KEY), eq("SC-2026-000042"), variables.capture());
    assertThat(variables.getValue()).containsEntry("subject", c.getSubject())
        .containsEntry("requestType", "RETURN").containsEntry("customerContact", "maria@example.com")
        .doesNotContainKey("contactNote");
    // The acknowledgement's listener joins the opening transaction.
    verify(events).publishEvent(new CaseOpened(c.getId(), "SC-2026-000042",
        "https://service.example/status.html#case=SC-2026-000042&token=" + opened.accessToken()));
  }

  @Test
  void twoOpenedCasesGetDifferentTokensUnlessTheCallerChoseOne() {
    when(masterData.matchCustomer(any(), any(), any())).thenReturn(new MasterData.CustomerMatch(maria(), null));
    when(caseRepository.nextCaseSequence()).thenReturn(1L, 2L, 3L);
    OpenCaseCommand command = new OpenCaseCommand(SourceChannel.CHAT, "Maria", "maria@example.com", null, null,
        null, null, null, null, "Kettle", "It leaks.", null);

    String first = cases.open(command).accessToken();
    String second = cases.open(command).accessToken();
    String chosen = cases.open(command, "chosen-token").accessToken();

    assertThat(first).isNotEqualTo(second);
    assertThat(chosen).isEqualTo("chosen-token");
    verify(runtime, org.mockito.Mockito.times(3)).startProcessInstanceByKey(anyString(), anyString(), anyMap());
  }
}
