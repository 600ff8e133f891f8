package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_AskCustomer} in return-handling.bpmn (async): mails the agent's question and
 * clears the form for the next decision. May run several times per return, so the mail is keyed by
 * the activity instance.
 */
@Component
record AskCustomerDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    String question = QUESTION_TO_CUSTOMER.fromOrNull(execution);
    returns.askCustomer(RETURN_ID.from(execution), question, CUSTOMER_ANSWER_TIMEOUT.from(execution),
        execution.getActivityInstanceId());
    LAST_QUESTION_TO_CUSTOMER.set(execution, question);
    QUESTION_TO_CUSTOMER.set(execution, null);
    NEEDS_CUSTOMER_INFO.set(execution, false);
  }
}
