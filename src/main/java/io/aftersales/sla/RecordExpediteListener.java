package io.aftersales.sla;

import static io.aftersales.sla.SlaEscalationProcess.EXPEDITE_NOTE;
import static io.aftersales.sla.SlaEscalationProcess.SLA_CLOCK_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_ExpediteCase} in sla-escalation.bpmn: keeps what the team lead did (who, when,
 * the note) with the clock, in the clock table.
 */
@Component
record RecordExpediteListener(SlaClocks clocks) implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    clocks.expedited(SLA_CLOCK_ID.from(task), EXPEDITE_NOTE.from(task), task.getAssignee());
  }
}
