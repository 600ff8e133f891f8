package io.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.security.Groups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The chain of names, checked over every model and form in the repository: element ids by type,
 * key = file name, delegate expression = an existing bean named after its task, every user task
 * with candidate groups of known roles, an existing form whose id is the task's name and an
 * existing SOP file named in its documentation, and history time-to-live everywhere.
 */
class ModelConventionsTest {
  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Pattern ID = Pattern.compile(
      "(StartEvent|EndEvent|UserTask|ServiceTask|BusinessRuleTask|SendTask|ReceiveTask|CallActivity|SubProcess"
          + "|Gateway|BoundaryEvent|IntermediateCatchEvent|IntermediateThrowEvent|Task)_[A-Z][A-Za-z0-9]*");
  private static final Pattern SOP = Pattern.compile("SOP: (sop/[a-z0-9/-]+\\.md)");
  private static final Pattern DELEGATE = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)}");
  private static final Pattern DELEGATE_ATTRIBUTE = Pattern.compile("delegateExpression=\"\\$\\{([^}]*)}\"");

  private static List<Path> bpmnFiles;
  private static Map<String, Path> formsById;
  private static Set<String> beanNames;

  @BeforeAll
  static void scan() throws IOException, ClassNotFoundException {
    bpmnFiles = files(PROCESSES, ".bpmn");
    assertThat(bpmnFiles).isNotEmpty();
    formsById = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Path form : files(FORMS, ".form")) {
      JsonNode schema = json.readTree(form.toFile());
      assertThat(formsById.put(schema.get("id").asText(), form)).as("duplicate form id in " + form).isNull();
    }
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    beanNames = new java.util.HashSet<>();
    for (BeanDefinition bd : scanner.findCandidateComponents("io.aftersales")) {
      beanNames.add(names.generateBeanName(bd, registry));
      // A configuration's @Bean methods are beans too, named after the method (the procedures' delegates).
      for (java.lang.reflect.Method method : Class.forName(bd.getBeanClassName()).getDeclaredMethods()) {
        if (method.isAnnotationPresent(Bean.class)) beanNames.add(method.getName());
      }
    }
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  /** UserTask_ReviewCase -> review-case */
  private static String kebab(String id) {
    return id.substring(id.indexOf('_') + 1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  @Test
  void everyProcessIsKeyedByItsFileAndKeepsHistoryForAudits() {
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);
      var processes = model.getModelElementsByType(Process.class);
      assertThat(processes).as(file.toString()).hasSize(1);
      Process process = processes.iterator().next();
      assertThat(process.getId()).as("process key of " + file).isEqualTo(baseName(file));
      assertThat(process.isExecutable()).as(file.toString()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of " + file)
          .isEqualTo(HISTORY_RETENTION);
    }
  }

  /** README, decision "History retention": one retention for every model, so an audit trail is never cut short. */
  static final String HISTORY_RETENTION = "P3650D";

  @Test
  void elementIdsSayWhatTheElementIs() {
    List<String> wrong = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
          .filter(id -> !ID.matcher(id).matches()).forEach(id -> wrong.add(file + ": " + id));
      model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
          .filter(id -> !id.matches("Flow_[A-Z][A-Za-z0-9]*")).forEach(id -> wrong.add(file + ": " + id));
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyServiceTaskCallsTheBeanNamedAfterIt() {
    List<String> wrong = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        String expected = "${" + Character.toLowerCase(task.getId().charAt("ServiceTask_".length()))
            + task.getId().substring("ServiceTask_".length() + 1) + "Delegate}";
        if (!expected.equals(task.getCamundaDelegateExpression())) {
          wrong.add(
              file + ": " + task.getId() + " calls " + task.getCamundaDelegateExpression() + ", expected " + expected);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyAsynchronousStepHasItsRetryCycle() {
    List<String> wrong = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Activity activity : model.getModelElementsByType(Activity.class)) {
        boolean async = activity.isCamundaAsyncBefore() || activity.isCamundaAsyncAfter();
        // No extension elements at all is "no retry cycle" too (the engine would then retry 3 times at once).
        boolean hasCycle = activity.getExtensionElements() != null && activity.getExtensionElements().getElementsQuery()
            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class).count() > 0;
        if (async && !hasCycle) wrong.add(file + ": " + activity.getId() + " is async without a retry cycle");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyExpressionBeanExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : bpmnFiles) {
      Matcher m = DELEGATE.matcher(Files.readString(file));
      while (m.find()) {
        String name = m.group(1);
        boolean isVariableExpression = !name.endsWith("Delegate") && !name.endsWith("Listener");
        if (!isVariableExpression && !beanNames.contains(name)) missing.add(file + ": " + name);
      }
      // Whatever its suffix: a delegate expression must name a bean (a typo is not "a variable").
      Matcher delegate = DELEGATE_ATTRIBUTE.matcher(Files.readString(file));
      while (delegate.find()) {
        if (!beanNames.contains(delegate.group(1))) missing.add(file + ": delegateExpression " + delegate.group(1));
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyUserTaskHasItsRoleFormAndSop() {
    List<String> wrong = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String where = file + ": " + task.getId();
        String groups = task.getCamundaCandidateGroups();
        if (groups == null || groups.isBlank()) {
          wrong.add(where + " has no candidate groups");
        } else {
          for (String group : groups.split(",")) {
            if (!Groups.ALL.contains(group.trim())) wrong.add(where + " names unknown group " + group);
          }
        }
        String formRef = task.getCamundaFormRef();
        if (!kebab(task.getId()).equals(formRef))
          wrong.add(where + " formRef " + formRef + " != " + kebab(task.getId()));
        else if (!formsById.containsKey(formRef)) wrong.add(where + " form " + formRef + " not found under forms/");
        String doc = task.getDocumentations().stream().map(d -> d.getTextContent()).collect(Collectors.joining(" "));
        Matcher sop = SOP.matcher(doc);
        if (!sop.find()) wrong.add(where + " documentation names no SOP file");
        else if (!Files.exists(Path.of(sop.group(1)))) wrong.add(where + " SOP " + sop.group(1) + " does not exist");
        for (CamundaTaskListener listener : task.getExtensionElements() == null
            ? List.<CamundaTaskListener>of()
            : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()) {
          if (listener.getCamundaClass() != null) wrong.add(where + " uses camunda:class; use a bean");
        }
      }
      for (Activity activity : model.getModelElementsByType(Activity.class)) {
        if (activity instanceof ServiceTask st && st.getCamundaClass() != null) {
          wrong.add(file + ": " + activity.getId() + " uses camunda:class; use a delegate bean");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** UserTask_BookShipment -> forms/handoff/book-shipment.form -> sop/handoff/book-shipment.md: one name, three files. */
  @Test
  void everyUserTasksSopIsNamedAfterItsFormInTheFormsFolder() {
    List<String> wrong = new ArrayList<>();
    for (Path file : bpmnFiles) {
      for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
        Path form = formsById.get(task.getCamundaFormRef());
        Matcher sop = SOP.matcher(task.getDocumentations().stream().map(d -> d.getTextContent())
            .collect(Collectors.joining(" ")));
        if (form == null || !sop.find()) continue; // reported by everyUserTaskHasItsRoleFormAndSop
        String expected = "sop/" + FORMS.relativize(form.getParent()) + "/" + task.getCamundaFormRef() + ".md";
        if (!sop.group(1).equals(expected))
          wrong.add(file + ": " + task.getId() + " names " + sop.group(1) + ", not " + expected);
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Every text a person types has a limit the engine can store (a String variable holds 4,000 characters): the form
   * says it, so Tasklist stops the typing and {@code TaskCompletionRules} refuses the rest over REST.
   */
  @Test
  void everyTextFieldOfAFormHasALengthLimitTheEngineCanStore() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Path> entry : formsById.entrySet()) {
      for (JsonNode component : json.readTree(entry.getValue().toFile()).get("components")) {
        String type = component.path("type").asText();
        if (!type.equals("textfield") && !type.equals("textarea")) continue;
        if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) continue;
        int max = component.path("validate").path("maxLength").asInt(-1);
        if (max < 1 || max > 4000) {
          wrong.add(
              entry.getValue() + ": " + component.path("key").asText() + " maxLength " + (max < 0 ? "missing" : max));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * A code a person chooses in one form (a select or radio with labelled values) reads in words on every form that
   * shows it: a (read-only) select with the same codes, never a text field showing ECOMMERCE or REFUND.
   */
  @Test
  void aCodeReadsInWordsOnEveryFormThatShowsIt() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> codes = new java.util.TreeMap<>();
    Map<String, List<JsonNode>> fields = new java.util.TreeMap<>();
    for (Path form : formsById.values()) {
      for (JsonNode component : json.readTree(form.toFile()).get("components")) {
        String key = component.path("key").asText(null);
        if (key == null) continue;
        ((com.fasterxml.jackson.databind.node.ObjectNode) component).put("form", form.toString());
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(component);
        if (component.has("values")) {
          Set<String> values = new java.util.TreeSet<>();
          component.get("values").forEach(v -> values.add(v.path("value").asText()));
          codes.merge(key, values, (a, b) -> {
            a.addAll(b);
            return a;
          });
        }
      }
    }
    List<String> wrong = new ArrayList<>();
    codes.forEach((key, values) -> {
      for (JsonNode field : fields.get(key)) {
        String where = field.path("form").asText() + ": " + key;
        if (!field.has("values")) {
          wrong.add(where + " shows a code as text; make it a select with the labels of " + values);
          continue;
        }
        Set<String> own = new java.util.TreeSet<>();
        field.get("values").forEach(v -> {
          own.add(v.path("value").asText());
          if (v.path("label").asText().equals(v.path("value").asText()) && v.path("value").asText().matches("[A-Z_]+"))
            wrong.add(where + " labels " + v.path("value").asText() + " with the code itself");
        });
        if (!own.containsAll(values) && field.path("readonly").asBoolean(false)) {
          wrong.add(where + " cannot show " + values + " (has " + own + ")");
        }
      }
    });
    assertThat(wrong).isEmpty();
  }

  /** Every stage a model marks is one the status page can tell the customer ({@code CaseStage}). */
  @Test
  void everyCustomerStageInTheModelsIsKnown() throws IOException {
    java.util.regex.Pattern stage = java.util.regex.Pattern.compile(
        "<camunda:property name=\"customerStage\" value=\"([^\"]*)\"");
    Set<String> known = java.util.Arrays.stream(io.aftersales.cases.CaseStage.values()).map(Enum::name)
        .collect(java.util.stream.Collectors.toSet());
    int marked = 0;
    try (var models = Files.walk(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        var m = stage.matcher(Files.readString(model));
        while (m.find()) {
          marked++;
          assertThat(known).as(model + ": " + m.group(1)).contains(m.group(1));
        }
      }
    }
    assertThat(marked).isGreaterThan(20);
  }

  /** The steps where a person decides something about the customer's request. */
  private static final Set<String> DECIDING_FORMS = Set.of("review-case", "resolve-case", "decide-return",
      "inspect-returned-item", "inspect-bulk-return", "record-decision-in-seller-central", "check-documents",
      "assess-defect", "identify-part", "decide-goodwill");

  /** Whoever decides reads what the customer wrote, in their own words, on the form itself. */
  @Test
  void everyDecidingStepShowsTheCustomersOwnWords() throws IOException {
    ObjectMapper json = new ObjectMapper();
    assertThat(formsById.keySet()).containsAll(DECIDING_FORMS);
    for (String id : DECIDING_FORMS) {
      List<JsonNode> words = new ArrayList<>();
      json.readTree(formsById.get(id).toFile()).get("components").forEach(c -> {
        if (c.path("key").asText().equals("customerMessage")) words.add(c);
      });
      assertThat(words).as(id).singleElement().satisfies(field -> {
        assertThat(field.path("type").asText()).isEqualTo("textarea");
        assertThat(field.path("readonly").asBoolean()).isTrue();
      });
    }
  }

  @Test
  void formsAreValidCamundaFormsForTasklist() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Path> entry : formsById.entrySet()) {
      JsonNode schema = json.readTree(entry.getValue().toFile());
      if (!entry.getKey().equals(baseName(entry.getValue()))) wrong.add(entry.getValue() + ": id != file name");
      if (!"Camunda Platform".equals(schema.path("executionPlatform").asText())) {
        wrong.add(entry.getValue() + ": executionPlatform must be Camunda Platform");
      }
      for (JsonNode component : schema.get("components")) {
        JsonNode key = component.get("key");
        if (key != null && !key.asText().matches("[a-z][A-Za-z0-9]*")) {
          wrong.add(entry.getValue() + ": field key " + key.asText() + " is not a camelCase variable name");
        }
      }
      // Every form is used by some user task.
      boolean used = bpmnFiles.stream().anyMatch(f -> {
        try {
          return Files.readString(f).contains("camunda:formRef=\"" + entry.getKey() + "\"");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      if (!used) wrong.add(entry.getValue() + " is not referenced by any user task");
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyDecisionAndCalledProcessReferencedExists() throws IOException {
    Set<String> decisionIds = new java.util.HashSet<>();
    for (Path file : files(PROCESSES, ".dmn")) {
      Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)
          .forEach(d -> decisionIds.add(d.getId()));
    }
    Set<String> processKeys = bpmnFiles.stream().map(ModelConventionsTest::baseName).collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (var task : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BusinessRuleTask.class)) {
        if (!decisionIds.contains(task.getCamundaDecisionRef())) {
          missing.add(file + ": " + task.getId() + " calls unknown decision " + task.getCamundaDecisionRef());
        }
      }
      for (var call : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)) {
        if (!processKeys.contains(call.getCalledElement())) {
          missing.add(file + ": " + call.getId() + " calls unknown process " + call.getCalledElement());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void decisionsAreKeyedByTheirFileAndKeepHistory() throws IOException {
    for (Path file : files(PROCESSES, ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      var decisions = model.getModelElementsByType(Decision.class);
      assertThat(decisions.stream().map(Decision::getId)).as(file.toString()).contains(baseName(file));
      decisions.forEach(d -> assertThat(d.getCamundaHistoryTimeToLiveString()).as(file + " " + d.getId())
          .isEqualTo(HISTORY_RETENTION));
    }
  }

  @Test
  void theReadmeCataloguesEveryProcess() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (Path file : bpmnFiles) {
      assertThat(readme).as("README process catalogue").contains("`" + baseName(file) + "`")
          .contains(file.toString().replace('\\', '/'));
    }
    for (Path form : formsById.values()) {
      assertThat(readme).as("README process catalogue").contains(baseName(form));
    }
  }
}
