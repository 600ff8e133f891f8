package io.aftersales.sla;

import io.aftersales.shared.ProcessVariable;
import java.util.Date;

/** Key, element ids, messages and variables of {@code processes/sla/sla-escalation.bpmn}. */
final class SlaEscalationProcess {
  static final String KEY = "sla-escalation";
  static final String START_EVENT_SERVICE_LEVEL_IN_DANGER = "StartEvent_ServiceLevelInDanger";
  static final String USER_TASK_EXPEDITE_CASE = "UserTask_ExpediteCase";
  static final String BOUNDARY_SERVICE_LEVEL_MET = "BoundaryEvent_ServiceLevelMet";
  static final String END_EVENT_CASE_EXPEDITED = "EndEvent_CaseExpedited";
  static final String END_EVENT_MET_IN_TIME = "EndEvent_MetInTime";

  /** Correlated (by the clock's id) when a clock that was at risk meets its target: the warning task ends. */
  static final String MESSAGE_SERVICE_LEVEL_MET = "ServiceLevelMet";

  static final ProcessVariable<Long> SLA_CLOCK_ID = ProcessVariable.of("slaClockId", Long.class);
  static final ProcessVariable<Long> CASE_ID = ProcessVariable.of("caseId", Long.class);
  static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  static final ProcessVariable<String> SUBJECT = ProcessVariable.of("subject", String.class);
  /** "at risk" or "breached". */
  static final ProcessVariable<String> SLA_EVENT = ProcessVariable.of("slaEvent", String.class);
  /** What is measured, in words ("First reply", "Turnaround of Inspect returned item (warehouse)"). */
  static final ProcessVariable<String> SERVICE_LEVEL = ProcessVariable.of("serviceLevel", String.class);
  /** The target in words, with its time ("1 hour of business time (customer-care)"). */
  static final ProcessVariable<String> SLA_TARGET = ProcessVariable.of("slaTarget", String.class);
  static final ProcessVariable<Date> SLA_DUE_AT = ProcessVariable.of("slaDueAt", Date.class);
  /** The case's open back-office steps past their turnaround, in words (who holds it up). */
  static final ProcessVariable<String> LATE_STEPS = ProcessVariable.of("lateSteps", String.class);
  static final ProcessVariable<String> EXPEDITE_NOTE = ProcessVariable.of("expediteNote", String.class);

  private SlaEscalationProcess() {}
}
