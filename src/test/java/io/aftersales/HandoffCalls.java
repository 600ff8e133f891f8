package io.aftersales;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.mockito.ProcessExpressions;

/**
 * For a procedure's process test: outside-system-handoff replaced by a mock that records each call's inputs (the
 * hand-off model has its own test). {@link #undeploy} after each test.
 */
public final class HandoffCalls {
  /** What a call activity passed: the kind, the case and the business key. */
  public record Call(String kind, Long caseId, String caseNumber, String businessKey) {}

  private final List<Call> calls = new ArrayList<>();
  private final ProcessEngine engine;
  private final String deploymentId;

  private HandoffCalls(ProcessEngine engine) {
    this.engine = engine;
    this.deploymentId = ProcessExpressions.registerCallActivityMock("outside-system-handoff")
        .onExecutionDo(execution -> calls.add(new Call((String) execution.getVariable("handoffKind"),
            (Long) execution.getVariable("caseId"), (String) execution.getVariable("caseNumber"),
            execution.getProcessBusinessKey())))
        .deploy(engine).getId();
  }

  public static HandoffCalls deploy(ProcessEngine engine) {
    return new HandoffCalls(engine);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<String> kinds() {
    return calls.stream().map(Call::kind).toList();
  }

  public void undeploy() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
  }
}
