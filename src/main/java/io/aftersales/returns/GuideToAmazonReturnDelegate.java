package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_GuideToAmazonReturn} in return-handling.bpmn (async): Amazon FBA - tells the
 * customer how to return through Amazon and records it.
 */
@Component
record GuideToAmazonReturnDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    returns.guideToAmazon(RETURN_ID.from(execution), execution.getProcessInstanceId());
  }
}
