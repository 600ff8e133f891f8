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

  private static final String COMPLETION = "the readers of task completions";
  private static final Field COMPLETE_TASK_ID =
      of(org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd.class, "taskId", COMPLETION);
  private static final Field COMPLETE_VARIABLES =
      of(org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd.class, "variables", COMPLETION);
  private static final Field SUBMIT_TASK_ID =
      of(org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd.class, "taskId", COMPLETION);
  private static final Field SUBMIT_VARIABLES =
      of(org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd.class, "properties", COMPLETION);

  /** A command that completes a task (REST complete, Tasklist's form submit): its task and submitted values. */
  public record Completion(String taskId, java.util.Map<?, ?> values) {}

  /** The completion a command is, or null for any other command. */
  public static Completion completion(Object command) {
    if (command instanceof org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd) {
      return new Completion((String) read(COMPLETE_TASK_ID, command),
          (java.util.Map<?, ?>) read(COMPLETE_VARIABLES, command));
    }
    if (command instanceof org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd) {
      return new Completion((String) read(SUBMIT_TASK_ID, command),
          (java.util.Map<?, ?>) read(SUBMIT_VARIABLES, command));
    }
    return null;
  }
}
