package io.aftersales.sla;

import io.aftersales.cases.CaseStage;
import io.aftersales.cases.ServiceCaseProcess;
import io.aftersales.security.Groups;
import io.aftersales.shared.AsSystem;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Ties the clocks to every model without a line in the models:
 *
 * <ul>
 *   <li>where a model marks a wait state with a {@code customerStage} that expects something of the customer
 *       (documents, payment, an answer, their parcel), the case's resolution clock pauses as the case arrives there
 *       and runs again as it leaves;
 *   <li>each step offered to a back-office department with a due date starts that step's turnaround clock (OLA),
 *       which stops when the step is done.
 * </ul>
 */
@Component
class SlaEnginePlugin extends AbstractProcessEnginePlugin {
  // The clocks need the engine; the engine is built with this plugin: look them up when a listener runs.
  private final ObjectProvider<SlaClocks> clocks;
  private final AsSystem system;

  SlaEnginePlugin(ObjectProvider<SlaClocks> clocks, AsSystem system) {
    this.clocks = clocks;
    this.system = system;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    ExecutionListener waits = this::customerWait;
    TaskListener onCreate = this::stepStarted;
    TaskListener replyHandled = this::replyHandled;
    TaskListener onEnd = task -> system.run(() -> clocks.getObject().stepEnded(task.getId()));
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        if (expectsCustomer(element)) {
          // A step that waits on the customer (their parcel) owes no turnaround: the customer's time pauses instead.
          waitsForCustomer(element, activity, waits);
          return;
        }
        // Post-parse: runs after the task cards have set the due date.
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
        if (ServiceCaseProcess.USER_TASK_HANDLE_CUSTOMER_REPLY.equals(activity.getId())) {
          definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, replyHandled);
        }
        definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, onEnd);
        definition.addTaskListener(TaskListener.EVENTNAME_DELETE, onEnd);
      }

      @Override
      public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
        waitsForCustomer(element, activity, waits);
      }

      @Override
      public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        waitsForCustomer(element, activity, waits);
      }

      @Override
      public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        waitsForCustomer(element, activity, waits);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** True if the element's {@code customerStage} asks something of the customer. */
  static boolean expectsCustomer(Element element) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null
        ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS,
            "properties");
    if (properties == null) return false;
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (!CaseStage.PROPERTY.equals(property.attribute("name"))) continue;
      try {
        return CaseStage.valueOf(property.attribute("value")).expectation() != null;
      } catch (IllegalArgumentException | NullPointerException unknown) {
        return false; // the conventions test names unknown stages
      }
    }
    return false;
  }

  private static void waitsForCustomer(Element element, ActivityImpl activity, ExecutionListener listener) {
    if (!expectsCustomer(element)) return;
    activity.addListener(ExecutionListener.EVENTNAME_START, listener);
    activity.addListener(ExecutionListener.EVENTNAME_END, listener);
  }

  void customerWait(DelegateExecution execution) {
    Long caseId = ServiceCaseProcess.CASE_ID.fromOrNull(execution);
    if (caseId == null) return;
    if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
      system.run(() -> clocks.getObject().waitingForCustomer(caseId));
    } else {
      system.run(() -> clocks.getObject().customerWaitOver(caseId));
    }
  }

  void stepStarted(DelegateTask task) {
    Long caseId = ServiceCaseProcess.CASE_ID.fromOrNull(task.getExecution());
    if (caseId == null) return;
    if (SlaClocks.ANSWERING_TASKS.containsKey(task.getTaskDefinitionKey())) {
      // The agent's answering task is due when the customer's target it serves is (sorted by it in Tasklist).
      clocks.getObject().dueOf(caseId, task.getTaskDefinitionKey())
          .ifPresent(due -> task.setDueDate(java.util.Date.from(due)));
      return;
    }
    if (task.getDueDate() == null) return;
    String department = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).filter(Groups.BACK_OFFICE::contains).findFirst().orElse(null);
    if (department == null) return;
    boolean escalate = !escalatedByItsModel(task);
    system.run(() -> clocks.getObject().stepStarted(caseId, task.getId(), task.getTaskDefinitionKey(), task.getName(),
        department, task.getDueDate().toInstant(), escalate));
  }

  /** {@code UserTask_HandleCustomerReply} completed without an answer: the next reply owed is met. */
  void replyHandled(DelegateTask task) {
    Long caseId = ServiceCaseProcess.CASE_ID.fromOrNull(task.getExecution());
    Object reply = task.getExecution().getVariable(ServiceCaseProcess.REPLY_TEXT.name());
    if (caseId == null || reply instanceof String text && !text.isBlank()) return;
    system.run(() -> clocks.getObject().replyHandledWithoutAnswer(caseId));
  }

  /** A step with a timer of its own on it (its OLA leading to a team lead's task) is escalated by its model. */
  static boolean escalatedByItsModel(DelegateTask task) {
    if (task.getBpmnModelElementInstance() == null) return false;
    var element = task.getBpmnModelElementInstance();
    return element.getModelInstance().getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class)
        .stream().anyMatch(b -> b.getAttachedTo() == element && !b.getEventDefinitions().isEmpty()
            && b.getEventDefinitions().iterator()
                .next() instanceof org.camunda.bpm.model.bpmn.instance.TimerEventDefinition);
  }
}
