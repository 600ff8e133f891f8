package io.aftersales.cases;

import static io.aftersales.cases.ServiceCaseProcess.ANSWERED_BY;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on the answering user tasks of service-case.bpmn: remembers who
 * answered, so the mail is signed and the audit trail names the agent.
 */
@Component
record RecordAgentListener(IdentityService identity) implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    String who = task.getAssignee();
    if (who == null && identity.getCurrentAuthentication() != null) {
      who = identity.getCurrentAuthentication().getUserId();
    }
    if (who != null) {
      task.getExecution().setVariable(ANSWERED_BY.name(), who);
    }
  }
}
