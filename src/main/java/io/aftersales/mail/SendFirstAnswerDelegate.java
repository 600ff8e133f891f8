package io.aftersales.mail;

import static io.aftersales.cases.ServiceCaseProcess.CASE_ID;
import static io.aftersales.cases.ServiceCaseProcess.FIRST_ANSWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendFirstAnswer} in service-case.bpmn: the agent's first answer, recorded as the first response. */
@Component
class SendFirstAnswerDelegate implements JavaDelegate {
  private final CustomerMailer mailer;

  SendFirstAnswerDelegate(CustomerMailer mailer) {
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mailer.send(CASE_ID.from(execution), CustomerMailer.Kind.FIRST_ANSWER, execution.getProcessInstanceId(),
        FIRST_ANSWER.from(execution), Agents.lastAssignee(execution));
  }
}
