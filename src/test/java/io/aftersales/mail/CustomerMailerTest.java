package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.aftersales.cases.OutboundMail;
import io.aftersales.cases.ServiceCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** What goes to a customer, under which Message-ID, and when nothing is sent (again). */
class CustomerMailerTest {
  private static final String SIGNATURE = "\n\n--\nYour case number: SC-1"
      + "\nPlease keep it in the subject when you reply, so your message reaches the right person."
      + "\nAftersales Customer Care";

  private final Outbox outbox = mock(Outbox.class);
  private final ServiceCases cases = mock(ServiceCases.class);
  private final CustomerMailer mailer = new CustomerMailer(outbox, cases,
      InboundMailProcessorTest.settings("service@aftersales.local", "inbox@aftersales.local"));

  private void caseWithEmail(String email, String name) {
    when(cases.outboundMail(1L)).thenReturn(new OutboundMail(1L, "SC-1", "Kettle", name, email, "<in@x>"));
  }

  @Test
  void anAnswerIsRecordedAndQueuedUnderItsStepsMessageId() {
    caseWithEmail("maria@example.com", "Maria");
    mailer.send(1L, CustomerMailer.Kind.FIRST_ANSWER, "Activity_1:abc/42", "We replace it.", "anna");
    String id = "<SC-1.first-answer.Activity1abc42@aftersales.local>";
    verify(cases).recordOutbound(1L, "EMAIL", "anna", "[SC-1] Kettle", "We replace it.", id, "<in@x>", true);
    verify(outbox).enqueue(id, 1L, "maria@example.com", "[SC-1] Kettle", "We replace it." + SIGNATURE, "<in@x>", null);
  }

  @Test
  void aStepAlreadySentIsNotSentAgain() {
    caseWithEmail("maria@example.com", "Maria");
    when(cases.hasMessage(1L, "<SC-1.reply.s1@aftersales.local>")).thenReturn(true);
    mailer.send(1L, CustomerMailer.Kind.REPLY, "s1", "Text", "anna");
    verify(cases, never()).recordOutbound(anyLong(), anyString(), anyString(), anyString(), anyString(), anyString(),
        any(), anyBoolean());
    verifyNoInteractions(outbox);
  }

  @Test
  void aCustomerWithoutEmailGetsTheMessageOnThePortal() {
    caseWithEmail(null, "Maria");
    mailer.send(1L, CustomerMailer.Kind.RESOLUTION, "s2", "Done.", "anna");
    verify(cases).recordOutbound(1L, "PORTAL", "anna", "[SC-1] Kettle", "Done.",
        "<SC-1.resolution.s2@aftersales.local>", null, true);
    verifyNoInteractions(outbox);
  }

  @Test
  void aMilestoneIsNoHumanAnswer() {
    caseWithEmail("maria@example.com", "Maria");
    mailer.sendMilestone(1L, "RMA_Issued", "s3", "Your RMA");
    verify(cases).recordOutbound(1L, "EMAIL", "customer care", "[SC-1] Kettle", "Your RMA",
        "<SC-1.rma-issued.s3@aftersales.local>", "<in@x>", false);
    verify(outbox).enqueue(eq("<SC-1.rma-issued.s3@aftersales.local>"), eq(1L), eq("maria@example.com"),
        eq("[SC-1] Kettle"), eq("Your RMA" + SIGNATURE), eq("<in@x>"), eq(null));
  }

  @Test
  void theAcknowledgementNamesTheCaseAndIsNoHumanAnswer() {
    caseWithEmail("maria@example.com", " Maria Rossi ");
    mailer.sendAcknowledgement(1L, "case-opened", "https://s.example/status.html#case=SC-1&token=secret");
    String body = "Hello Maria Rossi,\n\nthank you for contacting us. We have opened case SC-1 for your request"
        + " \"Kettle\".\nA member of our customer care team will answer you personally, usually within one business day."
        + "\n\nFollow your case and write to us on its page:\n";
    // The thread keeps the mail without the customer's secret link; the outbox sends it, then keeps the same.
    String kept = body + "(your personal link, in the email only)";
    verify(cases).recordOutbound(1L, "EMAIL", "system", "[SC-1] Kettle", kept,
        "<SC-1.acknowledgement.case-opened@aftersales.local>", "<in@x>", false);
    verify(outbox).enqueue("<SC-1.acknowledgement.case-opened@aftersales.local>", 1L, "maria@example.com",
        "[SC-1] Kettle", body + "https://s.example/status.html#case=SC-1&token=secret" + SIGNATURE, "<in@x>",
        kept + SIGNATURE);
  }

  @Test
  void greetings() {
    assertThat(CustomerMailer.greeting(null)).isEqualTo("Hello,");
    assertThat(CustomerMailer.greeting("  ")).isEqualTo("Hello,");
    assertThat(CustomerMailer.greeting(" Maria ")).isEqualTo("Hello Maria,");
  }

  @Test
  void onlyAgentsAnswersCountAsAnswers() {
    assertThat(CustomerMailer.Kind.ACKNOWLEDGEMENT.humanAnswer).isFalse();
    assertThat(CustomerMailer.Kind.FIRST_ANSWER.humanAnswer).isTrue();
    assertThat(CustomerMailer.Kind.REPLY.humanAnswer).isTrue();
    assertThat(CustomerMailer.Kind.RESOLUTION.humanAnswer).isTrue();
  }

  // --- the process's delegates ---------------------------------------------------------------------------

  private final CustomerMailer mockMailer = mock(CustomerMailer.class);

  private static DelegateExecution execution(String answeredBy) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable("caseId")).thenReturn(7L);
    when(execution.getVariable("answeredBy")).thenReturn(answeredBy);
    when(execution.getVariable("firstAnswer")).thenReturn("first");
    when(execution.getVariable("replyText")).thenReturn("reply");
    when(execution.getVariable("resolution")).thenReturn("resolved");
    when(execution.getProcessInstanceId()).thenReturn("pi-7");
    when(execution.getParentActivityInstanceId()).thenReturn("sub-3");
    return execution;
  }

  @Test
  void theDelegatesSendTheirStepsText() throws Exception {
    new AcknowledgeOpenedCase(mockMailer).on(new io.aftersales.cases.CaseOpened(7L, "SC-7", "https://s/status.html#t"));
    verify(mockMailer).sendAcknowledgement(7L, "case-opened", "https://s/status.html#t");
    new SendFirstAnswerDelegate(mockMailer).execute(execution("anna"));
    verify(mockMailer).send(7L, CustomerMailer.Kind.FIRST_ANSWER, "pi-7", "first", "anna");
    new SendReplyDelegate(mockMailer).execute(execution("bob"));
    verify(mockMailer).send(7L, CustomerMailer.Kind.REPLY, "sub-3", "reply", "bob");
    new SendResolutionDelegate(mockMailer).execute(execution(null));
    verify(mockMailer).send(7L, CustomerMailer.Kind.RESOLUTION, "pi-7", "resolved", "customer care");
  }

  @Test
  void anAnswerIsSignedByItsAgentOrCustomerCare() {
    assertThat(Agents.lastAssignee(execution("anna"))).isEqualTo("anna");
    assertThat(Agents.lastAssignee(execution(null))).isEqualTo("customer care");
  }
}
