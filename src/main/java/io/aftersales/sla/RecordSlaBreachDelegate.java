package io.aftersales.sla;

import static io.aftersales.sla.ServiceLevelClockProcess.SLA_CLOCK_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordSlaBreach} of service-level-clock.bpmn: the target passed; recorded once per clock. */
@Component
record RecordSlaBreachDelegate(SlaClocks clocks) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    clocks.breach(SLA_CLOCK_ID.from(execution));
  }
}
