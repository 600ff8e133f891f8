package io.aftersales.cases;

import static io.aftersales.cases.ServiceCaseProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RecordReview} in service-case.bpmn: the agent's type, priority and corrected
 * order number or SKU go onto the case, and the case facts are refreshed for the routing decision.
 */
@Component
record RecordReviewDelegate(ServiceCases cases) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    String type = REQUEST_TYPE.fromOrNull(execution);
    String priority = PRIORITY.fromOrNull(execution);
    CaseFacts facts = cases.review(CASE_ID.from(execution), type == null ? null : RequestType.valueOf(type),
        priority == null ? null : Priority.valueOf(priority), ORDER_NUMBER.fromOrNull(execution),
        PRODUCT_SKU.fromOrNull(execution), RETAILER_SENDER.fromOrNull(execution));
    // A case opened before the decision-only facts became transient keeps them as variables: update those.
    facts.toCaseVariables().forEach((name, value) -> execution.setVariable(name,
        value instanceof TypedValue typed && typed.isTransient() && execution.hasVariable(name)
            ? typed.getValue()
            : value));
  }
}
