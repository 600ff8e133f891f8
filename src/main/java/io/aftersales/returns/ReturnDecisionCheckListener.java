package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on {@code UserTask_DecideReturn}: refuses to complete a decision
 * the model cannot act on (a question without text, an approval without the customer's wish, a
 * refusal without a reason); Tasklist shows the message and the task stays open.
 */
@Component
class ReturnDecisionCheckListener implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    ReturnService.checkDecision(NEEDS_CUSTOMER_INFO.fromOrNull(task), QUESTION_TO_CUSTOMER.fromOrNull(task),
        RETURN_APPROVED.fromOrNull(task), CUSTOMER_WISH.fromOrNull(task), REFUSAL_REASON.fromOrNull(task));
  }
}
