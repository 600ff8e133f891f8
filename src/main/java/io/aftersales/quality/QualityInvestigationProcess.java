package io.aftersales.quality;

import io.aftersales.shared.ProcessVariable;

/** Key, element ids and variables of {@code processes/quality/quality-investigation.bpmn}. */
final class QualityInvestigationProcess {
  static final String KEY = "quality-investigation";
  static final String DECISION = "recurring-problem";
  static final String START_EVENT_PROBLEM_RECURS = "StartEvent_ProblemRecurs";
  static final String USER_TASK_INVESTIGATE_PROBLEM = "UserTask_InvestigateProblem";
  static final String USER_TASK_DECIDE_CONTAINMENT = "UserTask_DecideContainment";
  static final String USER_TASK_CLOSE_INVESTIGATION = "UserTask_CloseInvestigation";
  static final String SERVICE_TASK_RECORD_INVESTIGATION = "ServiceTask_RecordInvestigation";
  static final String END_EVENT_INVESTIGATION_CLOSED = "EndEvent_InvestigationClosed";

  static final ProcessVariable<Long> INVESTIGATION_ID = ProcessVariable.of("investigationId", Long.class);
  static final ProcessVariable<String> PRODUCT_SKU = ProcessVariable.of("productSku", String.class);
  static final ProcessVariable<String> PRODUCT_NAME = ProcessVariable.of("productName", String.class);
  static final ProcessVariable<String> REQUEST_TYPE = ProcessVariable.of("requestType", String.class);
  /** Cases when it opened; more may join (the table lists them all). */
  static final ProcessVariable<Long> CASE_COUNT = ProcessVariable.of("caseCount", Long.class);
  /** In words: "5 warranty cases within 30 days (threshold of the recurring-problem decision)". */
  static final ProcessVariable<String> TRIGGER = ProcessVariable.of("trigger", String.class);
  static final ProcessVariable<String> CASE_NUMBERS = ProcessVariable.of("caseNumbers", String.class);
  static final ProcessVariable<String> FINDINGS = ProcessVariable.of("findings", String.class);
  /** NONE, SALES_STOP, SUPPLIER_CLAIM, CUSTOMER_NOTICE. */
  static final ProcessVariable<String> CONTAINMENT = ProcessVariable.of("containment", String.class);
  static final ProcessVariable<String> CONTAINMENT_NOTE = ProcessVariable.of("containmentNote", String.class);
  static final ProcessVariable<String> CLOSING_FINDINGS = ProcessVariable.of("closingFindings", String.class);

  private QualityInvestigationProcess() {}
}
