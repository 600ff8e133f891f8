package io.aftersales.mail;

import static io.aftersales.cases.ServiceCaseProcess.CASE_ID;
import static io.aftersales.cases.ServiceCaseProcess.FIRST_ANSWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendFirstAnswer} in service-case.bpmn: the agent's first answer, recorded as the first response. */
@Component
record SendFirstAnswerDelegate(CustomerMailer mailer) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    mailer.send(CASE_ID.from(execution), CustomerMailer.Kind.FIRST_ANSWER, execution.getProcessInstanceId(),
        FIRST_ANSWER.from(execution), Agents.lastAssignee(execution));
  }
}
