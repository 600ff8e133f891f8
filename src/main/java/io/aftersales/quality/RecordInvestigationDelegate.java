package io.aftersales.quality;

import static io.aftersales.quality.QualityInvestigationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RecordInvestigation} of quality-investigation.bpmn: the findings (the investigation's and the
 * closing ones), the containment decided and who closed it go to the investigation's record; later cases of the
 * product and type then count towards a new one.
 */
@Component
record RecordInvestigationDelegate(RecurringProblems problems) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    String findings = FINDINGS.fromOrNull(execution) + "\n\nClosing: " + CLOSING_FINDINGS.fromOrNull(execution);
    problems.close(INVESTIGATION_ID.from(execution), findings, CONTAINMENT.fromOrNull(execution),
        CONTAINMENT_NOTE.fromOrNull(execution), (String) execution.getVariable(RecordCloserListener.CLOSED_BY));
  }
}
