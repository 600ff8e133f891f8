package io.aftersales.quality;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code UserTask_CloseInvestigation}: who closed it goes with the findings to the record. */
@Component
class RecordCloserListener implements TaskListener {
  static final String CLOSED_BY = "closedBy";

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().setVariable(CLOSED_BY, task.getAssignee());
  }
}
