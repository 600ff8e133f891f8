package io.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.cases.ServiceCaseProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Each role against each operation on a live case waiting for customer care's review: allowed (2xx) or refused
 * (403, or 404 where the role may not even know the case). The README's role table is this matrix in words.
 */
class RoleMatrixIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;

  private static final List<String> ROLES = List.of("anna", "tara", "walter", "finn", "otto", "audrey");

  private record Operation(String name, Function<String, ResponseEntity<String>> as, Map<String, Integer> expected) {}

  @Test
  void eachRoleMayDoItsOwnWorkAndNoMore() throws Exception {
    String number = json.readTree(post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"Role Matrix","email":"%s"},"subject":"Matrix","message":"Hello"}"""
        .formatted(uniqueEmail("matrix")), json()).getBody()).get("caseNumber").asText();
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    String review = tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ServiceCaseProcess.USER_TASK_REVIEW_CASE).singleResult().getId();
    String timerJob = management.createJobQuery().processInstanceId(instance).list().stream().findFirst()
        .map(job -> job.getId()).orElse(null);

    List<Operation> operations = new ArrayList<>();
    // Process owners read every case too: they trace how their models run (Cockpit shows the same).
    operations.add(new Operation("read the case (API)", user -> get("/api/cases/" + number, jsonAs(user)),
        Map.of("anna", 200, "tara", 200, "walter", 404, "finn", 404, "otto", 200, "audrey", 200)));
    operations.add(new Operation("see the review task", user -> {
      ResponseEntity<String> list = get("/engine-rest/task?processInstanceBusinessKey=" + number, jsonAs(user));
      return ResponseEntity.status(list.getBody() != null && list.getBody().contains(review) ? 200 : 404).body("");
    }, Map.of("anna", 200, "tara", 200, "walter", 404, "finn", 404, "otto", 404, "audrey", 200)));
    operations.add(new Operation("set a process variable", user -> put("/engine-rest/process-instance/" + instance
        + "/variables/priority", "{\"value\":\"URGENT\"}", jsonAs(user)), denied(403)));
    operations.add(new Operation("set a task variable", user -> put("/engine-rest/task/" + review
        + "/variables/priority", "{\"value\":\"URGENT\"}", jsonAs(user)), denied(403)));
    operations.add(new Operation("suspend the case", user -> put("/engine-rest/process-instance/" + instance
        + "/suspended", "{\"suspended\":true}", jsonAs(user)), denied(403)));
    operations.add(new Operation("move the case (modification)", user -> post("/engine-rest/process-instance/"
        + instance + "/modification",
        """
            {"instructions":[{"type":"startBeforeActivity","activityId":"%s"}]}"""
            .formatted(ServiceCaseProcess.SERVICE_TASK_CLOSE_CASE),
        jsonAs(user)), denied(403)));
    operations.add(new Operation("inject a customer message", user -> post("/engine-rest/message", """
        {"messageName":"%s","businessKey":"%s","processVariables":{"lastCustomerMessage":{"value":"fake"}}}"""
        .formatted(ServiceCaseProcess.MESSAGE_CUSTOMER_REPLIED, number), jsonAs(user)), denied(403)));
    operations.add(new Operation("delete the case", user -> rest.exchange("/engine-rest/process-instance/" + instance,
        org.springframework.http.HttpMethod.DELETE, new org.springframework.http.HttpEntity<>(jsonAs(user)),
        String.class), denied(403)));
    operations.add(new Operation("assign the review to chris", user -> post("/engine-rest/task/" + review
        + "/assignee", "{\"userId\":\"chris\"}", jsonAs(user)),
        Map.of("anna", 403, "tara", 204, "walter", 403, "finn", 403, "otto", 403, "audrey", 403)));
    operations.add(new Operation("claim the review", user -> {
      ResponseEntity<String> claimed = post("/engine-rest/task/" + review + "/claim", "{\"userId\":\"" + user + "\"}",
          jsonAs(user));
      if (claimed.getStatusCode().is2xxSuccessful()) tasks.setAssignee(review, null); // next role starts clean
      return claimed;
    }, Map.of("anna", 204, "tara", 204, "walter", 403, "finn", 403, "otto", 403, "audrey", 403)));
    if (timerJob != null) {
      operations.add(new Operation("retry a step (job retries)", user -> put("/engine-rest/job/" + timerJob
          + "/retries", "{\"retries\":3}", jsonAs(user)),
          Map.of("anna", 403, "tara", 204, "walter", 403, "finn", 403, "otto", 403, "audrey", 403)));
    }

    Map<String, Map<String, Integer>> found = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> wanted = new LinkedHashMap<>();
    for (Operation operation : operations) {
      for (String role : ROLES) {
        tasks.setAssignee(review, null);
        int status = operation.as().apply(role).getStatusCode().value();
        found.computeIfAbsent(operation.name(), k -> new LinkedHashMap<>()).put(role, status);
        wanted.computeIfAbsent(operation.name(), k -> new LinkedHashMap<>()).put(role,
            operation.expected().get(role));
      }
    }
    assertThat(found).isEqualTo(wanted);
    // Nothing of the refused operations happened.
    assertThat(runtime.getVariable(instance, "priority")).isNotEqualTo("URGENT");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isEqualTo(1);
    assertThat(runtime.getVariable(instance, "lastCustomerMessage")).isNotEqualTo("fake");
  }

  private static Map<String, Integer> denied(int status) {
    Map<String, Integer> all = new LinkedHashMap<>();
    for (String role : ROLES)
      all.put(role, status);
    return all;
  }
}
