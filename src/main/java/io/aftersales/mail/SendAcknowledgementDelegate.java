package io.aftersales.mail;

import static io.aftersales.cases.ServiceCaseProcess.CASE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendAcknowledgement} in service-case.bpmn. Runs as an async job; it writes the mail
 * to the {@link Outbox}, which sends it after commit, so an SMTP outage never fails the job.
 */
@Component
record SendAcknowledgementDelegate(CustomerMailer mailer) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    mailer.sendAcknowledgement(CASE_ID.from(execution), execution.getProcessInstanceId());
  }
}
