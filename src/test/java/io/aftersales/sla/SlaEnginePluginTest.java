package io.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftersales.shared.AsSystem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.xml.sax.helpers.AttributesImpl;

/** Which model elements pause a case's resolution, which steps start a turnaround clock, and as whom. */
class SlaEnginePluginTest {
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private final SlaClocks clocks = mock(SlaClocks.class);
  private final IdentityService identity = mock(IdentityService.class);
  @SuppressWarnings("unchecked")
  private final ObjectProvider<SlaClocks> clocksProvider = mock(ObjectProvider.class);
  @SuppressWarnings("unchecked")
  private final ObjectProvider<IdentityService> identityProvider = mock(ObjectProvider.class);
  private final AsSystem system = new AsSystem(identityProvider);
  private final SlaEnginePlugin plugin = new SlaEnginePlugin(clocksProvider, system);

  SlaEnginePluginTest() {
    when(clocksProvider.getObject()).thenReturn(clocks);
    when(identityProvider.getObject()).thenReturn(identity);
  }

  private static Element element(String stage) {
    Element task = new Element(BPMN, "userTask", "bpmn:userTask", new AttributesImpl(), null);
    if (stage == null) return task;
    Element extensions = new Element(BPMN, "extensionElements", "bpmn:extensionElements", new AttributesImpl(), null);
    Element properties = new Element(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri(), "properties",
        "camunda:properties", new AttributesImpl(), null);
    AttributesImpl other = new AttributesImpl();
    other.addAttribute("", "name", "name", "CDATA", "somethingElse");
    other.addAttribute("", "value", "value", "CDATA", "WAITING_FOR_DOCUMENTS");
    AttributesImpl marked = new AttributesImpl();
    marked.addAttribute("", "name", "name", "CDATA", "customerStage");
    marked.addAttribute("", "value", "value", "CDATA", stage);
    properties.add(new Element(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri(), "property", "camunda:property",
        other, null));
    properties.add(new Element(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri(), "property", "camunda:property",
        marked, null));
    extensions.add(properties);
    task.add(extensions);
    return task;
  }

  @Test
  void onlyStagesThatExpectSomethingOfTheCustomerPauseTheResolution() {
    assertThat(SlaEnginePlugin.expectsCustomer(element("WAITING_FOR_DOCUMENTS"))).isTrue();
    assertThat(SlaEnginePlugin.expectsCustomer(element("AWAITING_PAYMENT"))).isTrue();
    assertThat(SlaEnginePlugin.expectsCustomer(element("WAITING_FOR_PARCEL"))).isTrue();
    assertThat(SlaEnginePlugin.expectsCustomer(element("INSPECTING"))).isFalse();
    assertThat(SlaEnginePlugin.expectsCustomer(element("NO_SUCH_STAGE"))).isFalse();
    assertThat(SlaEnginePlugin.expectsCustomer(element(null))).isFalse();
  }

  @Test
  void arrivingAtAWaitPausesLeavingResumesAsTheSystemAndNothingWithoutACase() {
    Authentication clerk = new Authentication("walter", java.util.List.of("warehouse"));
    when(identity.getCurrentAuthentication()).thenReturn(clerk);
    DelegateExecution arrives = mock(DelegateExecution.class);
    when(arrives.getVariable("caseId")).thenReturn(7L);
    when(arrives.getEventName()).thenReturn(ExecutionListener.EVENTNAME_START);
    plugin.customerWait(arrives);
    verify(clocks).waitingForCustomer(7L);
    verify(identity).clearAuthentication();
    verify(identity).setAuthentication(clerk);

    DelegateExecution leaves = mock(DelegateExecution.class);
    when(leaves.getVariable("caseId")).thenReturn(7L);
    when(leaves.getEventName()).thenReturn(ExecutionListener.EVENTNAME_END);
    plugin.customerWait(leaves);
    verify(clocks).customerWaitOver(7L);

    DelegateExecution noCase = mock(DelegateExecution.class);
    when(noCase.getEventName()).thenReturn(ExecutionListener.EVENTNAME_START);
    plugin.customerWait(noCase);
    verify(clocks, org.mockito.Mockito.times(1)).waitingForCustomer(org.mockito.ArgumentMatchers.anyLong());
  }

  @Test
  void aDepartmentsDatedStepStartsItsTurnaroundAndOthersDoNot() {
    var model = Bpmn.createExecutableProcess("p").startEvent().userTask("Plain").userTask("Timed")
        .boundaryEvent("Late").cancelActivity(false).timerWithDuration("P2D").endEvent().moveToActivity("Timed")
        .endEvent().done();
    java.util.Date due = java.util.Date.from(java.time.Instant.parse("2026-12-09T10:00:00Z"));

    DelegateTask plain = task("t1", "Plain", "logistics", 5L, due);
    when(plain.getBpmnModelElementInstance()).thenReturn(model.getModelElementById("Plain"));
    plugin.stepStarted(plain);
    verify(clocks).stepStarted(5L, "t1", "Plain", "Plain step", "logistics", due.toInstant(), true);

    DelegateTask timed = task("t2", "Timed", "warehouse", 5L, due);
    when(timed.getBpmnModelElementInstance()).thenReturn(model.getModelElementById("Timed"));
    plugin.stepStarted(timed);
    verify(clocks).stepStarted(5L, "t2", "Timed", "Timed step", "warehouse", due.toInstant(), false);

    plugin.stepStarted(task("t3", "Plain", "crm-frontend", 5L, due)); // customer care: the SLA covers it
    plugin.stepStarted(task("t4", "Plain", "warehouse", 5L, null)); // no due date: nothing owed
    plugin.stepStarted(task("t5", "Plain", "warehouse", null, due)); // no case
    verify(clocks, never()).stepStarted(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers
        .eq("t3"), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
        org.mockito.ArgumentMatchers
            .any(),
        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyBoolean());
    verify(clocks, org.mockito.Mockito.times(2)).stepStarted(org.mockito.ArgumentMatchers.anyLong(),
        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers
            .anyBoolean());
  }

  private static DelegateTask task(String id, String key, String group, Long caseId, java.util.Date due) {
    DelegateTask task = mock(DelegateTask.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable("caseId")).thenReturn(caseId);
    when(task.getExecution()).thenReturn(execution);
    when(task.getId()).thenReturn(id);
    when(task.getTaskDefinitionKey()).thenReturn(key);
    when(task.getName()).thenReturn(key + " step");
    when(task.getDueDate()).thenReturn(due);
    var link = mock(org.camunda.bpm.engine.task.IdentityLink.class);
    when(link.getType()).thenReturn("candidate");
    when(link.getGroupId()).thenReturn(group);
    when(task.getCandidates()).thenReturn(java.util.Set.of(link));
    return task;
  }

  @Test
  void anAnsweringTaskIsDueWithItsTargetAndAReplyHandledWithoutAnswerMeetsTheNextReply() {
    java.util.Date due = java.util.Date.from(java.time.Instant.parse("2026-12-07T10:00:00Z"));
    DelegateTask review = task("t9", "UserTask_ReviewCase", "crm-frontend", 5L, null);
    when(clocks.dueOf(5L, "UserTask_ReviewCase")).thenReturn(java.util.Optional.of(due.toInstant()));
    plugin.stepStarted(review);
    verify(review).setDueDate(due);
    verify(clocks, never()).stepStarted(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.eq("t9"),
        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyBoolean());

    DelegateTask silent = task("t10", "UserTask_HandleCustomerReply", "crm-frontend", 5L, null);
    when(silent.getExecution().getVariable("replyText")).thenReturn(" ");
    plugin.replyHandled(silent);
    verify(clocks).replyHandledWithoutAnswer(5L);
    DelegateTask answered = task("t11", "UserTask_HandleCustomerReply", "crm-frontend", 6L, null);
    when(answered.getExecution().getVariable("replyText")).thenReturn("Here you go.");
    plugin.replyHandled(answered);
    verify(clocks, never()).replyHandledWithoutAnswer(6L);
  }
}
