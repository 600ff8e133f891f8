package io.aftersales.shared;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once with its name and type, so delegates, tests and forms agree on
 * the spelling (a form field key is the variable name).
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  /** The value, or an {@link IllegalStateException} naming the variable if it is missing. */
  public T from(VariableScope scope) {
    T value = fromOrNull(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' is not set");
    }
    return value;
  }

  public T fromOrNull(VariableScope scope) {
    Object value = scope.getVariable(name);
    return value == null ? null : convert(value);
  }

  public T fromOrNull(Map<String, Object> variables) {
    Object value = variables.get(name);
    return value == null ? null : convert(value);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  @SuppressWarnings("unchecked")
  private T convert(Object value) {
    // Forms submit numbers as Long/Integer/Double depending on the client: normalise numerics.
    if (type == Long.class && value instanceof Number n) return (T) Long.valueOf(n.longValue());
    if (type == Integer.class && value instanceof Number n) return (T) Integer.valueOf(n.intValue());
    if (type == Double.class && value instanceof Number n) return (T) Double.valueOf(n.doubleValue());
    return type.cast(value);
  }
}
