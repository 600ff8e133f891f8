package io.aftersales.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a deployed model may make the server do. A model is code (the engine evaluates its expressions with the
 * application's objects in reach), so a deployment — from Camunda Modeler or at start-up — may only use:
 *
 * <ul>
 *   <li>the project's delegate and listener beans, each as a whole {@code camunda:delegateExpression}
 *       ({@code ${issueRefundDelegate}});
 *   <li>in any other expression: process variables, literals and operators; the documented helper beans;
 *       the variable members of {@code execution} and {@code task} ({@link #ENGINE_OBJECT_MEMBERS}); harmless
 *       value methods ({@link #VALUE_METHODS}: {@code trim()}, {@code getSingleResult()}, ...); and the functions
 *       {@code now()}, {@code dateTime()}, {@code currentUser()}, {@code currentUserGroups()};
 *   <li>in decisions, FEEL only, without external (Java) functions;
 *   <li>resources: BPMN, DMN, Camunda Forms and PNG diagram images.
 * </ul>
 *
 * Refused: scripts of any language, {@code camunda:class}, connectors, CMMN, any other bean or object, and any
 * other method. Each violation names its resource, line, column and element.
 */
final class DeploymentCheck {

  /** Members of {@code execution}, {@code task} and {@code externalTask} a model may use: ids and variables. */
  static final Set<String> ENGINE_OBJECT_MEMBERS = Set.of("id", "processBusinessKey", "getProcessBusinessKey",
      "businessKey", "getBusinessKey", "processInstanceId", "getProcessInstanceId", "currentActivityId",
      "getCurrentActivityId", "activityInstanceId", "eventName", "getEventName", "name", "getName", "assignee",
      "getAssignee", "taskDefinitionKey", "getTaskDefinitionKey", "getVariable", "getVariableLocal", "setVariable",
      "setVariableLocal", "hasVariable", "hasVariableLocal", "removeVariableLocal", "getVariableTyped");

  /** The objects the engine itself puts in an expression's reach. */
  static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution");

  /** Methods a model may call on a value (a variable, a decision result, a text, a list, a date). */
  static final Set<String> VALUE_METHODS = Set.of("trim", "strip", "isEmpty", "isBlank", "length", "size",
      "contains", "containsKey", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "toLowerCase", "toUpperCase",
      "get", "getSingleResult", "getSingleEntry", "getResultList", "getFirstResult", "getEntry", "collectEntries",
      "toDate", "plusYears", "plusMonths", "plusWeeks", "plusDays", "plusHours", "plusMinutes", "plusSeconds",
      "minusYears", "minusMonths", "minusWeeks", "minusDays", "minusHours", "minusMinutes", "minusSeconds");

  /** Engine functions a model may call (dates and the logged-in user). */
  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  /** Properties that lead from any object to the class loader or the engine. */
  private static final Set<String> DENIED_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
      "processEngine", "processEngineServices", "processEngineConfiguration", "runtime");

  /** Parses as the engine does (method calls and varargs on). */
  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
  private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");
  private static final Set<String> FEEL_LANGUAGES = Set.of("feel", "feel-scala", "feel-juel",
      "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20191111/feel/",
      "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final Set<String> delegateBeans;
  private final Set<String> helperBeans;
  private final Predicate<String> isBean;

  /**
   * @param delegateBeans names of the project's delegate and listener beans
   * @param helperBeans names of the beans documented for use inside expressions
   * @param isBean whether a name is any bean of the application (those a model may not name)
   */
  DeploymentCheck(Set<String> delegateBeans, Set<String> helperBeans, Predicate<String> isBean) {
    this.delegateBeans = Set.copyOf(delegateBeans);
    this.helperBeans = Set.copyOf(helperBeans);
    this.isBean = isBean;
  }

  /** A reason the check refuses a resource, where it is (line 0 when the resource as a whole is refused). */
  record Violation(String resource, String message, int line, int column, String mainElementId) implements Problem {
    @Override
    public String getMessage() { return message; }

    @Override
    public int getLine() { return line; }

    @Override
    public int getColumn() { return column; }

    @Override
    public String getMainElementId() { return mainElementId; }

    @Override
    public List<String> getElementIds() { return mainElementId == null ? List.of() : List.of(mainElementId); }

    @Override
    public String toString() {
      return resource + (line > 0 ? " line " + line : "") + (mainElementId != null ? " (" + mainElementId + ")" : "")
          + ": " + message;
    }
  }

  /** The violations of one resource of a deployment; empty when it may be deployed. */
  List<Violation> check(String resourceName, byte[] bytes) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) return checkXml(resourceName, bytes, false);
    if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) return checkXml(resourceName, bytes, true);
    if (name.endsWith(".form") || name.endsWith(".png")) return List.of();
    return List.of(new Violation(resourceName, "This kind of resource is not deployed here: only BPMN and DMN models, "
        + "Camunda Forms (.form) and PNG diagram images (scripts, HTML forms, SVG and CMMN can run code)", 0, 0, null));
  }

  private List<Violation> checkXml(String resource, byte[] bytes, boolean decision) {
    List<Violation> violations = new ArrayList<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    Deque<String> ids = new ArrayDeque<>();
    try {
      XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
      StringBuilder text = new StringBuilder();
      int textLine = 0;
      int textColumn = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String id = xml.getAttributeValue(null, "id");
          ids.push(id != null ? id : ids.isEmpty() || ids.peek() == null ? "" : ids.peek());
          String element = xml.getLocalName();
          Place place = new Place(resource, xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber(),
              ids.peek().isEmpty() ? null : ids.peek());
          boolean camundaElement = CAMUNDA_NS.equals(xml.getNamespaceURI());
          element(place, element, camundaElement, violations);
          for (int i = 0; i < xml.getAttributeCount(); i++) {
            // camunda:class on a task; class="..." unprefixed on camunda:executionListener
            String namespace = xml.getAttributeNamespace(i);
            boolean camunda =
                CAMUNDA_NS.equals(namespace) || camundaElement && (namespace == null || namespace.isEmpty());
            attribute(place, xml.getAttributeLocalName(i), camunda, xml.getAttributeValue(i), decision, violations);
          }
          text.setLength(0);
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          if (text.isEmpty()) {
            textLine = xml.getLocation().getLineNumber();
            textColumn = xml.getLocation().getColumnNumber();
          }
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          Place place = new Place(resource, textLine, textColumn, ids.peek().isEmpty() ? null : ids.peek());
          if (decision && FEEL_EXTERNAL.matcher(text).find()) {
            place.refuse("a FEEL external function calls Java code", violations);
          } else {
            expression(place, text.toString(), violations);
          }
          text.setLength(0);
          ids.pop();
        }
      }
    } catch (XMLStreamException e) {
      violations.add(new Violation(resource, "not readable as XML: " + e.getMessage(), 0, 0, null));
    }
    return violations;
  }

  private record Place(String resource, int line, int column, String elementId) {
    void refuse(String message, List<Violation> violations) {
      violations.add(new Violation(resource, message, line, column, elementId));
    }
  }

  private static void element(Place place, String element, boolean camunda, List<Violation> violations) {
    if (element.equals("scriptTask") || camunda && element.equals("script")) {
      place.refuse("scripts are not allowed (" + element + "); call a delegate bean instead", violations);
    } else if (camunda && element.equals("connector")) {
      place.refuse("connectors are not allowed; call a delegate bean instead", violations);
    }
  }

  private void attribute(Place place, String name, boolean camunda, String value, boolean decision,
      List<Violation> violations) {
    if (decision && name.equals("expressionLanguage")
        && !FEEL_LANGUAGES.contains(value.trim().toLowerCase(Locale.ROOT))) {
      place.refuse("expression language \"" + value + "\": decisions are written in FEEL", violations);
    } else if (camunda && name.equals("class")) {
      place.refuse("camunda:class=\"" + value + "\": use camunda:delegateExpression with a delegate bean", violations);
    } else if (camunda && name.equals("delegateExpression")) {
      String bean = value.trim().matches("[$#]\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}")
          ? value.trim().substring(2, value.trim().length() - 1).trim()
          : null;
      if (bean == null || !delegateBeans.contains(bean)) {
        place.refuse("camunda:delegateExpression=\"" + value + "\" must name one of the delegate or listener beans "
            + "of this application, e.g. ${issueRefundDelegate}", violations);
      }
    } else if (camunda && (name.equals("scriptFormat") || name.equals("resource"))) {
      place.refuse("camunda:" + name + "=\"" + value + "\": scripts are not allowed", violations);
    } else if (isExpression(value)) {
      expression(place, value, violations);
    }
  }

  private static boolean isExpression(CharSequence text) {
    String s = text.toString();
    return s.contains("${") || s.contains("#{");
  }

  private void expression(Place place, String text, List<Violation> violations) {
    if (!isExpression(text)) return;
    Node root;
    try {
      root = (Node) PARSER.build(text).getRoot();
    } catch (TreeBuilderException e) {
      place.refuse("not a valid expression: " + text.strip(), violations);
      return;
    }
    List<String> reasons = new ArrayList<>();
    walk(root, reasons);
    for (String reason : reasons) {
      place.refuse(reason + " in " + text.strip(), violations);
    }
  }

  private void walk(Node node, List<String> reasons) {
    if (node instanceof AstMethod || node instanceof AstDot || node instanceof AstBracket) {
      chain(node, reasons);
    } else if (node instanceof AstIdentifier identifier) {
      identifier(identifier.getName(), reasons);
    } else if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) reasons.add("function " + function.getName() + "() is not allowed");
      for (int i = 0; i < function.getCardinality(); i++)
        walk(function.getChild(i), reasons);
    } else {
      for (int i = 0; i < node.getCardinality(); i++)
        walk(node.getChild(i), reasons);
    }
  }

  /** A name used as a value: a variable, a helper bean; never an engine object or another bean on its own. */
  private void identifier(String name, List<String> reasons) {
    if (ENGINE_OBJECTS.contains(name)) {
      reasons.add(name + " may only be used for its ids and variables");
    } else if (delegateBeans.contains(name)) {
      reasons.add("bean " + name + " may only be a whole delegate expression");
    } else if (!helperBeans.contains(name) && isBean.test(name)) {
      reasons.add("bean " + name + " is not one of the helper beans models may use");
    }
  }

  /**
   * {@code base.step.step(...)...}: walks from the outermost step to the base, then judges each step by what it
   * is called on.
   */
  private void chain(Node node, List<String> reasons) {
    Deque<Step> steps = new ArrayDeque<>();
    Node current = node;
    while (true) {
      if (current instanceof AstMethod method) {
        Node property = method.getChild(0);
        AstParameters parameters = (AstParameters) method.getChild(1);
        steps.push(new Step(name(property, reasons), true));
        for (int i = 0; i < parameters.getCardinality(); i++)
          walk(parameters.getChild(i), reasons);
        current = property.getChild(0);
      } else if (current instanceof AstDot || current instanceof AstBracket) {
        steps.push(new Step(name(current, reasons), false));
        current = current.getChild(0);
      } else {
        break;
      }
    }
    boolean engineObject = false;
    boolean helper = false;
    int before = reasons.size();
    if (current instanceof AstIdentifier identifier) {
      String base = identifier.getName();
      engineObject = ENGINE_OBJECTS.contains(base);
      helper = helperBeans.contains(base);
      if (!engineObject && !helper) identifier(base, reasons);
    } else {
      walk(current, reasons);
    }
    if (reasons.size() > before) return; // the base is refused: its members need no second reason
    boolean first = true;
    for (Step step : steps) {
      String reason = null;
      if (step.name() == null) {
        return; // a computed name, refused with its reason
      } else if (first && engineObject) {
        if (!ENGINE_OBJECT_MEMBERS.contains(step.name())) {
          reason = ((AstIdentifier) current).getName() + "." + step.name() + " is not allowed (only ids and "
              + "variables of the engine's objects)";
        }
      } else if (first && helper) {
        // a documented helper bean: all its public methods are there for models
      } else if (step.method() && !VALUE_METHODS.contains(step.name())) {
        reason = "method " + step.name() + "() is not allowed";
      } else if (!step.method() && DENIED_PROPERTIES.contains(step.name())) {
        reason = "property " + step.name() + " is not allowed";
      }
      if (reason != null) {
        reasons.add(reason);
        return; // what follows works on what this step would have returned
      }
      first = false;
    }
  }

  private record Step(String name, boolean method) {}

  /** The member a dot or bracket names; a bracket only with a literal name or index. */
  private static String name(Node property, List<String> reasons) {
    if (property instanceof AstDot dot) {
      // AstDot prints ". name"
      return dot.toString().substring(2);
    }
    Node index = property.getChild(1);
    if (index instanceof AstNumber) return "[]";
    if (index instanceof AstString string) {
      String value = String.valueOf(string.eval(null, null));
      if (PROPERTY.matcher(value).matches()) return value;
    }
    reasons.add("a computed member name [...] is not allowed");
    return null;
  }
}
