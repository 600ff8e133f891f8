package io.aftersales.warranty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Flow-node coverage of one model over a process test class, until camunda-process-test-coverage is in the pom:
 * collects the executed activities from history after each test (register it after the engine extension, so it
 * runs before the engine deletes the test's deployment) and fails the class below the floor.
 */
class FlowNodeCoverage implements AfterTestExecutionCallback, AfterAllCallback {
  private final ProcessEngineExtension engine;
  private final String model;
  private final double floor;
  private final Set<String> covered = new TreeSet<>();

  FlowNodeCoverage(ProcessEngineExtension engine, String model, double floor) {
    this.engine = engine;
    this.model = model;
    this.floor = floor;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    engine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .map(HistoricActivityInstance::getActivityId).forEach(covered::add);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Set<String> nodes = Bpmn.readModelFromFile(Path.of(model).toFile()).getModelElementsByType(FlowNode.class)
        .stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missed = new TreeSet<>(nodes);
    missed.removeAll(covered);
    double coverage = (nodes.size() - missed.size()) / (double) nodes.size();
    System.out.printf("Flow-node coverage of %s: %d/%d = %.1f%%, not covered: %s%n", model,
        nodes.size() - missed.size(), nodes.size(), coverage * 100, missed);
    assertThat(coverage).as("flow-node coverage of " + model + ", missed " + missed).isGreaterThanOrEqualTo(floor);
  }
}
