package io.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeploymentCheckTest {
  private static final Set<String> DELEGATES = Set.of("issueRefundDelegate", "recordAgentListener");
  private static final Set<String> OTHER_BEANS = Set.of("identityService", "runtimeService", "serviceCases");
  private final DeploymentCheck check =
      new DeploymentCheck(DELEGATES, Set.of("businessTime"), name -> OTHER_BEANS.contains(name)
          || DELEGATES.contains(name) || name.equals("businessTime"));

  private static String bpmn(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
        """ + body + """
          </bpmn:process>
        </bpmn:definitions>
        """;
  }

  private List<String> violations(String name, String xml) {
    return check.check(name, xml.getBytes(StandardCharsets.UTF_8)).stream().map(Object::toString).toList();
  }

  private List<String> inProcess(String body) {
    return violations("m.bpmn", bpmn(body));
  }

  @Test
  void theIdentityServiceCalledFromAnyExpressionIsRefusedWithItsElementAndLine() {
    List<String> found = inProcess(
        """
                <bpmn:serviceTask id="Task_Evil" camunda:expression="${identityService.createMembership('otto','camunda-admin')}" />
            """);
    assertThat(found).singleElement().asString().startsWith("m.bpmn line 5 (Task_Evil): ")
        .contains("bean identityService is not one of the helper beans");
  }

  @Test
  void theEngineReachedThroughTheExecutionIsRefused() {
    assertThat(inProcess(
        """
                <bpmn:sequenceFlow id="Flow_1" sourceRef="a" targetRef="b">
                  <bpmn:conditionExpression>${execution.processEngineServices.identityService.createUserQuery().count() > 0}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
            """))
        .singleElement().asString().contains("(Flow_1)")
        .contains("execution.processEngineServices is not allowed");
    assertThat(inProcess(
        """
                <bpmn:task id="T"><bpmn:extensionElements><camunda:executionListener expression="${execution.getProcessEngine()}" event="start" /></bpmn:extensionElements></bpmn:task>
            """))
        .singleElement().asString().contains("execution.getProcessEngine is not allowed");
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${execution}\" />")).singleElement().asString()
        .contains("execution may only be used for its ids and variables");
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${task['processEngineServices']}\" />")).singleElement()
        .asString().contains("task.processEngineServices is not allowed");
  }

  @Test
  void aPathToTheClassLoaderFromAnyValueIsRefused() {
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${replyText.class.classLoader}\" />")).singleElement()
        .asString().contains("property class is not allowed");
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${replyText.getClass().forName('java.lang.Runtime')}\" />"))
        .singleElement().asString().contains("method getClass() is not allowed");
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${replyText.trim().getBytes()}\" />")).singleElement()
        .asString().contains("method getBytes() is not allowed");
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${replyText[name]}\" />")).singleElement().asString()
        .contains("computed member name");
  }

  @Test
  void onlyTheEnginesDateAndUserFunctionsMayBeCalled() {
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${dateTime().plusDays(2).toDate()} ${currentUser()}\" />"))
        .isEmpty();
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${S(json).prop('a')}\" />"))
        .singleElement().asString().contains("function S() is not allowed");
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${currentUser().getClass()}\" />")).singleElement()
        .asString().contains("method getClass() is not allowed");
  }

  @Test
  void scriptsClassesAndConnectorsAreRefused() {
    List<String> found = inProcess(
        """
                <bpmn:scriptTask id="Script_1" scriptFormat="groovy"><bpmn:script>println 'x'</bpmn:script></bpmn:scriptTask>
                <bpmn:serviceTask id="Class_1" camunda:class="com.example.Evil" />
                <bpmn:serviceTask id="Connector_1"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:userTask id="Listener_1"><bpmn:extensionElements><camunda:taskListener event="create"><camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>
            """);
    assertThat(found).anyMatch(v -> v.contains("(Script_1)") && v.contains("scripts are not allowed (scriptTask)"))
        .anyMatch(v -> v.contains("(Class_1)") && v.contains("camunda:class=\"com.example.Evil\""))
        .anyMatch(v -> v.contains("(Connector_1)") && v.contains("connectors are not allowed"))
        .anyMatch(v -> v.contains("(Listener_1)") && v.contains("scripts are not allowed (script)"))
        .anyMatch(v -> v.contains("camunda:scriptFormat=\"javascript\""))
        .noneMatch(v -> v.contains("(Listener_1)") && v.contains("expression"));
  }

  @Test
  void aDelegateExpressionNamesExactlyOneDelegateBean() {
    assertThat(inProcess("<bpmn:serviceTask id=\"S\" camunda:delegateExpression=\"${issueRefundDelegate}\" />"))
        .isEmpty();
    assertThat(inProcess("<bpmn:serviceTask id=\"S\" camunda:delegateExpression=\"${serviceCases}\" />"))
        .singleElement().asString().contains("must name one of the delegate or listener beans");
    assertThat(inProcess(
        "<bpmn:serviceTask id=\"S\" camunda:delegateExpression=\"${issueRefundDelegate.service().delete()}\" />"))
        .singleElement().asString().contains("must name one of the delegate or listener beans");
    assertThat(inProcess("<bpmn:task id=\"T\" name=\"${issueRefundDelegate.execute(execution)}\" />"))
        .anyMatch(v -> v.contains("bean issueRefundDelegate may only be a whole delegate expression"));
  }

  @Test
  void helperBeansMayBeCalledAndVariablesAndOperatorsAreData() {
    assertThat(inProcess(
        """
                <bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:timerEventDefinition><bpmn:timeDuration>${businessTime.hours(4)}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="F" sourceRef="a" targetRef="b"><bpmn:conditionExpression>${remedy == 'REFUND' &amp;&amp; replyText.trim() != '' || !empty list[0]}</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:callActivity id="C" calledElement="x"><bpmn:extensionElements><camunda:in businessKey="#{execution.processBusinessKey}" /></bpmn:extensionElements></bpmn:callActivity>
                <bpmn:task id="T2"><bpmn:extensionElements><camunda:executionListener expression="${execution.setVariableLocal('s', execution.hasVariable('s') ? s : '')}" event="start" /><camunda:inputOutput><camunda:outputParameter name="p">${decisionResult.getSingleResult().priority}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>
            """))
        .isEmpty();
  }

  @Test
  void decisionsAreFeelWithoutJava() {
    String dmn =
        """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
              <decision id="D"><decisionTable id="DT">
                <input id="I"><inputExpression id="IE" typeRef="string" expressionLanguage="%s"><text>a</text></inputExpression></input>
                <output id="O" name="o" typeRef="string" />
                <rule id="R"><inputEntry id="E"><text>"x"</text></inputEntry><outputEntry id="OE"><text>%s</text></outputEntry></rule>
              </decisionTable></decision>
            </definitions>
            """;
    assertThat(violations("d.dmn", dmn.formatted("feel", "\"ok\""))).isEmpty();
    assertThat(violations("d.dmn", dmn.formatted("juel", "\"ok\""))).singleElement().asString()
        .contains("(IE)").contains("expression language \"juel\"");
    assertThat(violations("d.dmn", dmn.formatted("feel",
        "(function() external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}})()")))
        .singleElement().asString().contains("(OE)").contains("FEEL external function");
  }

  @Test
  void onlyModelsFormsAndPngImagesMayBeDeployed() {
    assertThat(violations("forms/a.form", "{}")).isEmpty();
    assertThat(violations("diagram.png", "x")).isEmpty();
    for (String name : List.of("evil.groovy", "form.html", "x.js", "d.svg", "c.cmmn")) {
      assertThat(violations(name, "x")).as(name).singleElement().asString()
          .contains("This kind of resource is not deployed here");
    }
    assertThat(violations("broken.bpmn", "<a><b></a>")).singleElement().asString().contains("not readable as XML");
    assertThat(violations("dtd.bpmn", "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"))
        .isNotEmpty();
  }

  /** Every model of this project passes, with the delegate beans its own expressions name. */
  @Test
  void everyModelOfThisProjectPasses() throws IOException {
    Set<String> beans = new HashSet<>();
    List<Path> models;
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      models = files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList();
    }
    Pattern delegate = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    for (Path model : models) {
      Matcher m = delegate.matcher(Files.readString(model));
      while (m.find())
        beans.add(m.group(1));
    }
    DeploymentCheck ours = new DeploymentCheck(beans, DeploymentCheckPlugin.HELPER_BEANS, beans::contains);
    assertThat(models).hasSizeGreaterThan(8);
    for (Path model : models) {
      assertThat(ours.check(model.toString(), Files.readAllBytes(model))).as(model.toString()).isEmpty();
    }
  }
}
