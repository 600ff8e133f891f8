package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_ApplyDisposition} in return-handling.bpmn: records the inspection and
 * outcome, restocks or scraps the item, works out the refund.
 */
@Component
record ApplyDispositionDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    var refund = returns.applyDisposition(RETURN_ID.from(execution),
        new Inspection(PRODUCT_SKU.fromOrNull(execution), ITEM_CONDITION.fromOrNull(execution),
            INSPECTION_NOTES.fromOrNull(execution)),
        new ReturnOutcome(OUTCOME.from(execution), REFUND_PERCENT.fromOrNull(execution), DISPOSITION.from(execution)));
    REFUND_AMOUNT.set(execution, refund);
  }
}
