package io.aftersales.mail;

import static io.aftersales.cases.ServiceCaseProcess.CASE_ID;
import static io.aftersales.cases.ServiceCaseProcess.REPLY_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendReply} in the customer-reply event subprocess of service-case.bpmn. The
 * step id is the subprocess instance, so each reply gets its own Message-ID.
 */
@Component
record SendReplyDelegate(CustomerMailer mailer) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    mailer.send(CASE_ID.from(execution), CustomerMailer.Kind.REPLY, execution.getParentActivityInstanceId(),
        REPLY_TEXT.from(execution), Agents.lastAssignee(execution));
  }
}
