package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SopLinksTest {
  @Test
  void aTaskSopLivesInItsModelsFolderUnderItsFormName() {
    assertThat(SopLinks.of("processes/returns/return-handling.bpmn", "inspect-returned-item"))
        .isEqualTo("/sop/returns/inspect-returned-item.md");
    assertThat(SopLinks.of("BOOT-INF/classes/processes/cases/service-case.bpmn", "review-case"))
        .isEqualTo("/sop/cases/review-case.md");
    assertThat(SopLinks.of("C:\\models\\processes\\warranty\\warranty-claim.bpmn", "assess-claim"))
        .isEqualTo("/sop/warranty/assess-claim.md");
  }

  @Test
  void aModelDeployedWithoutItsFolderFindsTheSopByName() {
    assertThat(SopLinks.of("service-case.bpmn", "review-case")).isEqualTo("/sop/cases/review-case.md");
    assertThat(SopLinks.of("service-case.bpmn", "no-such-form")).isNull();
  }

  @Test
  void withoutAModelOrAFormThereIsNoSop() {
    assertThat(SopLinks.of(null, "review-case")).isNull();
    assertThat(SopLinks.of("processes/cases/service-case.bpmn", null)).isNull();
  }

  @Test
  void eachUserTaskOfAModelVersionHasItsSop() {
    var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("return-handling").startEvent()
        .userTask("UserTask_InspectReturnedItem").camundaFormRef("inspect-returned-item").userTask("NoForm")
        .endEvent().done();
    var repository = org.mockito.Mockito.mock(org.camunda.bpm.engine.RepositoryService.class);
    var definition = org.mockito.Mockito.mock(org.camunda.bpm.engine.repository.ProcessDefinition.class);
    org.mockito.Mockito.when(definition.getId()).thenReturn("def");
    org.mockito.Mockito.when(definition.getResourceName()).thenReturn("processes/returns/return-handling.bpmn");
    org.mockito.Mockito.when(repository.getBpmnModelInstance("def")).thenReturn(model);
    assertThat(SopLinks.ofModel(repository, definition))
        .containsExactly(java.util.Map.entry("UserTask_InspectReturnedItem", "/sop/returns/inspect-returned-item.md"));
  }
}
