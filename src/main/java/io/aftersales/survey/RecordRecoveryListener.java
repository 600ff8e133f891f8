package io.aftersales.survey;

import static io.aftersales.survey.ServiceRecoveryProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_RecoverService} in service-recovery.bpmn: keeps what the team lead did with the
 * survey it answers (who, when, the note), in the survey table.
 */
@Component
record RecordRecoveryListener(Surveys surveys) implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    surveys.recordRecovery(SURVEY_ID.from(task), RECOVERY_NOTE.from(task), task.getAssignee());
  }
}
