package io.aftersales.shared;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once with its name and type, so delegates, tests and forms agree on
 * the spelling (a form field key is the variable name). Money is declared as {@link BigDecimal}: the code sees
 * BigDecimal, the engine stores a Double (what forms, gateways and Cockpit handle, never a serialized object).
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

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value instanceof BigDecimal amount ? (Object) amount.doubleValue() : value);
  }

  @SuppressWarnings("unchecked")
  private T convert(Object value) {
    // Forms submit numbers as Long/Integer/Double depending on the client: normalise numerics.
    if (type == Long.class && value instanceof Number n) return (T) Long.valueOf(n.longValue());
    if (type == Integer.class && value instanceof Number n) return (T) Integer.valueOf(n.intValue());
    if (type == Double.class && value instanceof Number n) return (T) Double.valueOf(n.doubleValue());
    // Exactly as written: 49.9 stays 49.9, not 49.899999...
    if (type == BigDecimal.class && value instanceof Number n) return (T) new BigDecimal(n.toString());
    return type.cast(value);
  }
}
