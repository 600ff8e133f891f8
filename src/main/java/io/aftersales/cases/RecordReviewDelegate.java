package io.aftersales.cases;

import static io.aftersales.cases.ServiceCaseProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordReview} in service-case.bpmn: the agent's type and priority go onto the case. */
@Component
class RecordReviewDelegate implements JavaDelegate {
  private final ServiceCases cases;

  RecordReviewDelegate(ServiceCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = REQUEST_TYPE.fromOrNull(execution);
    String priority = PRIORITY.fromOrNull(execution);
    cases.classify(CASE_ID.from(execution), type == null ? null : RequestType.valueOf(type),
        priority == null ? null : Priority.valueOf(priority));
  }
}
