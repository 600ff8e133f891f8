package io.aftersales.sla;

import io.aftersales.shared.ProcessVariable;
import java.util.Date;

/** Key, element ids, messages and variables of {@code processes/sla/service-level-clock.bpmn}. */
final class ServiceLevelClockProcess {
  static final String KEY = "service-level-clock";
  static final String START_EVENT_CLOCK_STARTED = "StartEvent_ClockStarted";
  static final String SUB_PROCESS_CLOCK_RUNNING = "SubProcess_ClockRunning";
  static final String INTERMEDIATE_CATCH_EVENT_WARNING_DUE = "IntermediateCatchEvent_WarningDue";
  static final String INTERMEDIATE_CATCH_EVENT_TARGET_DUE = "IntermediateCatchEvent_TargetDue";
  static final String SERVICE_TASK_RECORD_SLA_WARNING = "ServiceTask_RecordSlaWarning";
  static final String SERVICE_TASK_RECORD_SLA_BREACH = "ServiceTask_RecordSlaBreach";
  static final String END_EVENT_NO_WARNING = "EndEvent_NoWarning";
  static final String END_EVENT_CLOCK_HALTED = "EndEvent_ClockHalted";
  static final String END_EVENT_WARNED = "EndEvent_Warned";
  static final String END_EVENT_BREACHED = "EndEvent_Breached";
  static final String END_EVENT_TARGET_PASSED = "EndEvent_TargetPassed";
  static final String BOUNDARY_CLOCK_HALTED = "BoundaryEvent_ClockHalted";

  /** Correlated by process instance id when the clock stops or pauses: its timers end. */
  static final String MESSAGE_CLOCK_HALTED = "ServiceLevelClockHalted";

  static final ProcessVariable<Long> SLA_CLOCK_ID = ProcessVariable.of("slaClockId", Long.class);
  static final ProcessVariable<Long> CASE_ID = ProcessVariable.of("caseId", Long.class);
  static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  static final ProcessVariable<Date> SLA_DUE_AT = ProcessVariable.of("slaDueAt", Date.class);
  static final ProcessVariable<Date> SLA_WARNING_AT = ProcessVariable.of("slaWarningAt", Date.class);
  /** The warning was given before (a resumed clock): the warning timer is skipped. */
  static final ProcessVariable<Boolean> SLA_WARNED = ProcessVariable.of("slaWarned", Boolean.class);

  private ServiceLevelClockProcess() {}
}
