package io.aftersales.audit;

import io.aftersales.shared.Rows;
import io.aftersales.shared.SopLinks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A case's whole trail, in time order, across every process instance that carries its number (service case,
 * procedure, hand-offs, supplier claim): how it arrived, each step entered and left, who was offered, claimed, was
 * assigned and completed each task, each decision with inputs and outputs, each variable change (old → new), every
 * message and mail in and out, every file attached, outside-system requests, every operation staff performed through
 * the engine, and
 * which model version (and so which SOP) it followed. Read-only: our records by SQL, the rest from the engine's
 * history (kept 10 years, README decision 37).
 */
@Service
class AuditTrail {
  /** Longer values are cut (a variable holds ids and facts; text lives in our tables and comes whole). */
  static final int VALUE_LIMIT = 2000;

  private final NamedParameterJdbcTemplate jdbc;
  private final HistoryService history;
  private final RepositoryService repository;

  AuditTrail(NamedParameterJdbcTemplate jdbc, HistoryService history, RepositoryService repository) {
    this.jdbc = jdbc;
    this.history = history;
    this.repository = repository;
  }

  /** One thing that happened. {@code process} is "key v<version>", {@code element} the model element's id. */
  record Entry(Instant at, String kind, String who, String process, String element, String summary,
      Map<String, Object> details) {}

  /** A model version the case followed, with its SOP folder. */
  record Model(String key, String name, int version, String versionTag, String deploymentId, Instant deployedAt,
      String deployedBy, String resource, String processInstanceId, Instant started, Instant ended, String state) {}

  record Trail(Map<String, Object> caseFacts, List<Model> models, List<Entry> entries) {}

  Optional<Trail> of(String caseNumber) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        """
            select c.id, c.case_number, c.source_channel, c.request_type, c.priority, c.status, c.subject,
                   c.order_reference, c.product_reference, c.opened_at, c.first_answered_at, c.closed_at,
                   cu.name as customer_name, cu.email as customer_email, cu.phone as customer_phone, cu.type as customer_type
              from aftersales.service_case c join aftersales.customer cu on cu.id = c.customer_id
             where c.case_number = :n""",
        Map.of("n", caseNumber));
    if (rows.isEmpty()) return Optional.empty();
    Map<String, Object> facts = Rows.camelCase(rows.get(0), "id");
    long caseId = ((Number) rows.get(0).get("id")).longValue();
    List<Entry> entries = new ArrayList<>();
    records(caseId, caseNumber, facts, entries);
    List<Model> models = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().list()) {
      models.add(engine(instance, entries));
    }
    entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return Optional.of(new Trail(facts, models, entries));
  }

  private void records(long caseId, String caseNumber, Map<String, Object> facts, List<Entry> entries) {
    Map<String, Object> ids = Map.of("id", caseId, "n", caseNumber);
    List<Map<String, Object>> messages = jdbc.queryForList("""
        select direction, channel, author, subject, body, message_id, delivery_failure, created_at
          from aftersales.case_message where case_id = :id order by created_at, id""", ids);
    Map<String, Object> first = messages.stream().filter(m -> "INBOUND".equals(m.get("direction"))).findFirst()
        .orElse(Map.of());
    entries.add(new Entry((Instant) facts.get("openedAt"), "CASE_OPENED", (String) facts.get("customerEmail"), null,
        null, "Case opened from " + facts.get("sourceChannel") + ": " + facts.get("subject"),
        details("channel", facts.get("sourceChannel"), "customer", facts.get("customerName"), "email",
            facts.get("customerEmail"), "originalMessage", first.get("body"))));
    for (Map<String, Object> m : messages) {
      boolean in = "INBOUND".equals(m.get("direction"));
      entries.add(new Entry(instant(m.get("created_at")), in ? "MESSAGE_IN" : "MESSAGE_OUT", (String) m.get("author"),
          null, null, (in ? "Customer wrote" : "We answered") + " (" + m.get("channel") + ")"
              + (m.get("subject") != null ? ": " + m.get("subject") : ""),
          details("channel", m.get("channel"), "subject", m.get("subject"), "body", m.get("body"), "messageId",
              m.get("message_id"), "deliveryFailure", m.get("delivery_failure"))));
    }
    for (Map<String, Object> m : jdbc.queryForList("""
        select from_address, subject, status, disposition, received_at, processed_at
          from aftersales.inbound_mail where case_number = :n order by received_at, id""", ids)) {
      entries.add(new Entry(instant(m.get("received_at")), "MAIL_RECEIVED", (String) m.get("from_address"), null, null,
          "Mail received: " + m.get("subject"), details("from", m.get("from_address"), "subject", m.get("subject"),
              "status", m.get("status"), "disposition", m.get("disposition"), "processedAt",
              instant(m.get("processed_at")))));
    }
    for (Map<String, Object> m : jdbc.queryForList("""
        select recipient, subject, coalesce(redacted_body, body) as body, status, attempts, last_error, created_at,
               sent_at, message_id
          from aftersales.outbound_mail where case_id = :id order by created_at, id""", ids)) {
      Map<String, Object> mail = details("to", m.get("recipient"), "subject", m.get("subject"), "body", m.get("body"),
          "messageId", m.get("message_id"), "attempts", m.get("attempts"), "lastError", m.get("last_error"));
      entries.add(new Entry(instant(m.get("created_at")), "MAIL_QUEUED", null, null, null,
          "Mail to the customer queued: " + m.get("subject"), mail));
      if (m.get("sent_at") != null) {
        entries.add(new Entry(instant(m.get("sent_at")), "MAIL_SENT", null, null, null, "Mail sent to "
            + m.get("recipient") + ": " + m.get("subject"), details("messageId", m.get("message_id"))));
      } else if ("FAILED".equals(m.get("status"))) {
        entries.add(new Entry(instant(m.get("created_at")), "MAIL_FAILED", null, null, null,
            "Mail could not be sent: " + m.get("last_error"), details("messageId", m.get("message_id"))));
      }
    }
    for (Map<String, Object> v : jdbc.queryForList("""
        select round, status, offered_at, expires_at, score, solved, comment, answered_at, changed_at, recovery
          from aftersales.survey where case_id = :id order by round""", ids)) {
      entries.add(new Entry(instant(v.get("offered_at")), "SURVEY_OFFERED", null, null, null,
          "Satisfaction survey offered (valid until " + instant(v.get("expires_at")) + ")", details("round",
              v.get("round"))));
      if (v.get("answered_at") != null) {
        entries.add(new Entry(instant(v.get("changed_at")), "SURVEY_ANSWERED", (String) facts.get("customerEmail"),
            null, null, "Survey answered: " + v.get("score") + "/5, solved: " + v.get("solved"), details("score",
                v.get("score"), "solved", v.get("solved"), "comment", v.get("comment"), "firstAnsweredAt",
                instant(v.get("answered_at")), "serviceRecovery", v.get("recovery"), "status", v.get("status"))));
      }
    }
    for (Map<String, Object> k : jdbc.queryForList("""
        select id, metric, policy, target, calendar, department, step, due_at, warned_at, breached_at, stopped_at,
               paused_count, expedite_note, expedited_by, expedited_at
          from aftersales.sla_clock where case_id = :id order by started_at, id""", ids)) {
      String what = switch (String.valueOf(k.get("metric"))) {
        case "OLA" -> "Turnaround of " + k.get("step") + " (" + k.get("department") + ")";
        case "FIRST_REPLY" -> "First reply";
        case "NEXT_REPLY" -> "Next reply";
        default -> "Resolution";
      };
      Map<String, Object> clock = details("clockId", k.get("id"), "policy", k.get("policy"), "target",
          k.get("target"), "calendar", k.get("calendar") == null ? "calendar time" : k.get("calendar"), "dueAt",
          instant(k.get("due_at")), "pauses", k.get("paused_count"));
      if (k.get("warned_at") != null) {
        entries.add(new Entry(instant(k.get("warned_at")), "SLA_AT_RISK", null, null, null, what + " at risk (target "
            + k.get("target") + ", due " + instant(k.get("due_at")) + ")", clock));
      }
      if (k.get("breached_at") != null) {
        entries.add(new Entry(instant(k.get("breached_at")), "SLA_BREACHED", null, null, null, what + " breached"
            + " (target " + k.get("target") + ", due " + instant(k.get("due_at")) + ")", clock));
      }
      if (k.get("expedited_at") != null) {
        entries.add(new Entry(instant(k.get("expedited_at")), "SLA_EXPEDITED", (String) k.get("expedited_by"), null,
            null, "Team lead on " + what + ": " + k.get("expedite_note"), clock));
      }
    }
    for (Map<String, Object> a : jdbc.queryForList("""
        select id, file_name, content_type, size_bytes, sha256, source, uploaded_by, uploaded_at
          from aftersales.attachment where case_id = :id order by uploaded_at, id""", ids)) {
      entries.add(new Entry(instant(a.get("uploaded_at")), "ATTACHMENT_ADDED", (String) a.get("uploaded_by"), null,
          null, "File attached (" + a.get("source") + "): " + a.get("file_name"), details("attachmentId", a.get("id"),
              "contentType", a.get("content_type"), "size", a.get("size_bytes"), "sha256", a.get("sha256"))));
    }
    for (Map<String, Object> r : jdbc.queryForList("""
        select system, operation, reference, details, responsible_group, status, result, requested_at, completed_at
          from aftersales.external_request where case_number = :n order by requested_at, id""", ids)) {
      String what = r.get("system") + " " + r.get("operation") + (r.get("reference") != null
          ? " " + r.get(
              "reference")
          : "");
      entries.add(new Entry(instant(r.get("requested_at")), "OUTSIDE_REQUEST", (String) r.get("responsible_group"),
          null, null, "Outside system: " + what + " requested", details("system", r.get("system"), "operation",
              r.get("operation"), "reference", r.get("reference"), "details", r.get("details"), "status",
              r.get("status"))));
      if (r.get("completed_at") != null) {
        entries.add(new Entry(instant(r.get("completed_at")), "OUTSIDE_REQUEST_DONE",
            (String) r.get("responsible_group"), null, null, "Outside system: " + what + " done",
            details("result", r.get("result"))));
      }
    }
  }

  private Model engine(HistoricProcessInstance instance, List<Entry> entries) {
    ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
    String process = definition.getKey() + " v" + definition.getVersion();
    var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    String deployedBy = history.createUserOperationLogQuery().deploymentId(definition.getDeploymentId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list().stream()
        .map(UserOperationLogEntry::getUserId)
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    Model model = new Model(definition.getKey(), definition.getName(), definition.getVersion(),
        definition.getVersionTag(), definition.getDeploymentId(),
        deployment == null ? null : deployment.getDeploymentTime().toInstant(), deployedBy,
        definition.getResourceName(), instance.getId(), instant(instance.getStartTime()),
        instant(instance.getEndTime()), instance.getState());
    entries.add(new Entry(instant(instance.getStartTime()), "PROCESS_STARTED", instance.getStartUserId(), process,
        instance.getStartActivityId(), "Started " + name(definition) + " (version " + definition.getVersion()
            + (definition.getVersionTag() != null ? ", tag " + definition.getVersionTag() : "") + ")",
        details("processInstanceId", instance.getId(), "definitionId", definition.getId(), "resource",
            definition.getResourceName())));
    if (instance.getEndTime() != null) {
      entries.add(new Entry(instant(instance.getEndTime()), "PROCESS_ENDED", null, process, instance.getEndActivityId(),
          "Ended " + name(definition) + " (" + instance.getState() + ")", details("processInstanceId",
              instance.getId(), "deleteReason", instance.getDeleteReason())));
    }
    Map<String, String> sops = SopLinks.ofModel(repository, definition);
    String id = instance.getId();
    Map<String, String> activityIds = new HashMap<>();
    for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .orderPartiallyByOccurrence().asc().list()) {
      activityIds.put(step.getId(), step.getActivityId());
      if (step.getActivityType().equals("multiInstanceBody")) continue;
      String label = label(step);
      entries.add(new Entry(instant(step.getStartTime()), "STEP_ENTERED", null, process, step.getActivityId(),
          "Entered " + label, details("type", step.getActivityType(), "sop", sops.get(step.getActivityId()))));
      if (step.getEndTime() != null) {
        entries.add(new Entry(instant(step.getEndTime()), "STEP_LEFT", step.getAssignee(), process,
            step.getActivityId(), (step.isCanceled() ? "Cancelled " : "Left ") + label,
            details("type", step.getActivityType(), "durationMs", step.getDurationInMillis())));
      }
    }
    Map<String, String> taskNames = new HashMap<>();
    Map<String, String> assignees = new HashMap<>();
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id).list()) {
      taskNames.put(task.getId(), task.getName());
      assignees.put(task.getId(), task.getAssignee());
      for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
          .orderByTime().asc().list()) {
        entries.add(identityLink(link, task, process));
      }
    }
    Map<String, String> operators = new HashMap<>();
    Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
    for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(id).orderByTimestamp()
        .asc().list()) {
      operations.computeIfAbsent(op.getOperationId(), k -> new ArrayList<>()).add(op);
      if (op.getUserId() != null) operators.put(op.getOperationId(), op.getUserId());
    }
    operations.values().forEach(ops -> entries.add(operation(ops, taskNames, process)));
    for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery().processInstanceId(id)
        .includeInputs().includeOutputs().disableBinaryFetching().disableCustomObjectDeserialization().list()) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      decision.getInputs().forEach(in -> inputs.put(in.getClauseName() != null ? in.getClauseName() : in.getClauseId(),
          value(in.getValue())));
      List<Map<String, Object>> outputs = new ArrayList<>();
      Map<Integer, Map<String, Object>> byRule = new LinkedHashMap<>();
      decision.getOutputs().forEach(out -> byRule.computeIfAbsent(out.getRuleOrder(), r -> new LinkedHashMap<>())
          .put(out.getVariableName() != null ? out.getVariableName() : out.getClauseName(), value(out.getValue())));
      outputs.addAll(byRule.values());
      entries.add(new Entry(instant(decision.getEvaluationTime()), "DECISION", decision.getUserId(), process,
          decision.getActivityId(), "Decision " + decision.getDecisionDefinitionKey() + " evaluated",
          details("decision", decision.getDecisionDefinitionKey(), "decisionDefinitionId",
              decision.getDecisionDefinitionId(), "inputs", inputs, "outputs", outputs)));
    }
    Map<String, Object> previous = new HashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
        .disableBinaryFetching().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      Object value = value(update.getValue());
      String key = update.getVariableInstanceId();
      boolean known = previous.containsKey(key);
      Object old = previous.put(key, value);
      String who = Optional.ofNullable(operators.get(update.getUserOperationId()))
          .orElse(update.getTaskId() != null ? assignees.get(update.getTaskId()) : null);
      entries.add(new Entry(instant(update.getTime()), known ? "VARIABLE_CHANGED" : "VARIABLE_SET", who, process,
          activityIds.get(update.getActivityInstanceId()),
          update.getVariableName() + (known ? ": " + text(old) + " → " + text(value) : " = " + text(value)),
          details("variable", update.getVariableName(), "old", known ? old : null, "new", value, "type",
              update.getTypeName(), "taskId", update.getTaskId())));
    }
    return model;
  }

  private static Entry identityLink(HistoricIdentityLinkLog link, HistoricTaskInstance task, String process) {
    boolean add = "add".equalsIgnoreCase(link.getOperationType());
    String kind;
    String summary;
    if ("assignee".equals(link.getType())) {
      boolean claim = add && link.getUserId() != null && link.getUserId().equals(link.getAssignerId());
      kind = add ? claim ? "TASK_CLAIMED" : "TASK_ASSIGNED" : "TASK_UNASSIGNED";
      summary = "\"" + task.getName() + "\" " + (add
          ? claim
              ? "claimed by " + link.getUserId()
              : "assigned to " + link.getUserId()
          : "no longer with " + link.getUserId());
    } else {
      kind = add ? "TASK_OFFERED" : "TASK_WITHDRAWN";
      String to = link.getGroupId() != null ? "group " + link.getGroupId() : link.getUserId();
      summary = "\"" + task.getName() + "\" " + (add ? "offered to " : "withdrawn from ") + to + " (" + link.getType()
          + ")";
    }
    return new Entry(instant(link.getTime()), kind, link.getAssignerId(), process, task.getTaskDefinitionKey(),
        summary, details("taskId", task.getId(), "user", link.getUserId(), "group", link.getGroupId(), "type",
            link.getType()));
  }

  private static Entry operation(List<UserOperationLogEntry> ops, Map<String, String> taskNames, String process) {
    UserOperationLogEntry first = ops.get(0);
    Map<String, Object> changes = new LinkedHashMap<>();
    for (UserOperationLogEntry op : ops) {
      if (op.getProperty() != null) {
        changes.put(op.getProperty(), op.getOrgValue() == null && op.getNewValue() == null
            ? null
            : text(op.getOrgValue()) + " → " + text(op.getNewValue()));
      }
    }
    String on = first.getTaskId() != null && taskNames.containsKey(first.getTaskId())
        ? " on \"" + taskNames.get(first.getTaskId()) + "\""
        : "";
    return new Entry(instant(first.getTimestamp()), "OPERATION", first.getUserId(), process, null,
        first.getOperationType() + " (" + first.getEntityType() + ")" + on + " by " + first.getUserId(),
        details("operation", first.getOperationType(), "entity", first.getEntityType(), "category",
            first.getCategory(), "taskId", first.getTaskId(), "changes", changes));
  }

  /** The SOP page of each user task of the model version. */

  private static String name(ProcessDefinition definition) {
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private static String label(HistoricActivityInstance step) {
    return step.getActivityName() != null ? "\"" + step.getActivityName() + "\"" : step.getActivityId();
  }

  private static Object value(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) return value;
    if (value instanceof Date date) return date.toInstant();
    String text = String.valueOf(value);
    return text.length() > VALUE_LIMIT ? text.substring(0, VALUE_LIMIT) + "…" : text;
  }

  private static String text(Object value) {
    return value == null ? "(none)" : String.valueOf(value);
  }

  private static Instant instant(Object time) {
    if (time == null) return null;
    if (time instanceof Timestamp t) return t.toInstant();
    if (time instanceof Date d) return d.toInstant();
    if (time instanceof java.time.OffsetDateTime o) return o.toInstant();
    return (Instant) time;
  }

  private static Map<String, Object> details(Object... pairs) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) details.put((String) pairs[i], pairs[i + 1]);
    }
    return details;
  }
}
