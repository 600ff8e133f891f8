package io.aftersales.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * FEEL for our decision tables at a fraction of the cost. Camunda's FEEL engine parses each cell and builds
 * its whole library of built-in functions on every evaluation; a decision table evaluates dozens of cells,
 * and the triage decision runs in the transaction that opens every case (about a third of its CPU).
 *
 * <p>The cells process owners write in Camunda Modeler are almost always the simplest FEEL: a string, a
 * number, {@code true}/{@code false}, {@code null}, a comparison ({@code <= 30}), an interval
 * ({@code [1..5]}), a list of those, a variable name as an input expression, a literal as an output. Those
 * are evaluated here, directly; anything else (functions, {@code not(...)}, dates, paths, arithmetic, escapes,
 * a value of an unexpected type) goes to Camunda's own FEEL engine unchanged. {@code FastFeelTest} checks
 * every cell of every model in {@code processes/} against Camunda's engine on a range of inputs.
 */
@Component
class FastFeel extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(() -> new Engine(new ScalaFeelEngineFactory().createInstance()));
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** The fast path in front of Camunda's FEEL engine. */
  static final class Engine implements FeelEngine {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern INTERVAL =
        Pattern.compile("([\\[(\\]])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\])\\[])");
    /** Marks "not handled here": the cell goes to Camunda's engine. */
    private static final Object UNKNOWN = new Object();

    private final FeelEngine camunda;

    Engine(FeelEngine camunda) {
      this.camunda = camunda;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
      String text = expression.strip();
      if (NAME.matcher(text).matches() && !isKeyword(text) && context.containsVariable(text)) {
        TypedValue value = context.resolve(text);
        Object plain = value == null ? null : value.getValue();
        if (plain == null || plain instanceof String || plain instanceof Boolean) return (T) plain;
      }
      Object literal = literal(text);
      if (literal != UNKNOWN) return (T) literal;
      return camunda.evaluateSimpleExpression(expression, context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
      TypedValue typed = context.resolve(inputVariable);
      Object input = typed == null ? null : typed.getValue();
      Boolean fast = unaryTests(expression.strip(), input);
      return fast != null ? fast : camunda.evaluateSimpleUnaryTests(expression, inputVariable, context);
    }

    /** The result of a list of simple unary tests on {@code input}, or null if not simple (Camunda decides). */
    static Boolean unaryTests(String text, Object input) {
      if (text.equals("-")) return true; // (an empty cell never reaches FEEL: the DMN engine treats it as a match)
      if (text.isEmpty()) return null;
      List<String> tests = split(text);
      if (tests == null) return null;
      boolean any = false;
      for (String test : tests) {
        Boolean one = unaryTest(test.strip(), input);
        if (one == null) return null;
        any |= one;
      }
      return any;
    }

    private static Boolean unaryTest(String test, Object input) {
      if (test.equals("null")) return input == null;
      Object literal = literal(test);
      if (literal != UNKNOWN && literal != null) {
        if (input == null) return false;
        if (literal instanceof String s) return input instanceof String in ? s.equals(in) : null;
        if (literal instanceof Boolean b) return input instanceof Boolean in ? b.equals(in) : null;
        BigDecimal number = decimal(input);
        return number == null ? null : number.compareTo(new BigDecimal(test)) == 0;
      }
      Matcher comparison = COMPARISON.matcher(test);
      if (comparison.matches()) {
        if (input == null) return false;
        BigDecimal number = decimal(input);
        if (number == null) return null;
        int c = number.compareTo(new BigDecimal(comparison.group(2)));
        return switch (comparison.group(1)) {
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c >= 0;
        };
      }
      Matcher interval = INTERVAL.matcher(test);
      if (interval.matches()) {
        if (input == null) return false;
        BigDecimal number = decimal(input);
        if (number == null) return null;
        int low = number.compareTo(new BigDecimal(interval.group(2)));
        int high = number.compareTo(new BigDecimal(interval.group(3)));
        boolean lowOk = interval.group(1).equals("[") ? low >= 0 : low > 0;
        boolean highOk = interval.group(4).equals("]") ? high <= 0 : high < 0;
        return lowOk && highOk;
      }
      return null;
    }

    /** A string (without escapes), number or boolean literal, null, or UNKNOWN. */
    private static Object literal(String text) {
      if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
        String inner = text.substring(1, text.length() - 1);
        return inner.indexOf('"') < 0 && inner.indexOf('\\') < 0 ? inner : UNKNOWN;
      }
      if (text.equals("true")) return Boolean.TRUE;
      if (text.equals("false")) return Boolean.FALSE;
      if (text.equals("null")) return null;
      if (NUMBER.matcher(text).matches()) {
        // As Camunda's engine returns them: whole numbers as Long, others as Double.
        return text.contains(".") ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text);
      }
      return UNKNOWN;
    }

    private static boolean isKeyword(String name) {
      return switch (name) {
        case "true", "false", "null", "not", "and", "or", "in", "between", "if", "then", "else", "for", "some",
            "every", "satisfies", "instance", "of", "function", "return" ->
          true;
        default -> false;
      };
    }

    private static BigDecimal decimal(Object value) {
      if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
        return BigDecimal.valueOf(((Number) value).longValue());
      }
      if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) return BigDecimal.valueOf(d);
      if (value instanceof Float f && !f.isNaN() && !f.isInfinite()) return BigDecimal.valueOf(f.doubleValue());
      if (value instanceof BigDecimal b) return b;
      return null;
    }

    /** Splits a list of tests at top-level commas; null if quotes or brackets do not balance simply. */
    private static List<String> split(String text) {
      List<String> parts = new ArrayList<>();
      boolean quoted = false;
      int depth = 0;
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch == '\\') return null;
        if (ch == '"') quoted = !quoted;
        else if (!quoted && (ch == '(' || ch == '[')) depth++;
        else if (!quoted && (ch == ')' || ch == ']')) depth--;
        else if (!quoted && depth == 0 && ch == ',') {
          parts.add(text.substring(start, i));
          start = i + 1;
        }
      }
      if (quoted) return null;
      parts.add(text.substring(start));
      return parts;
    }
  }
}
