package io.aftersales.sla;

import static io.aftersales.sla.ServiceLevelClockProcess.SLA_CLOCK_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordSlaWarning} of service-level-clock.bpmn: the warning share passed; once per clock. */
@Component
record RecordSlaWarningDelegate(SlaClocks clocks) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    clocks.warn(SLA_CLOCK_ID.from(execution));
  }
}
