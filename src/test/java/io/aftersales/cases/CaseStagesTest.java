package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CaseStagesTest {
  private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
  private final RepositoryService repository = mock(RepositoryService.class);
  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final CaseStages stages = new CaseStages(runtime, repository, jdbc);

  private static BpmnModelInstance model() {
    StringBuilder tasks = new StringBuilder();
    for (String[] task : new String[][]{{"Review", "REVIEWING"}, {"AwaitDocs", "WAITING_FOR_DOCUMENTS"},
        {"Unmarked", null}, {"Odd", "NO_SUCH_STAGE"}, {"Ship", "SHIPPING"}}) {
      tasks.append("<bpmn:userTask id=\"").append(task[0]).append("\">");
      if (task[1] != null) {
        tasks.append("<bpmn:extensionElements><camunda:properties><camunda:property name=\"other\" value=\"x\" />")
            .append("<camunda:property name=\"customerStage\" value=\"").append(task[1])
            .append("\" /></camunda:properties></bpmn:extensionElements>");
      }
      tasks.append("</bpmn:userTask>");
    }
    String xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"t\">"
        + "<bpmn:process id=\"p\" isExecutable=\"true\">" + tasks + "</bpmn:process></bpmn:definitions>";
    return Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(xml.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
  }

  private void standingAt(String... activities) {
    ProcessInstance instance = mock(ProcessInstance.class);
    when(instance.getId()).thenReturn("pi");
    when(instance.getProcessDefinitionId()).thenReturn("def");
    when(runtime.createProcessInstanceQuery().processInstanceBusinessKey("SC-1").list()).thenReturn(List.of(instance));
    when(runtime.getActiveActivityIds("pi")).thenReturn(List.of(activities));
    when(repository.getBpmnModelInstance("def")).thenReturn(model());
  }

  @Test
  void theMarkedElementTheCaseStandsAtGivesTheStageWhatTheCustomerMustDoFirst() {
    standingAt("Review", "AwaitDocs");
    CaseView.Stage stage = stages.of("SC-1", CaseStatus.IN_PROGRESS, true);
    assertThat(stage.code()).isEqualTo("WAITING_FOR_DOCUMENTS");
    assertThat(stage.title()).isEqualTo("We are waiting for your receipt");
    assertThat(stage.expectation()).contains("send your receipt");
    assertThat(stage.text()).contains("proof of purchase");
  }

  @Test
  void unmarkedOrUnknownStagesFallBackToReceivedThenInProgress() {
    standingAt("Unmarked", "Odd");
    assertThat(stages.of("SC-1", CaseStatus.NEW, false).code()).isEqualTo("RECEIVED");
    assertThat(stages.of("SC-1", CaseStatus.IN_PROGRESS, true).code()).isEqualTo("IN_PROGRESS");
    assertThat(stages.of("SC-1", CaseStatus.IN_PROGRESS, true).expectation()).isNull();
  }

  @Test
  void aClosedCaseIsClosedWithItsParcelsTrackingNumber() {
    when(jdbc.queryForList(anyString(), eq("SC-1"))).thenReturn(List.of());
    assertThat(stages.of("SC-1", CaseStatus.CLOSED, true).code()).isEqualTo("CLOSED");
    when(jdbc.queryForList(anyString(), eq("SC-1"))).thenReturn(List.of(Map.of("tracking_number", "JJD9",
        "carrier", "DHL")));
    CaseView.Stage closed = stages.of("SC-1", CaseStatus.CLOSED, true);
    assertThat(closed.code()).isEqualTo("CLOSED");
    assertThat(closed.trackingNumber()).isEqualTo("JJD9");
  }

  @Test
  void aParcelThatLeftIsOnItsWayWithItsTrackingNumber() {
    standingAt("Ship");
    when(jdbc.queryForList(anyString(), eq("SC-1"))).thenReturn(List.of(Map.of("tracking_number", "JJD1",
        "carrier", "DHL")));
    CaseView.Stage stage = stages.of("SC-1", CaseStatus.IN_PROGRESS, true);
    assertThat(stage.code()).isEqualTo("ON_ITS_WAY");
    assertThat(stage.trackingNumber()).isEqualTo("JJD1");
    assertThat(stage.carrier()).isEqualTo("DHL");
  }

  @Test
  void aParcelNotYetBookedIsBeingPrepared() {
    standingAt("Ship");
    when(jdbc.queryForList(anyString(), eq("SC-1"))).thenReturn(List.of());
    assertThat(stages.of("SC-1", CaseStatus.IN_PROGRESS, true).code()).isEqualTo("SHIPPING");
  }

  @Test
  void aParcelIsOnlyNewsOnceWeAreShipping() {
    standingAt("Review");
    when(jdbc.queryForList(anyString(), eq("SC-1"))).thenReturn(List.of(Map.of("tracking_number", "JJD1",
        "carrier", "DHL")));
    CaseView.Stage stage = stages.of("SC-1", CaseStatus.IN_PROGRESS, true);
    assertThat(stage.code()).isEqualTo("REVIEWING");
    assertThat(stage.trackingNumber()).isNull();
  }
}
