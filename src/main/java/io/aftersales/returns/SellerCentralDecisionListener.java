package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create and complete listener of {@code UserTask_RecordDecisionInSellerCentral} in return-handling.bpmn: the
 * decision is in the outside-system list while customer care records it in Seller Central, and done when confirmed.
 */
@Component
record SellerCentralDecisionListener(ReturnService returns) implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      returns.sellerCentralDecisionRequested(RETURN_ID.from(task), RETURN_APPROVED.fromOrNull(task),
          CUSTOMER_WISH.fromOrNull(task), REFUSAL_REASON.fromOrNull(task));
    } else {
      returns.sellerCentralDecisionRecorded(RETURN_ID.from(task), SELLER_CENTRAL_CONFIRMED.fromOrNull(task));
    }
  }
}
