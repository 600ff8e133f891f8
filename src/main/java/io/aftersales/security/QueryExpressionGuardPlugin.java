package io.aftersales.security;

import io.aftersales.shared.EngineFields;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.el.ElProviderCompatible;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * Closes CVE-2026-109432 inside the engine, so every entry point is covered at once: engine REST
 * ({@code /task}, {@code /task/count}, {@code /filter/...}), the webapps' own engine API
 * ({@code /camunda/api/engine/...}) and Java callers.
 *
 * <ol>
 *   <li>A command interceptor checks every query before it runs: an ad hoc task query and a filter's
 *       extending query may hold no expression, at any depth of {@code orQueries}; a filter being saved
 *       holds only the expressions Tasklist's filters need ({@link QueryExpressionGuard}).
 *   <li>Defence in depth: query expressions are the only ones the engine evaluates without a variable
 *       scope, so the expression manager refuses such an evaluation unless it is one of those harmless
 *       functions. A filter stored before this guard existed, or a path not yet known, still runs nothing.
 * </ol>
 */
@Component
class QueryExpressionGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Both executors: services run on "tx required", some internal work on "requires new".
    configuration
        .setCustomPreCommandInterceptorsTxRequired(prepend(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        prepend(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // After init: the BPMN parser and the DMN engine keep the original manager; query evaluation looks it up.
    configuration.setExpressionManager(new GuardedExpressionManager(configuration.getExpressionManager()));
  }

  private static List<CommandInterceptor> prepend(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all = new ArrayList<>();
    all.add(new QueryCheck());
    if (interceptors != null) all.addAll(interceptors);
    return all;
  }

  /** Looks at each command before it runs, nested ones included, and refuses the unsafe queries. */
  static final class QueryCheck extends CommandInterceptor {
    private static final String GUARD = "the query expression guard (CVE-2026-109432)";
    private static final Field EXTENDING_QUERY =
        EngineFields.of(AbstractExecuteFilterCmd.class, "extendingQuery", GUARD);
    private static final Field SAVED_FILTER = EngineFields.of(SaveFilterCmd.class, "filter", GUARD);

    @Override
    public <T> T execute(Command<T> command) {
      check(command);
      return next.execute(command);
    }

    static void check(Command<?> command) {
      if (command instanceof TaskQueryImpl query) {
        // Run through a command executor = built outside the engine from a caller's input (ad hoc).
        QueryExpressionGuard.refuseAny(query, "");
      } else if (command instanceof AbstractExecuteFilterCmd) {
        if (EngineFields.read(EXTENDING_QUERY, command) instanceof TaskQueryImpl extending) {
          QueryExpressionGuard.refuseAny(extending, "");
        }
      } else if (command instanceof SaveFilterCmd
          && EngineFields.read(SAVED_FILTER, command) instanceof Filter filter) {
        Query<?, ?> query = filter.getQuery();
        if (query instanceof TaskQueryImpl stored) QueryExpressionGuard.refuseUnsafeInStoredFilter(stored, "query.");
      }
    }

  }

  /** Evaluates query expressions (no variable scope) only if they are the harmless Tasklist functions. */
  static final class GuardedExpressionManager implements ExpressionManager, ElProviderCompatible {
    private final ExpressionManager delegate;

    GuardedExpressionManager(ExpressionManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public Expression createExpression(String text) {
      return new GuardedExpression(delegate.createExpression(text), text);
    }

    @Override
    public void addFunction(String name, Method function) {
      delegate.addFunction(name, function);
    }

    @Override
    public ElProvider toElProvider() {
      return delegate instanceof ElProviderCompatible compatible ? compatible.toElProvider() : null;
    }
  }

  private record GuardedExpression(Expression delegate, String text) implements Expression {
    @Override
    public Object getValue(VariableScope variableScope) {
      if (variableScope == null) refuseUnlessHarmless();
      return delegate.getValue(variableScope);
    }

    @Override
    public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
      if (variableScope == null) refuseUnlessHarmless();
      return delegate.getValue(variableScope, contextExecution);
    }

    private void refuseUnlessHarmless() {
      if (!QueryExpressionGuard.isAllowedInStoredFilter(text)) {
        throw new ExpressionRefusedException(List.of(new io.aftersales.shared.Problems.FieldError("query",
            "This expression is not allowed in a query; only ${currentUser()}, ${currentUserGroups()}, ${now()} and "
                + "${dateTime()...} are")));
      }
    }

    @Override
    public void setValue(Object value, VariableScope variableScope) {
      delegate.setValue(value, variableScope);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope, BaseDelegateExecution contextExecution) {
      delegate.setValue(value, variableScope, contextExecution);
    }

    @Override
    public String getExpressionText() { return delegate.getExpressionText(); }

    @Override
    public boolean isLiteralText() { return delegate.isLiteralText(); }
  }
}
