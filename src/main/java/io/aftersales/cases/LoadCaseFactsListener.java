package io.aftersales.cases;

import static io.aftersales.cases.ServiceCaseProcess.CASE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of each procedure (return-handling, warranty-claim, spare-part-request): the service case
 * passes only its id and number; the procedure loads the case facts its gateways, decisions and forms read
 * from the case, here, once. One place instead of a copy of every fact mapping per call activity.
 */
@Component
record LoadCaseFactsListener(ServiceCases cases) implements ExecutionListener {
  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariables(cases.procedureFacts(CASE_ID.from(execution)));
  }
}
