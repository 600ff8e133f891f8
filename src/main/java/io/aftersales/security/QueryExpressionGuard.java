package io.aftersales.security;

import io.aftersales.shared.Problems.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * The rule behind CVE-2026-109432 (Camunda 7.24.0 CE evaluates JUEL expressions hidden in a task
 * query's {@code orQueries}): which expressions a task query may carry, checked over the whole query
 * tree, or-queries at any depth included.
 *
 * <ul>
 *   <li>A query a user sends (ad hoc, or extending a filter) carries <em>no</em> expression at all.
 *   <li>A stored filter carries only what Tasklist's filter dialog offers: the current user, their
 *       groups, and dates relative to now ({@code ${now()}}, {@code ${dateTime().plusDays(2)}}).
 *       Nothing else can call a method, so nothing else can reach {@code Runtime.exec}.
 * </ul>
 */
final class QueryExpressionGuard {
  /** The stored-filter expressions Tasklist needs; whitespace as Tasklist's dialog may write it. */
  private static final Pattern STORED_FILTER_EXPRESSION = Pattern.compile(
      "\\$\\{\\s*(?:currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
          + "|dateTime\\(\\)(?:\\s*\\.\\s*(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\s*\\d{1,6}\\s*\\))*"
          + "(?:\\s*\\.\\s*toDate\\(\\))?)\\s*}");

  private QueryExpressionGuard() {}

  static boolean isAllowedInStoredFilter(String expression) {
    return expression != null && STORED_FILTER_EXPRESSION.matcher(expression).matches();
  }

  /** A user's own query (engine REST, the webapps' engine API, a filter's extending query): no expression. */
  static void refuseAny(TaskQueryImpl query, String path) {
    List<FieldError> errors = new ArrayList<>();
    collect(query, path, expression -> false, errors, Collections.newSetFromMap(new IdentityHashMap<>()));
    if (!errors.isEmpty()) throw new ExpressionRefusedException(errors);
  }

  /** A filter being created or updated: only the expressions Tasklist's filters need. */
  static void refuseUnsafeInStoredFilter(TaskQueryImpl query, String path) {
    List<FieldError> errors = new ArrayList<>();
    collect(query, path, QueryExpressionGuard::isAllowedInStoredFilter, errors,
        Collections.newSetFromMap(new IdentityHashMap<>()));
    if (!errors.isEmpty()) throw new ExpressionRefusedException(errors);
  }

  private static void collect(TaskQueryImpl query, String path, java.util.function.Predicate<String> allowed,
      List<FieldError> errors, Set<TaskQueryImpl> seen) {
    seen.add(query);
    for (Map.Entry<String, String> expression : query.getExpressions().entrySet()) {
      if (!allowed.test(expression.getValue())) {
        errors.add(new FieldError(path + restName(expression.getKey()),
            "Expressions are not allowed in a query"
                + (path.contains("orQueries") ? ", not even inside 'orQueries'" : "")
                + "; give the value itself"));
      }
    }
    // getQueries() holds the query itself and its or-queries. An or-query built with or() shares the list of
    // its parent, so claim all children before descending: each query is visited once, under its real parent.
    List<TaskQueryImpl> children = new ArrayList<>();
    for (TaskQueryImpl orQuery : query.getQueries()) {
      if (seen.add(orQuery)) children.add(orQuery);
    }
    for (int i = 0; i < children.size(); i++) {
      collect(children.get(i), path + "orQueries[" + i + "].", allowed, errors, seen);
    }
  }

  /** The engine keeps expressions under its setter names ({@code taskAssignee}); clients send REST names. */
  static String restName(String engineKey) {
    if (engineKey.equals("taskCandidateGroupIn")) return "candidateGroupsExpression";
    String name = engineKey.startsWith("task") && engineKey.length() > 4
        ? Character.toLowerCase(engineKey.charAt(4)) + engineKey.substring(5)
        : engineKey;
    return name + "Expression";
  }
}
