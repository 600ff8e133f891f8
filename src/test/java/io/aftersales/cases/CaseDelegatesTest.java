package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The case process's own delegates and listener, with the service stubbed. */
class CaseDelegatesTest {
  private final ServiceCases cases = mock(ServiceCases.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);

  private static final CaseFacts FACTS = new CaseFacts(null, null, null, "CONSUMER", "Maria", false, "WEB-1", null,
      null, null, null, null, null, null, null, null, null);

  @Test
  void closingClosesTheProcessesCase() {
    when(execution.getVariable("caseId")).thenReturn(7L);
    new CloseCaseDelegate(cases).execute(execution);
    verify(cases).close(7L);
  }

  @Test
  void closingWithoutCaseIsAnError() {
    assertThatThrownBy(() -> new CloseCaseDelegate(cases).execute(execution)).isInstanceOf(IllegalStateException.class);
    verify(cases, never()).close(any());
  }

  @Test
  void theReviewIsRecordedAndTheFactsRefreshed() {
    when(execution.getVariable("caseId")).thenReturn(7);
    when(execution.getVariable("requestType")).thenReturn("WARRANTY");
    when(execution.getVariable("priority")).thenReturn("URGENT");
    when(execution.getVariable("orderNumber")).thenReturn("WEB-1");
    when(execution.getVariable("productSku")).thenReturn("KW-1");
    when(execution.getVariable("retailerSender")).thenReturn(true);
    when(cases.review(7L, RequestType.WARRANTY, Priority.URGENT, "WEB-1", "KW-1", true)).thenReturn(FACTS);

    new RecordReviewDelegate(cases).execute(execution);

    FACTS.toCaseVariables().forEach((name, value) -> verify(execution).setVariable(name, value));
    verify(execution).setVariable("orderKnown", Variables.untypedValue(false, true));
  }

  /** A case opened while these facts were still kept as variables: they are updated, not shadowed. */
  @Test
  void aCaseThatKeepsTheDecisionOnlyFactsAsVariablesHasThemUpdated() {
    when(execution.getVariable("caseId")).thenReturn(7L);
    when(execution.hasVariable("orderKnown")).thenReturn(true);
    when(cases.review(7L, null, null, null, null, null)).thenReturn(FACTS);
    new RecordReviewDelegate(cases).execute(execution);
    verify(execution).setVariable("orderKnown", false);
    verify(execution).setVariable("fulfilment", Variables.untypedValue(FACTS.fulfilment(), true));
  }

  @Test
  void aReviewWithoutTypeOrPriorityLeavesThemAsTheyAre() {
    when(execution.getVariable("caseId")).thenReturn(7L);
    when(cases.review(7L, null, null, null, null, null)).thenReturn(FACTS);
    new RecordReviewDelegate(cases).execute(execution);
    verify(cases).review(7L, null, null, null, null, null);
    FACTS.toCaseVariables().forEach((name, value) -> verify(execution).setVariable(name, value));
  }

  @Test
  void theAssigneeAnsweredTheTask() {
    IdentityService identity = mock(IdentityService.class);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getAssignee()).thenReturn("anna");
    when(task.getExecution()).thenReturn(execution);
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("ben", null));
    new RecordAgentListener(identity).notify(task);
    verify(execution).setVariable("answeredBy", "anna");
  }

  @Test
  void withoutAssigneeTheCurrentUserAnswered() {
    IdentityService identity = mock(IdentityService.class);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getExecution()).thenReturn(execution);
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("ben", null));
    new RecordAgentListener(identity).notify(task);
    verify(execution).setVariable("answeredBy", "ben");
  }

  @Test
  void withNobodyKnownNoAnswererIsRecorded() {
    IdentityService identity = mock(IdentityService.class);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getExecution()).thenReturn(execution);
    new RecordAgentListener(identity).notify(task);
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(null, null));
    new RecordAgentListener(identity).notify(task);
    verify(execution, never()).setVariable(anyString(), any());
  }
}
