package io.aftersales.desk;

import io.aftersales.cases.Attachments;
import io.aftersales.shared.Rows;
import io.aftersales.shared.SopLinks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The case at a glance for staff: the case and its customer with their other cases, order and product facts, the
 * whole thread, where the case stands in each of its procedures (for the diagram), its open tasks with their SOPs
 * and the outside-system requests. A read model: our records by SQL, the rest from the engine.
 */
@Service
class CaseDesk {
  private final NamedParameterJdbcTemplate jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final Attachments attachments;
  private final org.camunda.bpm.engine.IdentityService identity;
  private final io.aftersales.sla.ServiceLevels serviceLevels;

  CaseDesk(NamedParameterJdbcTemplate jdbc, HistoryService history, RuntimeService runtime, TaskService tasks,
      RepositoryService repository, Attachments attachments, org.camunda.bpm.engine.IdentityService identity,
      io.aftersales.sla.ServiceLevels serviceLevels) {
    this.serviceLevels = serviceLevels;
    this.attachments = attachments;
    this.identity = identity;
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
    this.tasks = tasks;
    this.repository = repository;
  }

  record Process(String processInstanceId, String key, String name, int version, String versionTag, String state,
      Instant started, Instant ended, List<String> active) {}

  record OpenTask(String id, String name, String activityId, String processKey, List<String> groups, String assignee,
      Instant created, Instant due, int priority, String sop) {}

  record Desk(Map<String, Object> caseFacts, Map<String, Object> customer, List<Map<String, Object>> otherCases,
      Map<String, Object> order, List<Map<String, Object>> orderLines, Map<String, Object> product,
      List<Map<String, Object>> thread, List<Attachments.Listed> attachments, List<Process> processes,
      List<OpenTask> tasks, List<Map<String, Object>> outsideRequests,
      List<io.aftersales.sla.ServiceLevels.ServiceLevel> serviceLevels) {}

  /** A procedure's model with where the case stands: steps now active, steps already passed. */
  record Diagram(String processInstanceId, String key, int version, String xml, List<String> active,
      List<String> done) {}

  Optional<Desk> of(String caseNumber) {
    List<Map<String, Object>> rows = jdbc.queryForList("""
        select c.id, c.case_number, c.status, c.source_channel, c.request_type, c.priority, c.subject,
               c.order_reference, c.product_reference, c.serial_number, c.purchase_date, c.opened_at,
               c.first_answered_at, c.closed_at, c.reopen_count, c.reopened_at, f.case_number as follow_up_of,
               c.customer_id, c.order_id,
               c.product_id
          from aftersales.service_case c left join aftersales.service_case f on f.id = c.follow_up_of
         where c.case_number = :n""", Map.of("n", caseNumber));
    if (rows.isEmpty()) return Optional.empty();
    Map<String, Object> row = rows.get(0);
    Map<String, Object> facts = Rows.camelCase(row, "id", "customer_id", "order_id", "product_id");
    Map<String, Object> ids = new LinkedHashMap<>();
    ids.put("id", row.get("id"));
    ids.put("customer", row.get("customer_id"));
    ids.put("order", row.get("order_id"));
    ids.put("product", row.get("product_id"));
    ids.put("n", caseNumber);
    Map<String, Object> customer = one("""
        select name, email, phone, type, created_at from aftersales.customer where id = :customer""", ids);
    List<Map<String, Object>> others = many("""
        select case_number, subject, status, request_type, opened_at, closed_at from aftersales.service_case
         where customer_id = :customer and id <> :id order by opened_at desc limit 50""", ids);
    Map<String, Object> order = row.get("order_id") == null ? null : one("""
        select order_number, sales_channel, fulfilment, retailer_name, purchase_date, delivery_date
          from aftersales.sales_order where id = :order""", ids);
    List<Map<String, Object>> lines = row.get("order_id") == null ? List.of() : many("""
        select p.sku, p.name, l.quantity, l.unit_price from aftersales.order_line l
          join aftersales.product p on p.id = l.product_id where l.order_id = :order order by l.id""", ids);
    Map<String, Object> product = row.get("product_id") == null ? null : one("""
        select p.sku, p.name, p.category, p.warranty_months, s.name as supplier from aftersales.product p
          left join aftersales.supplier s on s.id = p.supplier_id where p.id = :product""", ids);
    List<Map<String, Object>> thread = many("""
        select direction, channel, author, subject, body, created_at as at, delivery_failure
          from aftersales.case_message where case_id = :id order by created_at, id""", ids);
    List<Map<String, Object>> requests = many("""
        select system, operation, reference, details, responsible_group, status, result, requested_at, completed_at
          from aftersales.external_request where case_number = :n order by requested_at, id""", ids);
    List<Process> processes = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().list()) {
      ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
      List<String> active = instance.getEndTime() != null
          ? List.of()
          : runtime.getActiveActivityIds(instance.getId());
      processes.add(new Process(instance.getId(), definition.getKey(), definition.getName(), definition.getVersion(),
          definition.getVersionTag(), instance.getState(), instant(instance.getStartTime()),
          instant(instance.getEndTime()), active));
    }
    return Optional.of(new Desk(facts, customer, others, order, lines, product, thread,
        attachments.list(caseNumber), processes, openTasks(caseNumber), requests,
        serviceLevels.of(((Number) row.get("id")).longValue())));
  }

  /** The open tasks of a case, most urgent first, each with its SOP. */
  List<OpenTask> openTasks(String caseNumber) {
    List<OpenTask> open = new ArrayList<>();
    Map<String, Map<String, String>> sopsByDefinition = new LinkedHashMap<>();
    Map<String, String> groupNames = new LinkedHashMap<>();
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).orderByTaskPriority().desc()
        .orderByTaskCreateTime().asc().list()) {
      ProcessDefinition definition = repository.getProcessDefinition(task.getProcessDefinitionId());
      Map<String, String> sops =
          sopsByDefinition.computeIfAbsent(definition.getId(), id -> SopLinks.ofModel(repository, definition));
      // Groups by name ("Customer care (CRM front end)"), as Tasklist shows them.
      List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId)
          .map(id -> groupNames.computeIfAbsent(id, this::groupName)).toList();
      open.add(new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), definition.getKey(), groups,
          task.getAssignee(), instant(task.getCreateTime()), instant(task.getDueDate()), task.getPriority(),
          sops.get(task.getTaskDefinitionKey())));
    }
    return open;
  }

  /** The process instance of the case (none of another case), with its model and where it stands. */
  Optional<Diagram> diagram(String caseNumber, String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null || !caseNumber.equals(instance.getBusinessKey())) return Optional.empty();
    ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
    String xml;
    try (InputStream in = repository.getProcessModel(definition.getId())) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("The model of " + definition.getId() + " cannot be read", e);
    }
    List<String> active = instance.getEndTime() != null ? List.of() : runtime.getActiveActivityIds(instance.getId());
    List<String> done = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished()
        .list().stream().map(HistoricActivityInstance::getActivityId).distinct().toList();
    return Optional.of(new Diagram(instance.getId(), definition.getKey(), definition.getVersion(), xml, active, done));
  }

  /** The case a task belongs to (its process instance's business key), or empty. */
  Optional<String> caseOfTask(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) return Optional.empty();
    return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult()).map(org.camunda.bpm.engine.runtime.ProcessInstance::getBusinessKey);
  }

  private String groupName(String id) {
    var group = identity.createGroupQuery().groupId(id).singleResult();
    return group == null || group.getName() == null ? id : group.getName();
  }

  private Map<String, Object> one(String sql, Map<String, Object> parameters) {
    List<Map<String, Object>> found = many(sql, parameters);
    return found.isEmpty() ? null : found.get(0);
  }

  private List<Map<String, Object>> many(String sql, Map<String, Object> parameters) {
    return jdbc.queryForList(sql, parameters).stream().map(r -> Rows.camelCase(r)).toList();
  }

  private static Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }
}
