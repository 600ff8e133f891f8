package io.aftersales.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stage a case is at, for its customer: read from the {@code customerStage} property of the model elements its
 * running instances (service case, procedure, hand-off) stand at, the most pressing one first ({@link CaseStage}).
 * A closed case is CLOSED; a case at no marked element is RECEIVED until its first answer, then IN_PROGRESS. A parcel
 * that has left carries its tracking number.
 */
@Component
class CaseStages {
  /** Stage per model element, per process definition (a deployed definition never changes). */
  private final Map<String, Map<String, CaseStage>> byDefinition = new ConcurrentHashMap<>();
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final JdbcTemplate jdbc;

  CaseStages(RuntimeService runtime, RepositoryService repository, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.repository = repository;
    this.jdbc = jdbc;
  }

  CaseView.Stage of(String caseNumber, CaseStatus status, boolean answered) {
    if (status == CaseStatus.CLOSED) return stage(CaseStage.CLOSED, caseNumber);
    List<CaseStage> found = new ArrayList<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .list()) {
      Map<String, CaseStage> marked = byDefinition.computeIfAbsent(instance.getProcessDefinitionId(), this::stagesOf);
      for (String activity : runtime.getActiveActivityIds(instance.getId())) {
        CaseStage stage = marked.get(activity);
        if (stage != null) found.add(stage);
      }
    }
    CaseStage stage = found.stream().min(Comparator.naturalOrder())
        .orElse(answered ? CaseStage.IN_PROGRESS : CaseStage.RECEIVED);
    return stage(stage, caseNumber);
  }

  private CaseView.Stage stage(CaseStage stage, String caseNumber) {
    boolean mayHaveShipped = stage == CaseStage.SHIPPING || stage == CaseStage.IN_PROGRESS
        || stage == CaseStage.CLOSED;
    if (caseNumber != null && mayHaveShipped) {
      // A parcel to the customer that has a tracking number has left: on its way.
      List<Map<String, Object>> shipped = jdbc.queryForList("""
          select tracking_number, carrier from aftersales.shipment
           where case_number = ? and tracking_number is not null
             and kind in ('REPLACEMENT', 'SPARE_PART', 'SEND_BACK', 'REPAIRED_UNIT')
           order by id desc limit 1""", caseNumber);
      if (!shipped.isEmpty()) {
        // A closed case keeps saying closed, with the parcel's tracking number.
        CaseStage on = stage == CaseStage.CLOSED ? CaseStage.CLOSED : CaseStage.ON_ITS_WAY;
        return new CaseView.Stage(on.name(), on.title(), on.text(), on.expectation(),
            (String) shipped.get(0).get("tracking_number"), (String) shipped.get(0).get("carrier"));
      }
    }
    return new CaseView.Stage(stage.name(), stage.title(), stage.text(), stage.expectation(), null, null);
  }

  private Map<String, CaseStage> stagesOf(String definitionId) {
    Map<String, CaseStage> stages = new ConcurrentHashMap<>();
    for (BaseElement element : repository.getBpmnModelInstance(definitionId).getModelElementsByType(
        BaseElement.class)) {
      if (element.getExtensionElements() == null) continue;
      for (CamundaProperty property : element.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
          .flatMap(p -> p.getCamundaProperties().stream()).toList()) {
        if (!CaseStage.PROPERTY.equals(property.getCamundaName())) continue;
        try {
          stages.put(element.getId(), CaseStage.valueOf(property.getCamundaValue()));
        } catch (IllegalArgumentException unknown) {
          // a stage this version does not know: the element shows no stage (the conventions test keeps ours known)
        }
      }
    }
    return stages;
  }
}
