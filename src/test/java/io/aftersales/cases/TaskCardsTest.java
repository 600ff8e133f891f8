package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
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
  private final TaskCards cards = new TaskCards(provider, new TaskOlas(Map.of()), CALENDARS);
  /** Without configuration: customer care, Monday to Friday 08:00-18:00 in Berlin, German holidays. */
  private static final io.aftersales.calendar.BusinessCalendars CALENDARS =
      new io.aftersales.calendar.BusinessCalendars(
          new io.aftersales.calendar.CalendarSettings("customer-care", null, null));
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
        Map.entry("customerName", "Customer"), Map.entry("subject", "Subject"), Map.entry("priority", "Priority"),
        Map.entry("serviceLevel", "Service level"));
    verify(task, never()).setVariableLocal(org.mockito.ArgumentMatchers.eq("serviceLevel"), any());
  }

  @Test
  void eachCandidateGroupMayReadTheCaseItsTaskBelongsTo() throws Exception {
    taskOfCase(Map.of("caseId", 7L, "caseNumber", "SC-2026-000007", "customerName", "Maria Rossi", "subject",
        "Lid cracked", "priority", "NORMAL"));
    var warehouse = mock(org.camunda.bpm.engine.task.IdentityLink.class);
    when(warehouse.getType()).thenReturn("candidate");
    when(warehouse.getGroupId()).thenReturn("warehouse");
    var user = mock(org.camunda.bpm.engine.task.IdentityLink.class);
    when(user.getType()).thenReturn("candidate");
    when(user.getUserId()).thenReturn("anna");
    var owner = mock(org.camunda.bpm.engine.task.IdentityLink.class);
    when(owner.getType()).thenReturn("owner");
    when(owner.getGroupId()).thenReturn("finance");
    when(task.getCandidates()).thenReturn(Set.of(warehouse, user, owner));
    when(task.getProcessInstanceId()).thenReturn("pi-1");

    var context = mock(org.camunda.bpm.engine.impl.interceptor.CommandContext.class);
    when(context.runWithoutAuthorization(any(java.util.concurrent.Callable.class)))
        .thenAnswer(call -> ((java.util.concurrent.Callable<?>) call.getArgument(0)).call());
    var configuration = mock(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl.class);
    var authorizations = mock(org.camunda.bpm.engine.AuthorizationService.class);
    var query = mock(org.camunda.bpm.engine.authorization.AuthorizationQuery.class,
        org.mockito.Mockito.RETURNS_SELF);
    when(context.getProcessEngineConfiguration()).thenReturn(configuration);
    when(configuration.getAuthorizationService()).thenReturn(authorizations);
    when(authorizations.createAuthorizationQuery()).thenReturn(query);
    when(query.count()).thenReturn(0L, 1L); // the second task of the same case finds the grant made
    org.camunda.bpm.engine.impl.context.Context.setCommandContext(context);
    try {
      cards.describe(task);
      cards.describe(task);
    } finally {
      org.camunda.bpm.engine.impl.context.Context.removeCommandContext();
    }
    var saved = org.mockito.ArgumentCaptor.forClass(org.camunda.bpm.engine.authorization.Authorization.class);
    verify(authorizations).saveAuthorization(saved.capture());
    var grant = saved.getValue();
    assertThat(grant.getGroupId()).isEqualTo("warehouse");
    assertThat(grant.getResourceType())
        .isEqualTo(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE.resourceType());
    assertThat(grant.getResourceId()).isEqualTo("pi-1");
    assertThat(((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) grant).getRootProcessInstanceId())
        .as("removed with the case's history").isEqualTo("pi-1");
    assertThat(grant.getAuthorizationType())
        .isEqualTo(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    assertThat(grant.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.READ)).isTrue();
    assertThat(grant.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.UPDATE)).isFalse();
    verify(query, org.mockito.Mockito.times(2)).groupIdIn("warehouse");
    verify(query, never()).groupIdIn("finance");
    verify(query, org.mockito.Mockito.times(2)).resourceId("pi-1");
  }

  @Test
  void everyUserTaskOfEveryModelGetsTheCardListener() {
    var configuration = new org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration();
    configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>(List.of(
        new org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener() {
        })));
    cards.preInit(configuration);
    assertThat(configuration.getCustomPreBPMNParseListeners()).as("others' listeners kept").hasSize(2);
    var definition = new org.camunda.bpm.engine.impl.task.TaskDefinition(null);
    var activity = new org.camunda.bpm.engine.impl.pvm.process.ActivityImpl("UserTask_X", null);
    activity.setActivityBehavior(new org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior(
        new org.camunda.bpm.engine.impl.task.TaskDecorator(definition, null)));
    configuration.getCustomPreBPMNParseListeners().get(1).parseUserTask(null, null, activity);
    assertThat(definition.getTaskListeners().get(org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_CREATE))
        .hasSize(1);
    // Without listeners of others, the list is made.
    var bare = new org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration();
    cards.preInit(bare);
    assertThat(bare.getCustomPreBPMNParseListeners()).hasSize(1);
  }

  @Test
  void aTaskIsDueWhenTheEarliestDurationTimerOnItFires() {
    var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("p").startEvent().userTask("Task")
        .boundaryEvent("Later").cancelActivity(false).timerWithDuration("P2D").endEvent()
        .moveToActivity("Task").boundaryEvent("Sooner").cancelActivity(false).timerWithDuration("PT4H").endEvent()
        .moveToActivity("Task").boundaryEvent("Cycle").cancelActivity(false).timerWithCycle("R/PT1H").endEvent()
        .moveToActivity("Task").endEvent().done();
    when(task.getBpmnModelElementInstance()).thenReturn(model.getModelElementById("Task"));
    java.util.Date now = new java.util.Date();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(now);
    try {
      TaskCards.dueByItsTimer(task);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    verify(task).setDueDate(java.util.Date.from(now.toInstant().plus(java.time.Duration.ofHours(4))));
  }

  @Test
  void aTaskWithoutATimerOrWithADueDateKeepsIt() {
    var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("p").startEvent().userTask("Task").endEvent()
        .done();
    when(task.getBpmnModelElementInstance()).thenReturn(model.getModelElementById("Task"));
    TaskCards.dueByItsTimer(task);
    DelegateTask dated = mock(DelegateTask.class);
    when(dated.getDueDate()).thenReturn(new java.util.Date());
    TaskCards.dueByItsTimer(dated);
    verify(task, never()).setDueDate(any());
    verify(dated, never()).setDueDate(any());
  }

  @Test
  void serviceLevelsAreAlsoGivenInWords() {
    when(task.getExecution()).thenReturn(execution);
    when(execution.getVariableNames()).thenReturn(Set.of("inspectionOla", "decisionOla", "brokenOla", "note"));
    when(execution.getVariable("inspectionOla")).thenReturn("P2D");
    when(execution.getVariable("decisionOla")).thenReturn("PT36H");
    when(execution.getVariable("brokenOla")).thenReturn("two days");
    when(execution.getVariable("note")).thenReturn("P1D");
    TaskCards.durationsInWords(task);
    verify(task).setVariableLocal("inspectionOlaInWords", "2 days");
    verify(task).setVariableLocal("decisionOlaInWords", "36 hours");
    verify(task, never()).setVariableLocal(org.mockito.ArgumentMatchers.eq("brokenOlaInWords"), any());
    verify(task, never()).setVariableLocal(org.mockito.ArgumentMatchers.eq("noteInWords"), any());
  }

  @Test
  void aBackOfficeStepWithoutATimerIsDueItsConfiguredOla() {
    TaskOlas olas = new TaskOlas(Map.of("UserTask_BookShipment", "PT4H"));
    when(task.getTaskDefinitionKey()).thenReturn("UserTask_BookShipment");
    // Friday 16:00 in Berlin: two business hours on Friday, two on Monday.
    java.util.Date now = java.util.Date.from(java.time.Instant.parse("2026-12-04T15:00:00Z"));
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(now);
    try {
      TaskCards.dueByItsOla(task, olas, CALENDARS);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    verify(task).setDueDate(java.util.Date.from(java.time.Instant.parse("2026-12-07T09:00:00Z")));
    DelegateTask other = mock(DelegateTask.class);
    when(other.getTaskDefinitionKey()).thenReturn("UserTask_ReviewCase");
    TaskCards.dueByItsOla(other, olas, CALENDARS);
    verify(other, never()).setDueDate(any());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TaskOlas(Map.of("UserTask_X", "4 hours")))
        .hasMessageContaining("aftersales.task-olas.UserTask_X");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TaskOlas(Map.of("UserTask_X", "P1W")))
        .hasMessageContaining("business time");
  }

  @Test
  void everyNewTaskGetsItsDueDateAndServiceLevelsInWordsEvenWithoutACase() {
    TaskCards withOlas = new TaskCards(provider, new TaskOlas(Map.of("UserTask_PickPart", "P1D")), CALENDARS);
    var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("p").startEvent().userTask("UserTask_PickPart")
        .endEvent().done();
    when(task.getBpmnModelElementInstance()).thenReturn(model.getModelElementById("UserTask_PickPart"));
    when(task.getTaskDefinitionKey()).thenReturn("UserTask_PickPart");
    when(task.getExecution()).thenReturn(execution);
    when(execution.getVariableNames()).thenReturn(Set.of("pickOla"));
    when(execution.getVariable("pickOla")).thenReturn("P1D");
    withOlas.describe(task);
    verify(task).setDueDate(any());
    verify(task).setVariableLocal("pickOlaInWords", "1 day");

    var timed = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("q").startEvent().userTask("T")
        .boundaryEvent("B").cancelActivity(false).timerWithDuration("PT2H").endEvent().moveToActivity("T").endEvent()
        .done();
    DelegateTask other = mock(DelegateTask.class);
    when(other.getBpmnModelElementInstance()).thenReturn(timed.getModelElementById("T"));
    when(other.getExecution()).thenReturn(execution);
    withOlas.describe(other);
    verify(other).setDueDate(any());
  }

  @Test
  void aBusinessTimeOlaTimerDatesTheTaskWhenItFires() {
    var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("q").startEvent().userTask("T")
        .boundaryEvent("Early").cancelActivity(false).timerWithDate("2026-12-29T14:00:00Z").endEvent()
        .moveToActivity("T").boundaryEvent("Late").cancelActivity(false).timerWithDate("2026-12-30T14:00:00+01:00")
        .endEvent().moveToActivity("T").boundaryEvent("Cycle").cancelActivity(false).timerWithCycle("R/P1D")
        .endEvent().moveToActivity("T").boundaryEvent("Garbage").cancelActivity(false).timerWithDate("soon")
        .endEvent().moveToActivity("T").endEvent().done();
    when(task.getBpmnModelElementInstance()).thenReturn(model.getModelElementById("T"));
    TaskCards.dueByItsTimer(task);
    verify(task).setDueDate(java.util.Date.from(java.time.Instant.parse("2026-12-29T14:00:00Z")));
  }

  @Test
  void aStepsOlaCountsInTheCalendarOfTheDepartmentItIsOfferedTo() {
    TaskOlas olas = new TaskOlas(Map.of("UserTask_BookShipment", "PT4H"));
    when(task.getTaskDefinitionKey()).thenReturn("UserTask_BookShipment");
    org.camunda.bpm.engine.task.IdentityLink link = mock(org.camunda.bpm.engine.task.IdentityLink.class);
    when(link.getType()).thenReturn("candidate");
    when(link.getGroupId()).thenReturn("logistics");
    when(task.getCandidates()).thenReturn(Set.of(link));
    // Friday 16:00 in Berlin: the warehouse (logistics works its hours) closed at 14:00; Monday from 07:00.
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse(
        "2026-12-04T15:00:00Z")));
    try {
      TaskCards.dueByItsOla(task, olas, io.aftersales.calendar.TestCalendars.standard());
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    verify(task).setDueDate(java.util.Date.from(java.time.Instant.parse("2026-12-07T10:00:00Z")));
  }
}
