package io.aftersales.survey;

import io.aftersales.shared.ProcessVariable;

/** Key, element ids and variables of {@code processes/survey/service-recovery.bpmn}. */
final class ServiceRecoveryProcess {
  static final String KEY = "service-recovery";
  static final String START_EVENT_CUSTOMER_UNHAPPY = "StartEvent_CustomerUnhappy";
  static final String USER_TASK_RECOVER_SERVICE = "UserTask_RecoverService";
  static final String END_EVENT_SERVICE_RECOVERED = "EndEvent_ServiceRecovered";

  static final ProcessVariable<Long> CASE_ID = ProcessVariable.of("caseId", Long.class);
  static final ProcessVariable<Long> SURVEY_ID = ProcessVariable.of("surveyId", Long.class);
  static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  static final ProcessVariable<String> SURVEY_SCORE = ProcessVariable.of("surveyScore", String.class);
  static final ProcessVariable<Boolean> SURVEY_SOLVED = ProcessVariable.of("surveySolved", Boolean.class);
  /** The customer's comment, an excerpt (the whole comment is in the survey table). */
  static final ProcessVariable<String> CUSTOMER_MESSAGE = ProcessVariable.of("customerMessage", String.class);
  static final ProcessVariable<String> RECOVERY_NOTE = ProcessVariable.of("recoveryNote", String.class);

  private ServiceRecoveryProcess() {}
}
