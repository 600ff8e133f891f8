package io.aftersales.cases;

import static io.aftersales.cases.ServiceCaseProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model, as it is created, says what the work is on its Tasklist card: the case's
 * priority becomes the task's priority, the card's variables (case number, customer, subject, priority; the filters
 * of {@code IdentitySetup}) are readable where the task lives, and each candidate group may read that process
 * instance, so its cards and forms show the case. That is the group's view of the case: instances it may work on
 * or has worked on, not every case (team leads and auditors read all).
 */
@Component
public class TaskCards extends AbstractProcessEnginePlugin {
  /** The variables a Tasklist card shows, in its order, with their labels; the filters show them. */
  public static final Map<String, String> CARD_VARIABLES = cardVariables();

  private static Map<String, String> cardVariables() {
    Map<String, String> card = new java.util.LinkedHashMap<>();
    card.put(CASE_NUMBER.name(), "Case");
    card.put(CUSTOMER_NAME.name(), "Customer");
    card.put(SUBJECT.name(), "Subject");
    card.put(PRIORITY.name(), "Priority");
    card.put(SERVICE_LEVEL.name(), "Service level");
    return java.util.Collections.unmodifiableMap(card);
  }
  private static final Map<Priority, Integer> TASK_PRIORITY =
      Map.of(Priority.LOW, 25, Priority.NORMAL, 50, Priority.HIGH, 75, Priority.URGENT, 100);

  // The cases service needs the engine; the engine is built with this plugin: look it up when a task is created.
  private final ObjectProvider<ServiceCases> cases;
  private final TaskOlas olas;
  private final io.aftersales.calendar.BusinessCalendars calendars;

  TaskCards(ObjectProvider<ServiceCases> cases, TaskOlas olas, io.aftersales.calendar.BusinessCalendars calendars) {
    this.cases = cases;
    this.olas = olas;
    this.calendars = calendars;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    TaskListener onCreate = this::describe;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  void describe(DelegateTask task) {
    dueByItsTimer(task);
    dueByItsOla(task, olas, calendars);
    durationsInWords(task);
    Long caseId = CASE_ID.fromOrNull(task.getExecution());
    if (caseId == null) return; // a task of no case (e.g. a team lead's mail alert)
    ServiceCases.TaskCard card = cases.getObject().taskCard(caseId);
    // The service case carries the priority the triage suggested and the agent confirmed; a procedure, the case's.
    String carried = PRIORITY.fromOrNull(task.getExecution());
    Priority priority = carried != null ? Priority.valueOf(carried) : card.priority();
    task.setPriority(TASK_PRIORITY.get(priority));
    Map<String, Object> values = Map.of(CASE_NUMBER.name(), card.caseNumber(), CUSTOMER_NAME.name(),
        card.customerName(), SUBJECT.name(), card.subject(), PRIORITY.name(), priority.name());
    for (String name : CARD_VARIABLES.keySet()) {
      // Where the process carries it (the service case), the card reads the process's; elsewhere the task's own.
      // The service level is the service case's own (kept current by its clocks), never a copy.
      if (values.containsKey(name) && task.getExecution().getVariable(name) == null) {
        task.setVariableLocal(name, values.get(name));
      }
    }
    List<String> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
    if (groups.isEmpty()) return;
    CommandContext context = Context.getCommandContext();
    context.runWithoutAuthorization(() -> {
      groups.forEach(group -> readInstance(context, group, task.getProcessInstanceId()));
      return null;
    });
  }

  /**
   * A task whose model sets a time limit on it (a boundary timer with a duration or a date: its OLA, a customer's
   * answer time)
   * is due when that timer fires, so Tasklist shows and sorts by it and the team lead's "Overdue" filter finds it.
   */
  static void dueByItsTimer(DelegateTask task) {
    if (task.getDueDate() != null || task.getBpmnModelElementInstance() == null) return;
    org.camunda.bpm.model.bpmn.instance.UserTask element =
        (org.camunda.bpm.model.bpmn.instance.UserTask) task.getBpmnModelElementInstance();
    java.time.Instant due = null;
    for (var boundary : element.getModelInstance()
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class)) {
      if (boundary.getAttachedTo() != element) continue;
      for (var timer : boundary.getChildElementsByType(
          org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class)) {
        java.time.Instant at = firing(timer, task);
        if (at != null && (due == null || at.isBefore(due))) due = at;
      }
    }
    if (due != null) task.setDueDate(java.util.Date.from(due));
  }

  /**
   * A back-office step without a timer of its own is due its configured OLA after it is created, in the business time
   * of the department it is offered to (the warehouse's hours for a warehouse step).
   */
  static void dueByItsOla(DelegateTask task, TaskOlas olas, io.aftersales.calendar.BusinessCalendars calendars) {
    String ola = olas.of(task.getTaskDefinitionKey());
    if (task.getDueDate() != null || ola == null) return;
    String department = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).findFirst().orElse(null);
    task.setDueDate(java.util.Date.from(calendars.forDepartment(department).plus(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), ola)));
  }

  /**
   * When a timer fires, evaluated as the engine will: a duration from now (calendar time), or a date — what
   * {@code ${businessTime.due('warehouse', inspectionOla)}} gives for business time. Null for cycles and the unknown.
   */
  static java.time.Instant firing(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition timer, DelegateTask task) {
    java.time.Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
    if (timer.getTimeDuration() != null) {
      Object value = evaluate(timer.getTimeDuration().getTextContent(), task);
      if (value instanceof String iso && iso.strip().startsWith("P")) {
        return io.aftersales.shared.IsoDurations.plus(now, iso.strip());
      }
    } else if (timer.getTimeDate() != null) {
      Object value = evaluate(timer.getTimeDate().getTextContent(), task);
      if (value instanceof java.util.Date date) return date.toInstant();
      if (value instanceof String text) {
        try {
          return java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException notADate) {
          return null;
        }
      }
    }
    return null;
  }

  private static Object evaluate(String text, DelegateTask task) {
    String trimmed = text == null ? "" : text.strip();
    if (!trimmed.contains("${") && !trimmed.contains("#{")) return trimmed;
    return Context.getProcessEngineConfiguration().getExpressionManager().createExpression(trimmed)
        .getValue(task.getExecution());
  }

  /** Suffix of a task variable that says a service level ({@code inspectionOla = P2D}) in words ("2 days"). */
  public static final String IN_WORDS = "InWords";

  /** Forms show time limits as people say them: each "…Ola" duration also as "…OlaInWords", on the task. */
  static void durationsInWords(DelegateTask task) {
    for (String name : task.getExecution().getVariableNames()) {
      if (!name.endsWith("Ola") || !(task.getExecution().getVariable(name) instanceof String iso)) continue;
      try {
        io.aftersales.shared.IsoDurations.checked(name, iso);
        task.setVariableLocal(name + IN_WORDS, io.aftersales.shared.IsoDurations.words(iso));
      } catch (RuntimeException notADuration) {
        // not a duration: nothing to say
      }
    }
  }

  private static void readInstance(CommandContext context, String group, String processInstanceId) {
    var authorizations = context.getProcessEngineConfiguration().getAuthorizationService();
    if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).count() > 0) {
      return;
    }
    AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(processInstanceId);
    grant.addPermission(Permissions.READ);
    // Removed with the instance's other authorizations when the instance is deleted (engine's removal time).
    grant.setRootProcessInstanceId(processInstanceId);
    authorizations.saveAuthorization(grant);
  }
}
