package io.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Service levels on real PostgreSQL and mail, timers fired by the engine's own job executor: a first reply at risk
 * reaches the team leads (a task and a mail, once) and their task ends when the agent answers in time; a warranty
 * claim waiting for the receipt pauses its resolution until the customer writes; parallel replies owe one next
 * reply; a resolution breach is recorded with its target, reaches the team leads and shows in the case view and the
 * audit trail.
 */
class ServiceLevelsIT extends IntegrationTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;

  private record Opened(String number, long id, String token) {}

  private Opened open(String email, Map<String, Object> extra) throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("channel", "WEB_FORM", "customer", Map.of("name",
        "Clara Clock", "email", email), "subject", "Kettle leaks", "message", "My kettle leaks at the bottom."));
    body.putAll(extra);
    JsonNode created = JSON.readTree(post("/api/cases", JSON.writeValueAsString(body), json()).getBody());
    String number = created.get("caseNumber").asText();
    long id = jdbc.queryForObject("select id from aftersales.service_case where case_number = ?", Long.class, number);
    return new Opened(number, id, created.get("accessToken").asText());
  }

  private Map<String, Object> clock(long caseId, String metric) {
    return jdbc.queryForMap("select * from aftersales.sla_clock where case_id = ? and metric = ? order by id desc"
        + " limit 1", caseId, metric);
  }

  /** Moves the clock's timer to now: the job executor fires it within its idle wait (as after the real wait). */
  private void fire(Map<String, Object> clock, String timer) {
    var job = management.createJobQuery().processInstanceId((String) clock.get("process_instance_id"))
        .activityId(timer).singleResult();
    assertThat(job).as(timer + " of clock " + clock.get("id")).isNotNull();
    management.setJobDuedate(job.getId(), new Date());
  }

  private String awaitTask(String number, String key, String user) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(number, key, user).isPresent());
    return taskOf(number, key, user).orElseThrow();
  }

  @Test
  void aFirstReplyAtRiskReachesTheTeamLeadsOnceAndTheirTaskEndsWhenTheAgentAnswersInTime() throws Exception {
    Opened c = open(uniqueEmail("clara"), Map.of());
    Map<String, Object> first = clock(c.id(), "FIRST_REPLY");
    assertThat(first).containsEntry("state", "RUNNING").containsEntry("policy", "standard")
        .containsEntry("target", "PT1H").containsEntry("calendar", "customer-care");
    assertThat(clock(c.id(), "RESOLUTION")).containsEntry("state", "RUNNING").containsEntry("target", "P5D");

    // The agent's task is due when the first reply is; its card says the service level.
    String review = awaitTask(c.number(), "UserTask_ReviewCase", "anna");
    assertThat(tasks.createTaskQuery().taskId(review).singleResult().getDueDate().toInstant())
        .isEqualTo(((java.sql.Timestamp) first.get("due_at")).toInstant());
    String instance = tasks.createTaskQuery().taskId(review).singleResult().getProcessInstanceId();
    assertThat((String) runtime.getVariable(instance, "serviceLevel")).startsWith("First reply due ");

    fire(first, ServiceLevelClockProcess.INTERMEDIATE_CATCH_EVENT_WARNING_DUE);
    await().atMost(Duration.ofSeconds(20)).until(() -> clock(c.id(), "FIRST_REPLY").get("warned_at") != null);
    String expedite = awaitTask(c.number(), SlaEscalationProcess.USER_TASK_EXPEDITE_CASE, "tara");
    assertThat(tasks.getVariable(expedite, "slaEvent")).isEqualTo("at risk");
    assertThat(tasks.getVariable(expedite, "serviceLevel")).isEqualTo("First reply");
    List<jakarta.mail.internet.MimeMessage> mails = awaitMail("tara@aftersales.local", "[" + c.number()
        + "] First reply at risk", 1);
    assertThat((String) mails.get(0).getContent()).contains("1 hour of business time (customer-care)");
    assertThat((String) runtime.getVariable(instance, "serviceLevel")).startsWith("First reply at risk");

    // Answered in time: the target is met and the team lead's warning task ends by itself.
    claimAndComplete(review, "anna", Map.of("requestType", "INFORMATION", "priority", "NORMAL",
        "firstAnswer", "Hello Clara, please descale it; if it still leaks we replace it."));
    await().atMost(Duration.ofSeconds(30)).until(() -> "STOPPED".equals(clock(c.id(), "FIRST_REPLY").get("state")));
    assertThat(clock(c.id(), "FIRST_REPLY").get("breached_at")).isNull();
    await().atMost(Duration.ofSeconds(10)).until(() -> taskOf(c.number(), SlaEscalationProcess.USER_TASK_EXPEDITE_CASE,
        "tara").isEmpty());
    String escalation = history.createHistoricTaskInstanceQuery().taskId(expedite).singleResult()
        .getProcessInstanceId();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(escalation)
        .activityId(SlaEscalationProcess.END_EVENT_MET_IN_TIME).count()).isEqualTo(1);
    // Information only: the case closes; every customer clock is stopped; one mail per team lead, not more.
    await().atMost(Duration.ofSeconds(30)).until(() -> "STOPPED".equals(clock(c.id(), "RESOLUTION").get("state")));
    assertThat(mailTo("tara@aftersales.local", "[" + c.number() + "]")).hasSize(1);
  }

  @Test
  void waitingForTheReceiptPausesResolutionRepliesOweOneNextReplyAndABreachIsRecordedEverywhere() throws Exception {
    String customer = uniqueEmail("jonas.sla");
    Opened c = open(customer, Map.of("orderNumber", "RT-KAUFHOF-55012", "productSku", "SA-BLEND-900",
        "requestType", "WARRANTY", "subject", "Blender motor smells burnt"));
    claimAndComplete(awaitTask(c.number(), "UserTask_ReviewCase", "anna"), "anna", Map.of("requestType", "WARRANTY",
        "priority", "NORMAL", "firstAnswer", "Hello Jonas, we are checking your warranty now."));

    // The claim waits for the customer's receipt: resolution stands still.
    await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(clock(c.id(), "RESOLUTION").get("state")));
    assertThat(clock(c.id(), "FIRST_REPLY")).containsEntry("state", "STOPPED");
    String waitingInstance = (String) clock(c.id(), "RESOLUTION").get("process_instance_id");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waitingInstance).count()).as("timers halted")
        .isZero();

    // The customer writes six times at once: one next reply is owed, and resolution runs again.
    List<Integer> statuses = inParallel(6, i -> post("/api/cases/" + c.number() + "/messages?token=" + c.token(),
        "{\"message\":\"Receipt attached, message " + i + ".\",\"channel\":\"WEB_FORM\"}", json())
        .getStatusCode().value());
    assertThat(statuses).allMatch(s -> s >= 200 && s < 300);
    assertThat(count("select count(*) from aftersales.sla_clock where case_id = ? and metric = 'NEXT_REPLY'",
        c.id())).isEqualTo(1);
    Map<String, Object> resolution = clock(c.id(), "RESOLUTION");
    assertThat(resolution).containsEntry("state", "RUNNING").containsEntry("paused_count", 1);

    // The resolution target passes: recorded with its time and target, the team leads hear of it.
    fire(resolution, ServiceLevelClockProcess.INTERMEDIATE_CATCH_EVENT_TARGET_DUE);
    await().atMost(Duration.ofSeconds(20)).until(() -> clock(c.id(), "RESOLUTION").get("breached_at") != null);
    String expedite = awaitTask(c.number(), SlaEscalationProcess.USER_TASK_EXPEDITE_CASE, "tara");
    assertThat(tasks.getVariable(expedite, "slaEvent")).isEqualTo("breached");
    awaitMail("tara@aftersales.local", "[" + c.number() + "] Resolution breached", 1);
    claimAndComplete(expedite, "tara", Map.of("expediteNote", "Called Jonas; the receipt is in, claim checked today."));
    assertThat(clock(c.id(), "RESOLUTION")).containsEntry("expedite_note",
        "Called Jonas; the receipt is in, claim checked today.").containsEntry("expedited_by", "tara");

    // The case view and the auditor's trail show the breach.
    JsonNode desk = JSON.readTree(get("/api/desk/cases/" + c.number(), jsonAs("tara")).getBody());
    JsonNode level = java.util.stream.StreamSupport.stream(desk.get("serviceLevels").spliterator(), false)
        .filter(l -> l.get("measure").asText().equals("Resolution")).findFirst().orElseThrow();
    assertThat(level.get("status").asText()).isEqualTo("breached");
    // The triage found a burnt motor urgent enough for the "high" policy: 3 business days.
    assertThat(level.get("target").asText()).isEqualTo(clock(c.id(), "RESOLUTION").get("policy").equals("high")
        ? "3 days of business time (customer-care), policy high"
        : "5 days of business time (customer-care), policy standard");
    String trail = get("/api/audit/cases/" + c.number(), jsonAs("audrey")).getBody();
    assertThat(trail).contains("\"SLA_BREACHED\"").contains("Resolution breached (target P").contains(
        "\"SLA_EXPEDITED\"");
  }
}
