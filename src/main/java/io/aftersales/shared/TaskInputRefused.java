package io.aftersales.shared;

/**
 * A task's input breaks a rule its form cannot express (a refusal without a reason, a spare part that is
 * not one): thrown by a complete listener or the service it calls. {@link TaskCompletionRules} turns it into
 * Camunda's form validation error, so Tasklist shows the message, the REST API answers 400 and the task stays
 * open: the one way to refuse bad task input.
 */
public class TaskInputRefused extends RuntimeException {
  public TaskInputRefused(String message) {
    super(message);
  }
}
