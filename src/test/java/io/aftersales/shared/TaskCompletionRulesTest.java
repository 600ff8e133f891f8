package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.FixedValue;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The completion rules as the engine runs them: the interceptor with a stubbed command context, a task and its
 * deployed form (no engine needed).
 */
class TaskCompletionRulesTest {
  private static final String FORM =
      """
          {"components": [
            {"key": "firstAnswer", "label": "First answer", "type": "textarea",
             "validate": {"required": true, "minLength": 10, "maxLength": 20}},
            {"key": "reason", "type": "textfield", "validate": {"required": true}},
            {"key": "comment", "label": "Comment", "type": "textfield", "validate": {"minLength": 3, "maxLength": 5}},
            {"key": "info", "type": "text", "validate": {"required": true}},
            {"key": "grp", "type": "group", "validate": {"required": true}, "components": [
              {"key": "nested", "label": "Nested", "type": "textfield", "validate": {"required": true}}]},
            {"type": "group", "components": [
              {"key": "deeper", "label": "Deeper", "type": "number", "validate": {"required": true}}]},
            {"key": "ro", "type": "textfield", "readonly": true, "validate": {"required": true}},
            {"key": "off", "type": "textfield", "disabled": true, "validate": {"required": true}},
            {"key": "maybe", "type": "textfield", "conditional": {"hide": "=true"}, "validate": {"required": true}},
            {"key": "notReadonly", "type": "textfield", "readonly": false, "disabled": false, "validate": {"required": true}},
            {"key": null, "type": "textfield", "validate": {"required": true}},
            {"label": "no key", "type": "textfield", "validate": {"required": true}}
          ]}""";

  private static final VariableMap DONE = Variables.createVariables().putValue("completed", true);

  private final CommandContext context = mock(CommandContext.class);
  private final TaskManager taskManager = mock(TaskManager.class);
  private final TaskEntity task = mock(TaskEntity.class);
  private final CommandExecutor next = mock(CommandExecutor.class);
  private CommandInterceptor interceptor;
  private String form = FORM;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void engine() throws Exception {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    new TaskCompletionRules().preInit(configuration);
    interceptor = configuration.getCustomPostCommandInterceptorsTxRequired().get(0);
    interceptor.setNext(next);
    doReturn(DONE).when(next).execute(any());

    when(context.getTaskManager()).thenReturn(taskManager);
    when(context.runWithoutAuthorization(any(Callable.class)))
        .thenAnswer(call -> ((Callable<?>) call.getArgument(0)).call());
    when(context.runWithoutAuthorization(any(Command.class)))
        .thenAnswer(call -> new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)));
    when(taskManager.findTaskById("t1")).thenReturn(task);

    TaskDefinition definition = new TaskDefinition(null);
    FormDefinition formDefinition = new FormDefinition();
    formDefinition.setCamundaFormDefinitionKey(new FixedValue("review-case"));
    definition.setFormDefinition(formDefinition);
    when(task.getTaskDefinition()).thenReturn(definition);
    when(task.getName()).thenReturn("Review case");
    Context.setCommandContext(context);
  }

  @AfterEach
  void leave() {
    Context.removeCommandContext();
  }

  private static Map<String, Object> valid() {
    Map<String, Object> values = new HashMap<>();
    values.put("firstAnswer", "We will help");
    values.put("reason", "broken");
    values.put("nested", "x");
    values.put("deeper", 3L);
    values.put("notReadonly", "y");
    return values;
  }

  private Object complete(Map<String, Object> values) {
    return interceptor.execute(new CompleteTaskCmd("t1", values));
  }

  private FormFieldValidationException refused(Map<String, Object> values) {
    org.mockito.Mockito.clearInvocations(next);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> complete(values));
    assertThat(thrown).isInstanceOf(FormFieldValidationException.class);
    verify(next, never()).execute(any());
    return (FormFieldValidationException) thrown;
  }

  // --- the form's rules ---

  @Test
  void aTaskWithEverythingItsFormRequiresIsCompleted() {
    assertThat(complete(valid())).isSameAs(DONE);
    verify(next).execute(any(CompleteTaskCmd.class));
    verify(context).runWithoutAuthorization(argThat((Command<?> command) -> command instanceof GetDeployedTaskFormCmd));
  }

  @Test
  void everyMissingRequiredFieldIsNamedWithItsLabelOrKey() {
    FormFieldValidationException e = refused(new HashMap<>());
    String problems = "firstAnswer: \"First answer\" is required; reason: \"reason\" is required; "
        + "nested: \"Nested\" is required; deeper: \"Deeper\" is required; notReadonly: \"notReadonly\" is required";
    assertThat((String) e.getDetail()).isEqualTo(problems);
    assertThat(e.getMessage()).isEqualTo("Task \"Review case\" cannot be completed: " + problems);
  }

  @Test
  void blankTextIsMissingButOnlyReportedAsMissing() {
    Map<String, Object> values = valid();
    values.put("firstAnswer", "   ");
    assertThat((String) refused(values).getDetail()).isEqualTo("firstAnswer: \"First answer\" is required");
  }

  @Test
  void aSubmittedValueCountsOverTheTasksVariableEvenWhenNull() {
    when(task.getVariable("firstAnswer")).thenReturn("A long enough answer");
    Map<String, Object> values = valid();
    values.remove("firstAnswer");
    assertThat(complete(values)).isSameAs(DONE);

    values.put("firstAnswer", null);
    assertThat((String) refused(values).getDetail()).isEqualTo("firstAnswer: \"First answer\" is required");
  }

  @Test
  void theTasksVariablesCountWithoutSubmittedValues() {
    valid().forEach((key, value) -> when(task.getVariable(key)).thenReturn(value));
    assertThat(interceptor.execute(new CompleteTaskCmd("t1", null))).isSameAs(DONE);
  }

  @Test
  void textIsCheckedForItsMinimumWithoutSurroundingBlanksAndForItsMaximum() {
    Map<String, Object> values = valid();
    values.put("firstAnswer", "   123456789   ");
    values.put("comment", "123456");
    assertThat((String) refused(values).getDetail()).isEqualTo(
        "firstAnswer: \"First answer\" needs at least 10 characters; comment: \"Comment\" allows at most 5 characters");
  }

  @Test
  void textAtItsLimitsIsAccepted() {
    Map<String, Object> values = valid();
    values.put("firstAnswer", "1234567890");
    values.put("comment", "123");
    assertThat(complete(values)).isSameAs(DONE);
    values.put("firstAnswer", "12345678901234567890");
    values.put("comment", "12345");
    assertThat(complete(values)).isSameAs(DONE);
  }

  @Test
  void anOptionalFieldMayBeEmptyButNotTooShort() {
    Map<String, Object> values = valid();
    values.put("comment", "");
    assertThat((String) refused(values).getDetail()).isEqualTo("comment: \"Comment\" needs at least 3 characters");
    values.remove("comment");
    assertThat(complete(values)).isSameAs(DONE);
  }

  @Test
  void aTypedValueIsCheckedByItsValue() {
    Map<String, Object> values = valid();
    values.put("firstAnswer", Variables.stringValue("short"));
    assertThat((String) refused(values).getDetail())
        .isEqualTo("firstAnswer: \"First answer\" needs at least 10 characters");
    values.put("firstAnswer", Variables.stringValue(null));
    assertThat((String) refused(values).getDetail()).isEqualTo("firstAnswer: \"First answer\" is required");
  }

  @Test
  void onlyTextHasALength() {
    Map<String, Object> values = valid();
    values.put("comment", 123456789L);
    assertThat(complete(values)).isSameAs(DONE);
  }

  @Test
  void aSubmittedFormIsCheckedLikeACompletion() {
    Map<String, Object> values = valid();
    values.remove("reason");
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> interceptor.execute(new SubmitTaskFormCmd("t1", values, false, false)));
    assertThat(thrown).isInstanceOf(FormFieldValidationException.class);
    assertThat((String) ((FormFieldValidationException) thrown).getDetail())
        .isEqualTo("reason: \"reason\" is required");
    assertThat(interceptor.execute(new SubmitTaskFormCmd("t1", valid(), false, false))).isSameAs(DONE);
  }

  @Test
  void anUnreadableFormIsAnError() {
    form = "{ not json";
    assertThatThrownBy(() -> complete(valid())).isInstanceOf(IllegalStateException.class)
        .hasMessage("The form of task t1 cannot be read").hasCauseInstanceOf(IOException.class);
    when(context.runWithoutAuthorization(any(Command.class))).thenAnswer(call -> new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("gone");
      }
    });
    assertThatThrownBy(() -> complete(valid())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFormWithoutComponentsRequiresNothing() {
    form = "{}";
    assertThat(complete(new HashMap<>())).isSameAs(DONE);
  }

  // --- tasks without a Camunda Form ---

  @Test
  void anUnknownTaskIsLeftToTheCommand() {
    when(taskManager.findTaskById("t1")).thenReturn(null);
    assertThat(complete(new HashMap<>())).isSameAs(DONE);
    verify(context, never()).runWithoutAuthorization(any(Command.class));
  }

  @Test
  void aTaskWithoutDefinitionFormOrFormKeyIsNotChecked() {
    when(task.getTaskDefinition()).thenReturn(null);
    assertThat(complete(new HashMap<>())).isSameAs(DONE);

    when(task.getTaskDefinition()).thenReturn(new TaskDefinition(null));
    assertThat(complete(new HashMap<>())).isSameAs(DONE);

    TaskDefinition embeddedForm = new TaskDefinition(null);
    FormDefinition formKeyOnly = new FormDefinition();
    formKeyOnly.setFormKey(new FixedValue("embedded:app:forms/x.html"));
    embeddedForm.setFormDefinition(formKeyOnly);
    when(task.getTaskDefinition()).thenReturn(embeddedForm);
    assertThat(complete(new HashMap<>())).isSameAs(DONE);

    verify(context, never()).runWithoutAuthorization(any(Command.class));
  }

  @Test
  void otherCommandsPassUnchecked() {
    GetTaskFormVariablesCmd other = new GetTaskFormVariablesCmd("t1", null, false);
    assertThat(interceptor.execute(other)).isSameAs(DONE);
    verify(next).execute(other);
    verifyNoInteractions(context);
  }

  // --- who may complete ---

  @Test
  void aClaimedTaskIsCompletedOnlyByItsAssignee() {
    when(task.getAssignee()).thenReturn("anna");
    when(context.getAuthenticatedUserId()).thenReturn("ben");
    when(context.getAuthenticatedGroupIds()).thenReturn(List.of("team-lead"));
    assertThatThrownBy(() -> complete(valid())).isInstanceOf(AuthorizationException.class)
        .hasMessage(
            "Task \"Review case\" is claimed by anna: only they can complete it (or a team lead reassigns it first).");
    when(context.getAuthenticatedGroupIds()).thenReturn(null);
    assertThatThrownBy(() -> complete(valid())).isInstanceOf(AuthorizationException.class);
    verify(next, never()).execute(any());
  }

  @Test
  void theAssigneeAnAdministratorOrTheEngineItselfMayComplete() {
    when(task.getAssignee()).thenReturn("anna");
    when(context.getAuthenticatedUserId()).thenReturn("anna");
    assertThat(complete(valid())).isSameAs(DONE);

    when(context.getAuthenticatedUserId()).thenReturn("admin");
    when(context.getAuthenticatedGroupIds()).thenReturn(List.of("staff", "camunda-admin"));
    assertThat(complete(valid())).isSameAs(DONE);

    when(context.getAuthenticatedUserId()).thenReturn(null);
    assertThat(complete(valid())).isSameAs(DONE);
  }

  @Test
  void anUnclaimedTaskMayBeCompletedByAnyone() {
    when(task.getAssignee()).thenReturn(null);
    when(context.getAuthenticatedUserId()).thenReturn("ben");
    when(context.getAuthenticatedGroupIds()).thenReturn(List.of());
    assertThat(complete(valid())).isSameAs(DONE);
  }

  @Test
  void theAssigneeIsCheckedEvenWithoutAForm() {
    when(task.getTaskDefinition()).thenReturn(null);
    when(task.getAssignee()).thenReturn("anna");
    when(context.getAuthenticatedUserId()).thenReturn("ben");
    assertThatThrownBy(() -> complete(new HashMap<>())).isInstanceOf(AuthorizationException.class);
  }

  // --- rules of the task's own listener ---

  @Test
  void aListenersRefusalIsAFormValidationErrorWithItsMessage() {
    doThrow(new ProcessEngineException("listener failed", new RuntimeException(new TaskInputRefused("Give a reason"))))
        .when(next).execute(any());
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> complete(valid()));
    assertThat(thrown).isInstanceOf(FormFieldValidationException.class).hasMessage("Give a reason");
    assertThat((String) ((FormFieldValidationException) thrown).getDetail()).isEqualTo("rule");

    doThrow(new TaskInputRefused("Not a spare part")).when(next).execute(any());
    assertThatThrownBy(() -> interceptor.execute(new SubmitTaskFormCmd("t1", valid(), false, false)))
        .isInstanceOf(FormFieldValidationException.class).hasMessage("Not a spare part");
  }

  @Test
  void otherFailuresOfTheCommandAreNotHidden() {
    ProcessEngineException failure = new ProcessEngineException("db", new IllegalStateException("x"));
    doThrow(failure).when(next).execute(any());
    assertThatThrownBy(() -> complete(valid())).isSameAs(failure);

    RuntimeException selfCaused = new RuntimeException("loop") {
      @Override
      public synchronized Throwable getCause() { return this; }
    };
    doThrow(selfCaused).when(next).execute(any());
    assertThatThrownBy(() -> complete(valid())).isSameAs(selfCaused);
  }

  // --- the plugin ---

  @Test
  void thePluginKeepsOtherInterceptorsAndComesLast() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    CommandInterceptor existing = mock(CommandInterceptor.class);
    configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>(List.of(existing)));
    new TaskCompletionRules().preInit(configuration);
    assertThat(configuration.getCustomPostCommandInterceptorsTxRequired()).hasSize(2).first().isSameAs(existing);
  }
}
