package io.aftersales.cases;

import static io.aftersales.cases.ServiceCaseProcess.CASE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CloseCase} in service-case.bpmn. Idempotent: closing a closed case keeps its time. */
@Component
record CloseCaseDelegate(ServiceCases cases) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    cases.close(CASE_ID.from(execution));
  }
}
