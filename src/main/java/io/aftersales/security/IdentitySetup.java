package io.aftersales.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start-up and idempotently, the groups, their authorizations and their Tasklist
 * filters: each group sees only its own work. This is configuration, not demo data; users are
 * created by the demo data (or by an admin in Camunda Admin).
 *
 * <p>Tasks need no authorization here: the engine grants a task's candidate group READ and UPDATE
 * on that task when the task is created, so a group sees exactly the tasks the models give it.
 */
@Component
@Order(1)
public class IdentitySetup implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
  public static final String MY_TASKS_FILTER = "My tasks";
  public static final String UNASSIGNED_FILTER = "Unassigned";
  public static final String OVERDUE_FILTER = "Overdue";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String groupId : Groups.ALL) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(Groups.displayName(groupId));
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    }
    grantApplications();
    grantReadAccess();
    grant(Groups.PROCESS_OWNER, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE);
    grant(Groups.PROCESS_OWNER, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE, Permissions.UPDATE);
    grant(Groups.PROCESS_OWNER, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
        Permissions.UPDATE);
    // Team leads handle escalations: they see, claim, work and reassign every task (money-moving ones stay with
    // finance: MoneyStaysWithFinance) and retry failed steps (incidents) in Cockpit. They do not edit variables,
    // suspend, modify or message cases (no UPDATE).
    grant(Groups.TEAM_LEAD, Resources.TASK, "*", Permissions.READ, TaskPermissions.TASK_ASSIGN,
        TaskPermissions.TASK_WORK);
    grant(Groups.TEAM_LEAD, Resources.PROCESS_INSTANCE, "*", Permissions.READ, ProcessInstancePermissions.RETRY_JOB);
    grant(Groups.TEAM_LEAD, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.RETRY_JOB);
    // Reassigning in Tasklist looks the colleague up: team leads read the users (names, not passwords).
    grant(Groups.TEAM_LEAD, Resources.USER, "*", Permissions.READ);
    // Tasklist shows a task's groups by name ("Warehouse", not "warehouse") to whoever may read the group.
    for (String group : Groups.ALL)
      grant(group, Resources.GROUP, "*", Permissions.READ);
    createFilters();
    apply();
    log.info("Groups, authorizations and Tasklist filters are in place");
  }

  private void grantApplications() {
    for (String group : Groups.TASK_WORKERS)
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (String group : List.of(Groups.TEAM_LEAD, Groups.PROCESS_OWNER, Groups.AUDITOR)) {
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
  }

  /** Everyone who works tasks reads the models (Tasklist shows process names and forms). */
  private void grantReadAccess() {
    for (String group : Groups.TASK_WORKERS) {
      grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
      grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    // Team leads and auditors trace cases: runtime and history, read-only.
    for (String group : List.of(Groups.TEAM_LEAD, Groups.AUDITOR)) {
      grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
          Permissions.READ_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
      grant(group, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
    }
    grant(Groups.AUDITOR, Resources.TASK, "*", Permissions.READ);
    grant(Groups.PROCESS_OWNER, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(Groups.PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
  }

  private void createFilters() {
    filter(MY_TASKS_FILTER, "Tasks assigned to me", 10, "#555555",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Groups.TASK_WORKERS);
    for (String group : Groups.TASK_WORKERS) {
      // Lowest priority first: each group lands on its own work when it opens Tasklist.
      filter(Groups.displayName(group), "Open tasks of " + group + " (claimed or not)", -10, "#1f77b4",
          tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks(), List.of(group, Groups.TEAM_LEAD));
    }
    filter("All open tasks", "Every open task, for escalations", 20, "#d62728", tasks.createTaskQuery(),
        List.of(Groups.TEAM_LEAD));
    filter(UNASSIGNED_FILTER, "Open tasks nobody has claimed", 21, "#ff7f0e", tasks.createTaskQuery().taskUnassigned(),
        List.of(Groups.TEAM_LEAD));
    filter(OVERDUE_FILTER, "Open tasks past their due date", 22, "#8c564b",
        tasks.createTaskQuery().dueBeforeExpression("${now()}"), List.of(Groups.TEAM_LEAD));
  }

  private void filter(String name, String description, int priority, String color, TaskQuery query,
      List<String> readers) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    // Shown with each task in the list, so open tasks of different cases are told apart.
    properties.put("variables", io.aftersales.cases.TaskCards.CARD_VARIABLES.entrySet().stream()
        .map(v -> Map.of("name", v.getKey(), "label", v.getValue())).toList());
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) filter = filters.newTaskFilter(name);
    // Most pressing first: a task is due when its service level (the customer's target or the step's turnaround)
    // runs out; undated tasks come last, by priority. Written every start-up, so a new order reaches old databases.
    filters.saveFilter(filter.setQuery(query.orderByDueDate().asc().orderByTaskPriority().desc())
        .setProperties(properties));
    for (String group : readers)
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  /** The grants of this start-up, per group, resource and id; written exactly by {@link #apply()}. */
  private final Map<List<Object>, Set<Permission>> wanted = new LinkedHashMap<>();

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    wanted.computeIfAbsent(List.of(groupId, resource, resourceId), key -> new LinkedHashSet<>())
        .addAll(List.of(permissions));
  }

  /**
   * Each grant holds exactly what this version gives, so a permission taken away in a new version (e.g. team leads'
   * UPDATE on every case) is taken away from an existing database too, not only from a new one.
   */
  private void apply() {
    wanted.forEach((key, permissions) -> {
      String groupId = (String) key.get(0);
      Resource resource = (Resource) key.get(1);
      String resourceId = (String) key.get(2);
      Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
          .resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
      Authorization authorization =
          existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      if (existing == null) {
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
      }
      authorization.setPermissions(permissions.toArray(Permission[]::new));
      authorizations.saveAuthorization(authorization);
    });
    wanted.clear();
  }

}
