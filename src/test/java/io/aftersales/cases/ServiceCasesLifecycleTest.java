package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftersales.masterdata.Customer;
import io.aftersales.masterdata.CustomerType;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.masterdata.SalesChannel;
import io.aftersales.masterdata.SalesOrder;
import io.aftersales.shared.Texts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mockito;
import org.springframework.http.HttpStatus;
import org.springframework.test.util.ReflectionTestUtils;

/** Opening (with order, product and contact notes), replies, follow-ups, reviews and closing, repositories stubbed. */
class ServiceCasesLifecycleTest {
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  private static final Product KETTLE = new Product("KW-KET-17", "Kettle", "KETTLE", 24, null, new BigDecimal("49.90"));

  private final ServiceCaseRepository caseRepository = mock(ServiceCaseRepository.class);
  private final CaseMessageRepository messageRepository = mock(CaseMessageRepository.class);
  private final MasterData masterData = mock(MasterData.class);
  private final RuntimeService runtime = mock(RuntimeService.class);
  private final org.springframework.context.ApplicationEventPublisher events =
      mock(org.springframework.context.ApplicationEventPublisher.class);
  private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
  private final CaseStages stages = mock(CaseStages.class);
  private final ServiceCases cases = new ServiceCases(caseRepository, messageRepository, masterData, runtime,
      Clock.fixed(NOW, ZoneOffset.UTC), events,
      new CaseLinks("https://service.example"), stages, new CaseSettings("P14D"));

  private static Customer maria() {
    return new Customer("Maria", "maria@example.com", "+491701234567", CustomerType.CONSUMER);
  }

  private static ServiceCase aCase(String number) {
    return new ServiceCase(number, SourceChannel.EMAIL, RequestType.WARRANTY, maria(), "Kettle",
        ServiceCases.sha256("t"), NOW.minusSeconds(86_400));
  }

  @BeforeEach
  void stubs() {
    when(caseRepository.nextCaseSequence()).thenReturn(42L);
    when(caseRepository.saveAndFlush(any())).thenAnswer(call -> {
      ReflectionTestUtils.setField((Object) call.getArgument(0), "id", 5L);
      return call.getArgument(0);
    });
    when(runtime.createMessageCorrelation(anyString())).thenReturn(correlation);
  }

  private ServiceCase saved() {
    ArgumentCaptor<ServiceCase> saved = ArgumentCaptor.forClass(ServiceCase.class);
    verify(caseRepository).saveAndFlush(saved.capture());
    return saved.getValue();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> started(String number) {
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
    verify(runtime).startProcessInstanceByKey(eq(ServiceCaseProcess.KEY), eq(number), variables.capture());
    return variables.getValue();
  }

  // --- opening ---

  @Test
  void theCaseCarriesTheTriagesPriorityUntilTheAgentConfirmsOneAndSaysWhoItIsFor() {
    when(masterData.matchCustomer("Maria", "maria@example.com", null))
        .thenReturn(new MasterData.CustomerMatch(maria(), null));
    org.camunda.bpm.engine.runtime.ProcessInstance instance =
        mock(org.camunda.bpm.engine.runtime.ProcessInstance.class);
    when(instance.getId()).thenReturn("pi-1");
    when(runtime.startProcessInstanceByKey(anyString(), anyString(), anyMap())).thenReturn(instance);
    when(runtime.getVariable("pi-1", "priority")).thenReturn("URGENT");
    cases.open(new OpenCaseCommand(SourceChannel.CHAT, "Maria", "maria@example.com", null, null, null, null, null,
        RequestType.RETURN, "Smoke", "It smokes", null));
    ServiceCase c = saved();
    assertThat(c.getPriority()).isEqualTo(Priority.URGENT);

    when(caseRepository.findById(5L)).thenReturn(Optional.of(c));
    ServiceCases.Summary summary = cases.summary(5L);
    assertThat(summary).isEqualTo(new ServiceCases.Summary(5L, "SC-2026-000042", "Maria", "Smoke", Priority.URGENT,
        SourceChannel.CHAT, null, RequestType.RETURN));

    // A suggestion the case does not know is left aside.
    when(runtime.getVariable("pi-1", "priority")).thenReturn("SOON");
    org.mockito.Mockito.clearInvocations(caseRepository);
    cases.open(new OpenCaseCommand(SourceChannel.CHAT, "Maria", "maria@example.com", null, null, null, null, null,
        null, "Smoke", "It smokes", null));
    assertThat(saved().getPriority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void aCaseForAKnownOrderAndProductStartsItsProcessWithTheFacts() {
    Customer maria = maria();
    SalesOrder order = new SalesOrder("WEB-1001", SalesChannel.ECOMMERCE, null, null, maria, LocalDate.of(2025, 11, 3),
        LocalDate.of(2025, 11, 5)).addLine(KETTLE, 1, new BigDecimal("44.00"));
    when(masterData.matchCustomer("Maria", "maria@example.com", null))
        .thenReturn(new MasterData.CustomerMatch(maria, null));
    when(masterData.orderByNumber("WEB-1001")).thenReturn(Optional.of(order));
    when(masterData.productBySku("KW-KET-17")).thenReturn(Optional.of(KETTLE));
    String message = "m".repeat(Texts.EXCERPT_LENGTH + 1);

    OpenedCase opened = cases.open(new OpenCaseCommand(SourceChannel.WEB_FORM, "Maria", "maria@example.com", null,
        "WEB-1001", "KW-KET-17", " SN-1 ", null, null, "Kettle", message, null));

    assertThat(opened.caseId()).isEqualTo(5L);
    assertThat(opened.caseNumber()).isEqualTo("SC-2026-000042");
    ServiceCase c = saved();
    assertThat(c.getOrder()).isSameAs(order);
    assertThat(c.getProduct()).isSameAs(KETTLE);
    assertThat(c.getSerialNumber()).isEqualTo("SN-1");
    assertThat(c.getPurchaseDate()).as("the order's, as the customer gave none").isEqualTo(LocalDate.of(2025, 11, 3));
    assertThat(c.getContactNote()).isNull();
    assertThat(c.getFollowUpOf()).isNull();
    assertThat(c.getSourceChannel()).isEqualTo(SourceChannel.WEB_FORM);
    assertThat(c.getOpenedAt()).isEqualTo(NOW);
    assertThat(c.getMessages()).singleElement().satisfies(m -> {
      assertThat(m.getChannel()).isEqualTo("WEB_FORM");
      assertThat(m.getBody()).isEqualTo(message);
      assertThat(m.getCreatedAt()).isEqualTo(NOW);
    });

    Map<String, Object> variables = started("SC-2026-000042");
    assertThat(variables).containsEntry("caseId", 5L).containsEntry("caseNumber", "SC-2026-000042")
        .containsEntry("sourceChannel", "WEB_FORM").containsEntry("subject", "Kettle")
        .containsEntry("customerMessage", Texts.excerpt(message)).containsEntry("priority", "NORMAL")
        .containsEntry("requestType", null).containsEntry("orderKnown", Variables.untypedValue(true, true))
        .containsEntry("orderNumber", "WEB-1001")
        .containsEntry("customerContact", "maria@example.com").doesNotContainKey("contactNote")
        // the procedures load the rest of the facts from the case; the opening transaction writes fewer variables
        .doesNotContainKeys("productName", "purchasePrice", "daysSinceDelivery", "warrantyMonths", "serialNumber");
    assertThat((String) variables.get("customerMessage")).hasSize(Texts.EXCERPT_LENGTH);
  }

  @Test
  void thePurchaseDateTheCustomerGaveWinsOverTheOrders() {
    SalesOrder order = new SalesOrder("WEB-1001", SalesChannel.ECOMMERCE, null, null, null, LocalDate.of(2025, 11, 3),
        null);
    when(masterData.matchCustomer(any(), any(), any())).thenReturn(new MasterData.CustomerMatch(maria(), null));
    when(masterData.orderByNumber("WEB-1001")).thenReturn(Optional.of(order));
    cases.open(new OpenCaseCommand(SourceChannel.CHAT, "Maria", "maria@example.com", null, "WEB-1001", null, null,
        LocalDate.of(2025, 12, 24), RequestType.RETURN, "Kettle", "It leaks.", null));
    assertThat(saved().getPurchaseDate()).isEqualTo(LocalDate.of(2025, 12, 24));
  }

  @Test
  void aCustomerKnownByPhoneIsAnsweredThereAndTheAgentSeesTheContactNote() {
    Customer paul = new Customer("Paul", null, "+491709999999", CustomerType.CONSUMER);
    when(masterData.matchCustomer("Paul", null, " +49 170 9999999 "))
        .thenReturn(new MasterData.CustomerMatch(paul, "Phone is also on file for Maria."));

    cases.open(new OpenCaseCommand(SourceChannel.WHATSAPP, "Paul", null, " +49 170 9999999 ", null, null, null, null,
        RequestType.INFORMATION, "Hours?", "When are you open?", null), "chosen");

    ServiceCase c = saved();
    assertThat(c.getContactNote()).isEqualTo("Phone is also on file for Maria.");
    assertThat(c.getMessages().get(0).getAuthor()).isEqualTo("+49 170 9999999");
    assertThat(c.getAccessTokenHash()).isEqualTo(ServiceCases.sha256("chosen"));
    assertThat(started("SC-2026-000042")).containsEntry("customerContact", "+491709999999")
        .containsEntry("contactNote", "Phone is also on file for Maria.").containsEntry("requestType", "INFORMATION");
  }

  @Test
  void withoutEmailOrPhoneTheAuthorIsTheName() {
    when(masterData.matchCustomer(any(), any(), any())).thenReturn(new MasterData.CustomerMatch(maria(), null));
    cases.open(new OpenCaseCommand(SourceChannel.SOCIAL_MEDIA, "Maria M.", " ", "  ", null, null, null, null, null,
        "Post", "Saw your post", null));
    assertThat(saved().getMessages().get(0).getAuthor()).isEqualTo("Maria M.");
  }

  // --- customer replies ---

  @Test
  void aReplyToAnOpenCaseJoinsTheThreadAndTellsTheProcess() {
    ServiceCase c = aCase("SC-2026-000001");
    when(caseRepository.findByCaseNumber("SC-2026-000001")).thenReturn(Optional.of(c));

    String landed = cases.addCustomerMessage("SC-2026-000001", SourceChannel.EMAIL, "maria@example.com",
        "Re: Kettle\u0000", "Still\u0000 leaking", "<r1@example.com>", "<m1@aftersales.local>");

    assertThat(landed).isEqualTo("SC-2026-000001");
    assertThat(c.getMessages()).singleElement().satisfies(m -> {
      assertThat(m.getDirection()).isEqualTo(MessageDirection.INBOUND);
      assertThat(m.getChannel()).isEqualTo("EMAIL");
      assertThat(m.getAuthor()).isEqualTo("maria@example.com");
      assertThat(m.getSubject()).isEqualTo("Re: Kettle");
      assertThat(m.getBody()).isEqualTo("Still leaking");
      assertThat(m.getMessageId()).isEqualTo("<r1@example.com>");
      assertThat(m.getInReplyTo()).isEqualTo("<m1@aftersales.local>");
      assertThat(m.getCreatedAt()).isEqualTo(NOW);
    });
    InOrder order = Mockito.inOrder(caseRepository, runtime, correlation);
    order.verify(caseRepository).flush();
    order.verify(runtime).createMessageCorrelation(ServiceCaseProcess.MESSAGE_CUSTOMER_REPLIED);
    verify(correlation).processInstanceBusinessKey("SC-2026-000001");
    verify(correlation).setVariable("lastCustomerMessage", "Still leaking");
    verify(correlation).setVariable("lastCustomerSender", "maria@example.com");
    verify(correlation).correlateAllWithResult();
    verify(events).publishEvent(new CustomerWrote(c.getId(), NOW));
    verify(caseRepository).lockRow(c.getId());
    verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());
  }

  @Test
  void aReplyWithinTheReopenPeriodReopensTheCaseWhereAnAgentResolvesIt() {
    ServiceCase closed = aCase("SC-2026-000001");
    closed.close(NOW.minus(java.time.Duration.ofDays(14)).plusSeconds(1));
    when(caseRepository.findByCaseNumber("SC-2026-000001")).thenReturn(Optional.of(closed));
    org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder start =
        mock(org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder.class, RETURNS_SELF);
    when(runtime.createProcessInstanceByKey(ServiceCaseProcess.KEY)).thenReturn(start);

    String landed = cases.addCustomerMessage("SC-2026-000001", SourceChannel.EMAIL, "maria@example.com", "Re: Kettle",
        "Still broken", "<r3@example.com>", null);

    assertThat(landed).isEqualTo("SC-2026-000001");
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(closed.getClosedAt()).isNull();
    assertThat(closed.getReopenCount()).isEqualTo(1);
    assertThat(closed.getReopenedAt()).isEqualTo(NOW);
    assertThat(closed.getLastInboundAt()).as("the thread's summary for the KPIs").isEqualTo(NOW);
    assertThat(closed.getMessages()).singleElement().satisfies(m -> assertThat(m.getBody()).isEqualTo("Still broken"));
    verify(start).businessKey("SC-2026-000001");
    verify(start).startBeforeActivity(ServiceCaseProcess.USER_TASK_RESOLVE_CASE);
    verify(start).setVariables(org.mockito.ArgumentMatchers.<Map<String, Object>>argThat(
        v -> "Still broken".equals(v.get("customerMessage")) && Boolean.TRUE.equals(v.get("reopened"))));
    verify(start).execute();
    verify(events).publishEvent(new CaseReopened(closed.getId(), "SC-2026-000001", NOW));
    verify(events).publishEvent(new CustomerWrote(closed.getId(), NOW));
    verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());
    assertThatThrownBy(() -> closed.reopen(NOW)).isInstanceOf(IllegalStateException.class);
    closed.addMessage(MessageDirection.OUTBOUND, "EMAIL", "anna", "Re", "Sorry", null, null, NOW.plusSeconds(5));
    closed.addMessage(MessageDirection.INBOUND, "EMAIL", "maria", "Re", "Old", null, null, NOW.minusSeconds(5));
    assertThat(closed.getLastInboundAt()).as("only a later customer message moves it").isEqualTo(NOW);
  }

  @Test
  void aReplyToAClosedCaseOpensAFollowUpWithTheSamePurchase() {
    ServiceCase closed = aCase("SC-2026-000001");
    closed.linkPurchase(null, "WEB-1001", null, "KW-KET-17", "SN-1", LocalDate.of(2025, 11, 3));
    // Exactly the reopen period after closing: too late to reopen.
    closed.close(NOW.minus(java.time.Duration.ofDays(14)));
    when(caseRepository.findByCaseNumber("SC-2026-000001")).thenReturn(Optional.of(closed));
    when(masterData.matchCustomer("Maria", "maria@example.com", "+491701234567"))
        .thenReturn(new MasterData.CustomerMatch(closed.getCustomer(), null));

    String landed = cases.addCustomerMessage("SC-2026-000001", SourceChannel.EMAIL, "maria@example.com", "Re: Kettle",
        "It broke again", "<r2@example.com>", "<m1@aftersales.local>");

    assertThat(landed).isEqualTo("SC-2026-000042");
    ServiceCase followUp = saved();
    assertThat(followUp.getFollowUpOf()).isSameAs(closed);
    assertThat(followUp.getOrderReference()).isEqualTo("WEB-1001");
    assertThat(followUp.getProductReference()).isEqualTo("KW-KET-17");
    assertThat(followUp.getSerialNumber()).isEqualTo("SN-1");
    assertThat(followUp.getPurchaseDate()).isEqualTo(LocalDate.of(2025, 11, 3));
    assertThat(followUp.getRequestType()).isEqualTo(RequestType.WARRANTY);
    assertThat(followUp.getMessages()).singleElement().satisfies(m -> {
      assertThat(m.getMessageId()).isEqualTo("<r2@example.com>");
      assertThat(m.getBody()).isEqualTo("It broke again");
    });
    assertThat(closed.getMessages()).isEmpty();
    started("SC-2026-000042");
    verify(runtime, never()).createMessageCorrelation(anyString());
  }

  @Test
  void aReplyToAnUnknownCaseIsNotFound() {
    when(caseRepository.findByCaseNumber("SC-2026-000404")).thenReturn(Optional.empty());
    CaseNotFoundException e = catchThrowableOfType(CaseNotFoundException.class, () -> cases.addCustomerMessage(
        "SC-2026-000404", SourceChannel.EMAIL, "x", "s", "b", null, null));
    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(e.getBody().getDetail()).isEqualTo("No service case SC-2026-000404");
  }

  // --- someone else writing about a case ---

  @Test
  void anotherSendersCaseIsLinkedAndFlaggedForTheAgent() {
    ServiceCase referenced = aCase("SC-2026-000001");
    when(caseRepository.findByCaseNumber("SC-2026-000001")).thenReturn(Optional.of(referenced));
    Customer paul = new Customer("Paul", "paul@example.com", null, CustomerType.CONSUMER);
    when(masterData.matchCustomer(any(), eq("paul@example.com"), any()))
        .thenReturn(new MasterData.CustomerMatch(paul, "Phone differs."));

    OpenedCase opened = cases.openFromOtherSender(new OpenCaseCommand(SourceChannel.EMAIL, "Paul", "paul@example.com",
        null, null, null, null, null, null, "Re: [SC-2026-000001] Kettle", "About my wife's kettle",
        "<p1@example.com>"),
        "SC-2026-000001");

    assertThat(opened.caseNumber()).isEqualTo("SC-2026-000042");
    assertThat(opened.caseId()).isEqualTo(5L);

    ServiceCase c = saved();
    String note = "Sender differs: paul@example.com wrote about case SC-2026-000001, which belongs to another "
        + "customer. Confirm who wrote before sharing anything about that case. Phone differs.";
    assertThat(c.getContactNote()).isEqualTo(note);
    assertThat(c.getFollowUpOf()).isSameAs(referenced);
    assertThat(c.getCustomer()).isSameAs(paul);
    assertThat(started("SC-2026-000042")).containsEntry("contactNote", note);
  }

  @Test
  void anUnnamedOtherSenderIsThisSender() {
    when(caseRepository.findByCaseNumber("SC-2026-000001")).thenReturn(Optional.of(aCase("SC-2026-000001")));
    when(masterData.matchCustomer(any(), any(), any())).thenReturn(new MasterData.CustomerMatch(maria(), null));
    cases.openFromOtherSender(new OpenCaseCommand(SourceChannel.WHATSAPP, "Paul", null, "+491705555555", null, null,
        null, null, null, "SC-2026-000001?", "Status?", null), "SC-2026-000001");
    assertThat(saved().getContactNote()).startsWith("Sender differs: this sender wrote about case SC-2026-000001,")
        .endsWith("before sharing anything about that case.");
  }

  @Test
  void anotherSenderAboutAnUnknownCaseIsNotFound() {
    when(caseRepository.findByCaseNumber("SC-2026-000404")).thenReturn(Optional.empty());
    assertThat(catchThrowableOfType(CaseNotFoundException.class, () -> cases.openFromOtherSender(
        new OpenCaseCommand(SourceChannel.EMAIL, "P", "p@x.de", null, null, null, null, null, null, "s", "b", null),
        "SC-2026-000404")).getBody().getDetail()).isEqualTo("No service case SC-2026-000404");
    verify(caseRepository, never()).saveAndFlush(any());
  }

  // --- the agent's review ---

  private ServiceCase reviewed() {
    ServiceCase c = aCase("SC-2026-000001");
    c.linkPurchase(null, "WEB-1001", null, "KW-OLD", "SN-1", LocalDate.of(2025, 11, 3));
    when(caseRepository.findById(1L)).thenReturn(Optional.of(c));
    return c;
  }

  @Test
  void aReviewClassifiesAndKeepsThePurchaseWhenNothingNewIsGiven() {
    ServiceCase c = reviewed();
    CaseFacts facts = cases.review(1L, RequestType.RETURN, Priority.HIGH, " WEB-1001 ", "  ", null);
    assertThat(c.getRequestType()).isEqualTo(RequestType.RETURN);
    assertThat(c.getPriority()).isEqualTo(Priority.HIGH);
    assertThat(facts.orderNumber()).isEqualTo("WEB-1001");
    assertThat(facts.productSku()).isEqualTo("KW-OLD");
    cases.review(1L, null, null, null, "KW-OLD", null);
    verify(masterData, never()).orderByNumber(any());
    verify(masterData, never()).productBySku(any()); // Each review tells what the case is about (recurring problems count it): no product known here.
    verify(events, org.mockito.Mockito.times(2)).publishEvent(new CaseReviewed(c.getId(), "SC-2026-000001", null,
        null, null, "RETURN"));
  }

  @Test
  void aReviewWithAKnownProductSaysWhichAndItsCategory() {
    ServiceCase c = reviewed();
    Product kettle = new Product("SA-KETTLE-17", "Kettle", "SMALL_APPLIANCE", 24, null, new BigDecimal("49.90"));
    ReflectionTestUtils.setField(kettle, "id", 17L);
    c.linkPurchase(null, null, kettle, "SA-KETTLE-17", null, null);
    cases.review(1L, RequestType.WARRANTY, null, null, null, null);
    verify(events).publishEvent(new CaseReviewed(c.getId(), "SC-2026-000001", 17L, "SA-KETTLE-17",
        "SMALL_APPLIANCE", "WARRANTY"));
  }

  @Test
  void aClosedCaseSaysUntilWhenAReplyReopensItAnOpenOneDoesNot() {
    ServiceCase c = reviewed();
    when(caseRepository.findByCaseNumber("SC-2026-000001")).thenReturn(Optional.of(c));
    assertThat(cases.view("SC-2026-000001").orElseThrow().reopenableUntil()).isNull();
    c.close(NOW);
    assertThat(cases.view("SC-2026-000001").orElseThrow().reopenableUntil())
        .isEqualTo(NOW.plus(java.time.Duration.ofDays(14)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CaseSettings("two weeks"))
        .hasMessageContaining("aftersales.cases.reopen-within");
  }

  @Test
  void aProcedureStartsWithTheFactsOfItsCaseAndTheCustomersFirstMessage() {
    ServiceCase c = reviewed();
    c.addMessage(MessageDirection.OUTBOUND, "EMAIL", "system", "Ack", "We got it", "<ack@x>", null,
        java.time.Instant.now());
    c.addMessage(MessageDirection.INBOUND, "EMAIL", "maria", "Kettle", "It leaks.", "<m1@x>", null,
        java.time.Instant.now());
    c.addMessage(MessageDirection.INBOUND, "EMAIL", "maria", "Re", "Photo attached.", "<m2@x>", null,
        java.time.Instant.now());
    when(masterData.orderByNumber(any())).thenReturn(Optional.empty());
    var variables = cases.procedureFacts(1L);
    assertThat(variables).containsEntry("subject", "Kettle").containsEntry("requestType", "WARRANTY")
        .containsEntry("priority", c.getPriority().name()).containsEntry("orderNumber", "WEB-1001")
        .containsEntry("productSku", "KW-OLD").containsEntry("customerMessage", "It leaks.");
    org.camunda.bpm.engine.delegate.DelegateExecution execution = org.mockito.Mockito.mock(
        org.camunda.bpm.engine.delegate.DelegateExecution.class);
    when(execution.getVariable("caseId")).thenReturn(1L);
    new LoadCaseFactsListener(cases).notify(execution);
    verify(execution).setVariables(variables);
  }

  @Test
  void aRetailerSenderMakesABusinessCaseOnTheRetailChannel() {
    ServiceCase c = reviewed();
    when(masterData.orderByNumber(any())).thenReturn(Optional.empty());
    CaseFacts facts = cases.review(1L, RequestType.RETURN, null, null, null, true);
    assertThat(c.isRetailerSender()).isTrue();
    assertThat(facts.customerType()).isEqualTo("BUSINESS");
    assertThat(facts.salesChannel()).isEqualTo("RETAILER");
    assertThat(facts.retailerName()).isEqualTo(c.getCustomer().getName());
    // unticked again: a consumer as before
    CaseFacts consumer = cases.review(1L, null, null, null, null, false);
    assertThat(c.isRetailerSender()).isFalse();
    assertThat(consumer.customerType()).isEqualTo(c.getCustomer().getType().name());
  }

  @Test
  void aCorrectedOrderNumberIsLookedUpWithTheKnownSku() {
    ServiceCase c = reviewed();
    SalesOrder order = new SalesOrder("WEB-2002", SalesChannel.ECOMMERCE, null, null, null, LocalDate.of(2025, 12, 1),
        null);
    when(masterData.orderByNumber("WEB-2002")).thenReturn(Optional.of(order));
    when(masterData.productBySku("KW-OLD")).thenReturn(Optional.empty());

    CaseFacts facts = cases.review(1L, null, null, " WEB-2002 ", null, null);

    assertThat(c.getOrder()).isSameAs(order);
    assertThat(c.getOrderReference()).isEqualTo("WEB-2002");
    assertThat(c.getProductReference()).isEqualTo("KW-OLD");
    assertThat(c.getSerialNumber()).isEqualTo("SN-1");
    assertThat(c.getPurchaseDate()).isEqualTo(LocalDate.of(2025, 11, 3));
    assertThat(facts.orderKnown()).isTrue();
    assertThat(facts.orderNumber()).isEqualTo("WEB-2002");
  }

  @Test
  void anOrderNumberSentLaterIsLinkedOnceAndAnUnknownOneIsRefused() {
    ServiceCase c = reviewed();
    SalesOrder order = new SalesOrder("WEB-2002", SalesChannel.ECOMMERCE, null, null, null, LocalDate.of(2025, 12, 1),
        null);
    when(masterData.orderByNumber("WEB-2002")).thenReturn(Optional.of(order));

    var facts = cases.linkLateOrder(1L, " WEB-2002 ");

    assertThat(facts).get().satisfies(v -> assertThat(v).containsEntry("orderNumber", "WEB-2002")
        .containsEntry("orderKnown", true).containsEntry("salesChannel", "ECOMMERCE"));
    assertThat(c.getOrder()).isSameAs(order);
    assertThat(c.getProductReference()).as("the product stays").isEqualTo("KW-OLD");
    assertThat(cases.linkLateOrder(1L, "web-2002")).as("the case's order already").isEmpty();
    assertThat(cases.linkLateOrder(1L, "  ")).isEmpty();
    when(masterData.orderByNumber("NOPE-1")).thenReturn(Optional.empty());
    assertThatThrownBy(() -> cases.linkLateOrder(1L, "NOPE-1"))
        .isInstanceOf(io.aftersales.shared.TaskInputRefused.class).hasMessageStartingWith("orderNumber: NOPE-1");
    assertThat(c.getOrder()).isSameAs(order);
  }

  @Test
  void aCorrectedSkuIsLookedUpWithTheKnownOrderNumber() {
    ServiceCase c = reviewed();
    when(masterData.orderByNumber("WEB-1001")).thenReturn(Optional.empty());
    when(masterData.productBySku("KW-KET-17")).thenReturn(Optional.of(KETTLE));

    CaseFacts facts = cases.review(1L, null, null, null, "KW-KET-17", null);

    assertThat(c.getProduct()).isSameAs(KETTLE);
    assertThat(c.getOrderReference()).isEqualTo("WEB-1001");
    assertThat(facts.productName()).isEqualTo("Kettle");
    assertThat(facts.orderKnown()).isFalse();
  }

  // --- reading and closing ---

  @Test
  void factsMoveWithTheClock() {
    ServiceCase c = reviewed();
    assertThat(cases.facts(1L).daysSinceDelivery()).isEqualTo(119);
    assertThat(cases.facts(1L).orderNumber()).isEqualTo(c.getOrderReference());
  }

  @Test
  void anUnknownCaseIdIsNotFound() {
    when(caseRepository.findById(9L)).thenReturn(Optional.empty());
    assertThat(catchThrowableOfType(CaseNotFoundException.class, () -> cases.facts(9L)).getBody().getDetail())
        .isEqualTo("No service case id 9");
  }

  @Test
  void closingStampsTheTimeAndTellsOnceWhoseCaseClosed() {
    ServiceCase c = reviewed();
    cases.close(1L);
    assertThat(c.isClosed()).isTrue();
    assertThat(c.getClosedAt()).isEqualTo(NOW);
    org.mockito.ArgumentCaptor<Object> published = org.mockito.ArgumentCaptor.forClass(Object.class);
    org.mockito.Mockito.verify(events, org.mockito.Mockito.atLeastOnce()).publishEvent(published.capture());
    assertThat(published.getAllValues()).filteredOn(CaseClosed.class::isInstance).singleElement()
        .isEqualTo(new CaseClosed(c.getId(), c.getCaseNumber(), c.getCustomer().getId(), "maria@example.com", false));
    cases.close(1L);
    org.mockito.Mockito.verify(events, org.mockito.Mockito.times(1))
        .publishEvent(org.mockito.ArgumentMatchers.any(CaseClosed.class));
  }

  @Test
  void aSentMessageIsKnownByItsId() {
    reviewed();
    cases.recordOutbound(1L, "EMAIL", "anna", "Re: pan", "We replace it.", "<a@x>", null, true);
    assertThat(cases.hasMessage(1L, "<a@x>")).isTrue();
    assertThat(cases.hasMessage(1L, "<b@x>")).isFalse();
  }

  @Test
  void theCustomerSeesTheBrandNotStaffNames() {
    ServiceCase previous = aCase("SC-2026-000000");
    ServiceCase c = aCase("SC-2026-000001");
    c.linkPurchase(null, "WEB-1001", null, "KW-KET-17", null, null);
    c.markFollowUpOf(previous);
    c.addMessage(MessageDirection.INBOUND, "EMAIL", "maria@example.com", "Kettle", "It leaks", "<i@x>", null, NOW);
    CaseMessage out = c.addMessage(MessageDirection.OUTBOUND, "EMAIL", "anna", "Re: Kettle", "Sorry", "<o@x>", null,
        NOW.plusSeconds(5));
    out.markUndeliverable("550 unknown");
    c.recordAnswer(NOW.plusSeconds(5));
    when(caseRepository.findByCaseNumber("SC-2026-000001")).thenReturn(Optional.of(c));
    CaseView.Stage stage = new CaseView.Stage("REVIEWING", "We are reviewing your request", "t", null, null, null);
    when(stages.of("SC-2026-000001", CaseStatus.IN_PROGRESS, true)).thenReturn(stage);

    CaseView view = cases.view("SC-2026-000001").orElseThrow();
    assertThat(view.stage()).isEqualTo(stage);

    assertThat(view.caseNumber()).isEqualTo("SC-2026-000001");
    assertThat(view.status()).isEqualTo("IN_PROGRESS");
    assertThat(view.sourceChannel()).isEqualTo("EMAIL");
    assertThat(view.requestType()).isEqualTo("WARRANTY");
    assertThat(view.priority()).isEqualTo("NORMAL");
    assertThat(view.orderNumber()).isEqualTo("WEB-1001");
    assertThat(view.productSku()).isEqualTo("KW-KET-17");
    assertThat(view.followUpOf()).isEqualTo("SC-2026-000000");
    assertThat(view.firstAnsweredAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(view.messages()).containsExactly(
        new CaseView.Message("INBOUND", "EMAIL", "maria@example.com", "Kettle", "It leaks", NOW, null),
        new CaseView.Message("OUTBOUND", "EMAIL", "Customer care", "Re: Kettle", "Sorry", NOW.plusSeconds(5),
            "550 unknown"));
    assertThat(cases.view("SC-2026-000404")).isEmpty();
    org.springframework.test.util.ReflectionTestUtils.setField(c, "id", 7L);
    assertThat(cases.idOf("SC-2026-000001")).contains(7L);
    assertThat(cases.idOf("SC-2026-000404")).isEmpty();
  }

  @Test
  void aCaseWithoutTypeOrPredecessorShowsNone() {
    ServiceCase c = new ServiceCase("SC-2026-000003", SourceChannel.CHAT, null, maria(), "Hi", "h", NOW);
    CaseView view = CaseView.of(c, null);
    assertThat(view.requestType()).isNull();
    assertThat(view.followUpOf()).isNull();
    assertThat(view.status()).isEqualTo("NEW");
    assertThat(view.openedAt()).isEqualTo(NOW);
  }

  @Test
  void aTaskCardNamesTheCustomerByNameElseByAddressElseByPhone() {
    for (var who : new Customer[]{new Customer("Maria Rossi", "maria@example.com", "+391234567", CustomerType.CONSUMER),
        new Customer(null, "maria@example.com", "+391234567", CustomerType.CONSUMER),
        new Customer(null, null, "+391234567", CustomerType.CONSUMER)}) {
      ServiceCase c = new ServiceCase("SC-2026-000009", SourceChannel.WHATSAPP, null, who, "Lid", "hash", NOW);
      when(caseRepository.findById(9L)).thenReturn(Optional.of(c));
      ServiceCases.TaskCard card = cases.taskCard(9L);
      assertThat(card.caseNumber()).isEqualTo("SC-2026-000009");
      assertThat(card.subject()).isEqualTo("Lid");
      assertThat(card.priority()).isEqualTo(c.getPriority()).isNotNull();
      assertThat(card.customerName()).isEqualTo(who.getName() != null
          ? "Maria Rossi"
          : who.getEmail() != null ? "maria@example.com" : "+391234567");
    }
  }

  @Test
  void theOpenedEventNeverPrintsTheCustomersLink() {
    CaseOpened opened = new CaseOpened(9L, "SC-2026-000009", "https://s.example/status.html#case=SC&token=secret");
    assertThat(opened.toString()).contains("SC-2026-000009", "9").doesNotContain("secret");
  }
}
