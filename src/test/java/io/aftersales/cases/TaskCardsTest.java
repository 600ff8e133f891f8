package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class TaskCardsTest {
  private final ServiceCases cases = mock(ServiceCases.class);
  @SuppressWarnings("unchecked")
  private final ObjectProvider<ServiceCases> provider = mock(ObjectProvider.class);
  private final TaskCards cards = new TaskCards(provider);
  private final DelegateTask task = mock(DelegateTask.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);

  private void taskOfCase(Map<String, Object> processVariables) {
    when(provider.getObject()).thenReturn(cases);
    when(task.getExecution()).thenReturn(execution);
    when(task.getCandidates()).thenReturn(Set.of());
    processVariables.forEach((name, value) -> when(execution.getVariable(name)).thenReturn(value));
    when(cases.taskCard(7L)).thenReturn(new ServiceCases.TaskCard("SC-2026-000007", "Maria Rossi", "Lid cracked",
        Priority.URGENT));
  }

  @Test
  void inTheServiceCaseTheCardReadsTheProcessAndThePriorityIsTheTriagesOrTheAgents() {
    taskOfCase(Map.of("caseId", 7L, "caseNumber", "SC-2026-000007", "customerName", "Maria Rossi", "subject",
        "Lid cracked", "priority", "HIGH"));
    cards.describe(task);
    verify(task).setPriority(75);
    verify(task, never()).setVariableLocal(anyString(), any());
  }

  @Test
  void inAProcedureTheTaskCarriesWhatTheProcessDoesNotAndTheCasesPriority() {
    taskOfCase(Map.of("caseId", 7L, "caseNumber", "SC-2026-000007", "customerName", "Maria Rossi"));
    cards.describe(task);
    verify(task).setPriority(100);
    verify(task).setVariableLocal("subject", "Lid cracked");
    verify(task).setVariableLocal("priority", "URGENT");
    verify(task, never()).setVariableLocal("caseNumber", "SC-2026-000007");
    verify(task, never()).setVariableLocal("customerName", "Maria Rossi");
  }

  @Test
  void eachPriorityHasItsTaskPriority() {
    for (var expected : Map.of("LOW", 25, "NORMAL", 50, "HIGH", 75, "URGENT", 100).entrySet()) {
      DelegateTask t = mock(DelegateTask.class);
      DelegateExecution e = mock(DelegateExecution.class);
      when(provider.getObject()).thenReturn(cases);
      when(t.getExecution()).thenReturn(e);
      when(t.getCandidates()).thenReturn(Set.of());
      when(e.getVariable("caseId")).thenReturn(7L);
      when(e.getVariable("priority")).thenReturn(expected.getKey());
      when(cases.taskCard(7L)).thenReturn(new ServiceCases.TaskCard("SC-1", "M", "S", Priority.NORMAL));
      cards.describe(t);
      verify(t).setPriority(expected.getValue());
    }
  }

  @Test
  void aTaskOfNoCaseIsLeftAlone() {
    when(task.getExecution()).thenReturn(execution);
    cards.describe(task);
    verify(task, never()).setPriority(anyInt());
    assertThat(TaskCards.CARD_VARIABLES).containsExactly(Map.entry("caseNumber", "Case"),
        Map.entry("customerName", "Customer"), Map.entry("subject", "Subject"), Map.entry("priority", "Priority"));
  }
}
