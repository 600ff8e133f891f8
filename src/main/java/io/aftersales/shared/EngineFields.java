package io.aftersales.shared;

import java.lang.reflect.Field;

/**
 * Reads a field of a Camunda engine command that the engine offers no getter for (the guards of security
 * and forms look into commands before they run). Resolved once at start-up: should an engine upgrade
 * rename the field, the application does not start, instead of running unguarded.
 */
public final class EngineFields {
  private EngineFields() {}

  public static Field of(Class<?> type, String name, String guard) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda changed " + type.getName() + "." + name + ": revisit " + guard, e);
    }
  }

  public static Object read(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
