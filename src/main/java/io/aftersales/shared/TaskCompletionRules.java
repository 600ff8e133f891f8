package io.aftersales.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The rules of completing a task, whoever completes it (Tasklist's submit, the REST API's complete, Java):
 * <ol>
 *   <li>A claimed task is completed only by its assignee (or an administrator): a colleague cannot finish
 *       someone else's work, nor a team lead a refund in finance's name. Refused as Camunda's
 *       {@link AuthorizationException} (REST 403).
 *   <li>A rule of the task's own listener or service ({@link TaskInputRefused}) is a 400 with the rule's
 *       message, not an engine error (500).
 *   <li>Without what its Camunda Form requires, a task cannot be completed: one check for every task with a
 *       {@code camunda:formRef}, derived from the deployed form, so the form stays the one place a process
 *       owner declares what is required.
 * </ol>
 *
 *
 * <p>Checked per field with a key, on the submitted values over the task's current variables:
 * {@code validate.required} (not null, not blank), {@code minLength} and {@code maxLength} of text.
 * Read-only and disabled fields and fields with a {@code conditional} (shown only sometimes; their rules
 * stay with the form and the task's own listener) are not checked. A refusal is Camunda's own
 * {@link FormFieldValidationException} (engine REST: 400 naming the fields); the task stays open.
 */
@Component
class TaskCompletionRules extends AbstractProcessEnginePlugin {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOT_INPUT = Set.of("text", "button", "spacer", "separator", "image", "html",
      "group", "dynamiclist", "iframe", "table", "documentPreview");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // After the command context exists (post interceptor): the check reads the task and its form.
    EngineInterceptors.appendPost(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        EngineFields.Completion completion = EngineFields.completion(command);
        if (completion == null) return next.execute(command);
        check(completion.taskId(), completion.values());
        try {
          return next.execute(command);
        } catch (RuntimeException e) {
          TaskInputRefused refused = refusal(e);
          if (refused == null) throw e;
          throw new FormFieldValidationException("rule", refused.getMessage());
        }
      }
    });
  }

  /** The rule a listener refused with, however deep the engine wrapped it. */
  private static TaskInputRefused refusal(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof TaskInputRefused refused) return refused;
    }
    return null;
  }

  private void check(String taskId, Map<?, ?> submitted) {
    CommandContext context = Context.getCommandContext();
    TaskEntity task = context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
    onlyTheAssignee(context, task);
    if (task == null || task.getTaskDefinition() == null || task.getTaskDefinition().getFormDefinition() == null
        || task.getTaskDefinition().getFormDefinition().getCamundaFormDefinitionKey() == null) {
      return; // unknown task (the command reports it) or no Camunda Form
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode field : fields(context, taskId)) {
      String key = field.path("key").asText();
      Object value = submitted != null && submitted.containsKey(key) ? submitted.get(key) : task.getVariable(key);
      if (value instanceof org.camunda.bpm.engine.variable.value.TypedValue typed) value = typed.getValue();
      String label = field.path("label").asText(key);
      JsonNode validate = field.path("validate");
      boolean empty = value == null || value instanceof String text && text.isBlank();
      if (validate.path("required").asBoolean(false) && empty) {
        problems.add(key + ": \"" + label + "\" is required");
      } else if (value instanceof String text) {
        if (validate.has("minLength") && text.strip().length() < validate.get("minLength").asInt()) {
          problems.add(key + ": \"" + label + "\" needs at least " + validate.get("minLength").asInt() + " characters");
        }
        if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
          problems.add(key + ": \"" + label + "\" allows at most " + validate.get("maxLength").asInt() + " characters");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(String.join("; ", problems),
          "Task \"" + task.getName() + "\" cannot be completed: " + String.join("; ", problems));
    }
  }

  private static void onlyTheAssignee(CommandContext context, TaskEntity task) {
    String user = context.getAuthenticatedUserId();
    if (task == null || task.getAssignee() == null || user == null || user.equals(task.getAssignee())) return;
    List<String> groups = context.getAuthenticatedGroupIds();
    if (groups != null && groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)) return;
    throw new AuthorizationException("Task \"" + task.getName() + "\" is claimed by " + task.getAssignee()
        + ": only they can complete it (or a team lead reassigns it first).");
  }

  /** The input fields of the task's deployed form (a few kilobytes of JSON, read when a task completes). */
  private static List<JsonNode> fields(CommandContext context, String taskId) {
    try (InputStream in = context.runWithoutAuthorization(new GetDeployedTaskFormCmd(taskId))) {
      List<JsonNode> inputs = new ArrayList<>();
      collect(JSON.readTree(in).path("components"), inputs);
      return inputs;
    } catch (IOException e) {
      throw new IllegalStateException("The form of task " + taskId + " cannot be read", e);
    }
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      if (component.has("components")) collect(component.get("components"), into);
      if (!component.hasNonNull("key") || NOT_INPUT.contains(component.path("type").asText())) continue;
      if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) continue;
      if (component.has("conditional")) continue;
      into.add(component);
    }
  }
}
