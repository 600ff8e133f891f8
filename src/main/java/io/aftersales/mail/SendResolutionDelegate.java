package io.aftersales.mail;

import static io.aftersales.cases.ServiceCaseProcess.CASE_ID;
import static io.aftersales.cases.ServiceCaseProcess.RESOLUTION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendResolution} in service-case.bpmn: the agent's closing answer. */
@Component
record SendResolutionDelegate(CustomerMailer mailer) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    mailer.send(CASE_ID.from(execution), CustomerMailer.Kind.RESOLUTION, execution.getProcessInstanceId(),
        RESOLUTION.from(execution), Agents.lastAssignee(execution));
  }
}
