package io.aftersales.handoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The procedure that called outside-system-handoff: its key picks the party, its variables are the context. */
final class Caller {
  private Caller() {}

  static DelegateExecution of(DelegateExecution execution) {
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    if (caller == null) {
      throw new IllegalStateException("outside-system-handoff runs only as a procedure's call activity");
    }
    return caller;
  }

  static String procedureKey(DelegateExecution execution) {
    return execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(of(execution).getProcessDefinitionId()).getKey();
  }
}
