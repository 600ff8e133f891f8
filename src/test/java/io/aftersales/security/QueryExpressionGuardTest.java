package io.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftersales.shared.Problems.FieldError;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryExpressionGuardTest {
  static final String EXPLOIT = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)}";

  @ParameterizedTest
  @ValueSource(strings = {"${currentUser()}", "${ currentUserGroups() }", "${now()}", "${dateTime()}",
      "${dateTime().plusDays(2)}", "${ dateTime().minusHours(3).plusMinutes(15).toDate() }"})
  void tasklistsFilterFunctionsMayBeStored(String expression) {
    assertThat(QueryExpressionGuard.isAllowedInStoredFilter(expression)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {EXPLOIT, "${currentUser().getClass()}", "${dateTime().getClass()}", "#{currentUser()}",
      "${currentUser()}${now()}", "${dateTime().plusDays(2).class}", "${currentUser}", "currentUser()", "",
      "${dateTime().plusDays(9999999)}", "${now().getTime()}", "${currentUser()} "})
  void anythingElseMayNot(String expression) {
    assertThat(QueryExpressionGuard.isAllowedInStoredFilter(expression)).isFalse();
    assertThat(QueryExpressionGuard.isAllowedInStoredFilter(null)).isFalse();
  }

  @Test
  void anAdHocQueryMayHoldNoExpressionAtAnyDepth() {
    TaskQueryImpl plain = new TaskQueryImpl();
    plain.taskNameLike("%Review%").or().taskCandidateGroup("crm-frontend").endOr();
    assertThatCode(() -> QueryExpressionGuard.refuseAny(plain, "")).doesNotThrowAnyException();

    TaskQueryImpl viaOr = new TaskQueryImpl();
    viaOr.taskNameLike("%Review%").or().taskName("a").endOr().or().dueAfterExpression(EXPLOIT).endOr();
    assertThat(fields(() -> QueryExpressionGuard.refuseAny(viaOr, "")))
        .containsExactly("orQueries[1].dueAfterExpression");

    TaskQueryImpl topLevel = new TaskQueryImpl();
    topLevel.taskAssigneeExpression("${currentUser()}");
    assertThat(fields(() -> QueryExpressionGuard.refuseAny(topLevel, ""))).containsExactly("assigneeExpression");

    // As the REST API builds them: an or-query holding its own or-queries.
    TaskQueryImpl nested = new TaskQueryImpl();
    nested.setOrQueryActive();
    nested.taskCandidateGroupInExpression(EXPLOIT);
    TaskQueryImpl middle = new TaskQueryImpl();
    middle.setOrQueryActive();
    middle.addOrQuery(nested);
    TaskQueryImpl root = new TaskQueryImpl();
    root.addOrQuery(middle);
    assertThat(fields(() -> QueryExpressionGuard.refuseAny(root, "")))
        .containsExactly("orQueries[0].orQueries[0].candidateGroupsExpression");
  }

  @Test
  void aStoredFilterHoldsOnlyTasklistsFunctions() {
    TaskQueryImpl myTasks = new TaskQueryImpl();
    myTasks.taskAssigneeExpression("${currentUser()}").or().taskCandidateGroupInExpression("${currentUserGroups()}")
        .dueBeforeExpression("${dateTime().plusDays(1)}").endOr();
    assertThatCode(() -> QueryExpressionGuard.refuseUnsafeInStoredFilter(myTasks, "query."))
        .doesNotThrowAnyException();

    TaskQueryImpl evil = new TaskQueryImpl();
    evil.taskAssigneeExpression("${currentUser()}").or().followUpAfterExpression(EXPLOIT).endOr();
    assertThat(fields(() -> QueryExpressionGuard.refuseUnsafeInStoredFilter(evil, "query.")))
        .containsExactly("query.orQueries[0].followUpAfterExpression");
  }

  @Test
  void theInterceptorChecksAdHocQueriesExtendingQueriesAndSavedFilters() {
    TaskQueryImpl evil = new TaskQueryImpl();
    evil.or().dueAfterExpression(EXPLOIT).endOr();

    assertThatThrownBy(() -> QueryExpressionGuardPlugin.QueryCheck.check(evil))
        .isInstanceOf(ExpressionRefusedException.class);
    assertThatThrownBy(() -> QueryExpressionGuardPlugin.QueryCheck.check(new ExecuteFilterListCmd("f", evil)))
        .isInstanceOf(ExpressionRefusedException.class);
    assertThatThrownBy(() -> QueryExpressionGuardPlugin.QueryCheck.check(new ExecuteFilterCountCmd("f", evil)))
        .isInstanceOf(ExpressionRefusedException.class);
    FilterEntity filter = new FilterEntity("Task");
    filter.setQuery(evil);
    assertThatThrownBy(() -> QueryExpressionGuardPlugin.QueryCheck.check(new SaveFilterCmd(filter)))
        .isInstanceOf(ExpressionRefusedException.class)
        .satisfies(e -> assertThat(((ExpressionRefusedException) e).errors()).extracting(FieldError::field)
            .containsExactly("query.orQueries[0].dueAfterExpression"));

    TaskQueryImpl myTasks = new TaskQueryImpl();
    myTasks.taskAssigneeExpression("${currentUser()}");
    FilterEntity tasklist = new FilterEntity("Task");
    tasklist.setQuery(myTasks);
    assertThatCode(() -> QueryExpressionGuardPlugin.QueryCheck.check(new SaveFilterCmd(tasklist)))
        .doesNotThrowAnyException();
    assertThatCode(() -> QueryExpressionGuardPlugin.QueryCheck.check(new ExecuteFilterListCmd("f")))
        .doesNotThrowAnyException();
  }

  @Test
  void queryEvaluationRunsOnlyTheHarmlessFunctions() {
    List<String> evaluated = new ArrayList<>();
    ExpressionManager guarded = new QueryExpressionGuardPlugin.GuardedExpressionManager(new Recording(evaluated));

    assertThatThrownBy(() -> guarded.createExpression(EXPLOIT).getValue(null))
        .isInstanceOf(ExpressionRefusedException.class).hasMessageContaining("not allowed in a query");
    assertThatThrownBy(() -> guarded.createExpression(EXPLOIT).getValue(null, null))
        .isInstanceOf(ExpressionRefusedException.class);
    assertThat(evaluated).isEmpty();

    guarded.createExpression("${currentUser()}").getValue(null);
    // Expressions of a model always have a variable scope: they are the process owner's, not a query's.
    VariableScope scope = StartProcessVariableScope.getSharedInstance();
    guarded.createExpression("${someDelegate}").getValue(scope);
    assertThat(evaluated).containsExactly("${currentUser()}", "${someDelegate}");
  }

  private static List<String> fields(Runnable check) {
    try {
      check.run();
    } catch (ExpressionRefusedException e) {
      return e.errors().stream().map(FieldError::field).toList();
    }
    throw new AssertionError("not refused");
  }

  /** An expression manager that records what it was asked to evaluate. */
  private record Recording(List<String> evaluated) implements ExpressionManager {
    @Override
    public Expression createExpression(String text) {
      return new Expression() {
        @Override
        public Object getValue(VariableScope scope) {
          evaluated.add(text);
          return null;
        }

        @Override
        public Object getValue(VariableScope scope, BaseDelegateExecution execution) {
          return getValue(scope);
        }

        @Override
        public void setValue(Object value, VariableScope scope) {}

        @Override
        public void setValue(Object value, VariableScope scope, BaseDelegateExecution execution) {}

        @Override
        public String getExpressionText() { return text; }

        @Override
        public boolean isLiteralText() { return false; }
      };
    }

    @Override
    public void addFunction(String name, Method function) {}
  }
}
