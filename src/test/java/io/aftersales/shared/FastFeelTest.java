package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast FEEL path gives exactly Camunda's answers: every cell of every decision in {@code processes/}, plus
 * a set of hand-written edge cases, against a range of inputs of every type, compared with Camunda's own FEEL
 * engine. A cell the fast path does not handle must fall through to Camunda's engine.
 */
class FastFeelTest {
  private static final FeelEngine CAMUNDA = new ScalaFeelEngineFactory().createInstance();
  private static final FastFeel.Engine FAST = new FastFeel.Engine(CAMUNDA);
  private static final Pattern TEXT =
      Pattern.compile("<(inputEntry|outputEntry|inputExpression)\\b[^>]*>\\s*<text>(.*?)</text>",
          Pattern.DOTALL);
  private static final List<String> unaryTests = new ArrayList<>();
  private static final List<String> expressions = new ArrayList<>();

  @BeforeAll
  static void cellsOfAllModels() throws IOException {
    Set<String> tests = new LinkedHashSet<>(List.of("\"A\"", "\"A\",\"B\"", "\"a,b\", \"c\"", "null", "true", "false",
        "30", "30.5", "-1", "< 30", "<= 30", "> 30", ">= 30", "<30", "[1..5]", "(1..5)", "]1..5[", "[1..5)",
        "not(\"A\")", "\"A\\\"B\"", "date(\"2026-01-01\")", "\"\"", " \"A\" ", "1, 2, 3", "> 30, null", "-", ""));
    Set<String> exprs = new LinkedHashSet<>(List.of("\"FULL_REFUND\"", "100", "12.5", "true", "null", "salesChannel",
        "daysSinceDelivery", "missing", "\"a\\\"b\"", "1 + 2", "not"));
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        Matcher m = TEXT.matcher(Files.readString(file));
        while (m.find()) {
          String text =
              m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
          (m.group(1).equals("inputEntry") ? tests : exprs).add(text);
        }
      }
    }
    unaryTests.addAll(tests);
    expressions.addAll(exprs);
  }

  private static List<Object> inputs() {
    List<Object> values = new ArrayList<>(Arrays.asList(null, "A", "B", "", "RETURN", "AMAZON", "FBM", "CONSUMER",
        "BUSINESS", "NEW", "DAMAGED", "REFUND", "WARRANTY", "ECOMMERCE", "RETAILER", "30", true, false,
        -1, 0, 1, 5, 6, 12, 24, 29, 30, 31, 100, 30L, 31L, 0L, 29.99, 30.0, 30.5, 5.0, 1.0, new BigDecimal("30.00"),
        new BigDecimal("2.5")));
    for (String test : unaryTests) {
      Matcher literal = Pattern.compile("\"([^\"\\\\]*)\"").matcher(test);
      while (literal.find())
        values.add(literal.group(1));
    }
    return values;
  }

  @Test
  void everyUnaryTestOfEveryModelAgreesWithCamunda() {
    List<String> differences = new ArrayList<>();
    int fastPaths = 0;
    for (String test : unaryTests) {
      for (Object input : inputs()) {
        Boolean fast = FastFeel.Engine.unaryTests(test.strip(), input);
        if (fast == null) continue; // falls through to Camunda's engine: nothing to compare
        fastPaths++;
        Object camunda;
        try {
          camunda = CAMUNDA.evaluateSimpleUnaryTests(test, "cellInput", context("cellInput", input));
        } catch (RuntimeException e) {
          camunda = "error: " + e.getMessage();
        }
        if (!Objects.equals(fast, camunda)) {
          differences.add("'" + test + "' on " + describe(input) + ": fast " + fast + ", Camunda " + camunda);
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(fastPaths).as("the cells of our models take the fast path").isGreaterThan(500);
  }

  @Test
  void everyExpressionAndOutputAgreesWithCamunda() {
    VariableContext context = Variables.createVariables().putValue("salesChannel", "AMAZON")
        .putValue("daysSinceDelivery", 12).putValue("customerType", null).asVariableContext();
    List<String> differences = new ArrayList<>();
    for (String expression : expressions) {
      Object fast = result(() -> FAST.evaluateSimpleExpression(expression, context));
      Object camunda = result(() -> CAMUNDA.evaluateSimpleExpression(expression, context));
      if (!Objects.equals(fast, camunda) || fast != null && camunda != null && fast.getClass() != camunda.getClass()) {
        differences.add("'" + expression + "': fast " + describe(fast) + ", Camunda " + describe(camunda));
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void whatIsNotSimpleIsLeftToCamunda() {
    assertThat(FastFeel.Engine.unaryTests("not(\"A\")", "B")).isNull();
    assertThat(FastFeel.Engine.unaryTests("date(\"2026-01-01\")", "B")).isNull();
    assertThat(FastFeel.Engine.unaryTests("\"A\\\"B\"", "A")).isNull();
    assertThat(FastFeel.Engine.unaryTests("\"A\"", 5)).as("a string test on a number").isNull();
    assertThat(FastFeel.Engine.unaryTests("< 30", "29")).as("a comparison on a string").isNull();
    // and through the engine interface the answer is still Camunda's
    assertThat(FAST.evaluateSimpleUnaryTests("not(\"A\")", "cellInput", context("cellInput", "B"))).isTrue();
    assertThat(FAST.evaluateSimpleUnaryTests("not(\"A\")", "cellInput", context("cellInput", "A"))).isFalse();
  }

  private static VariableContext context(String name, Object value) {
    return Variables.createVariables().putValue(name, value).asVariableContext();
  }

  private static Object result(java.util.function.Supplier<Object> evaluation) {
    try {
      return evaluation.get();
    } catch (RuntimeException e) {
      return "error";
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }
}
