package io.aftersales.mail;

import static io.aftersales.cases.ServiceCaseProcess.ANSWERED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Who signs an answer: the agent who completed the answering task, if known. */
final class Agents {
  private Agents() {}

  static String lastAssignee(DelegateExecution execution) {
    String who = ANSWERED_BY.fromOrNull(execution);
    return who == null ? "customer care" : who;
  }
}
