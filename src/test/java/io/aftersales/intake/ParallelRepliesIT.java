package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 6, promise 3: parallel replies to one case are all recorded and reach the agent; none is a 500. */
class ParallelRepliesIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;
  @Autowired
  TaskService tasks;

  @Test
  void parallelRepliesWhileTheCasesOwnJobsRunAreAllKept() throws Exception {
    ResponseEntity<String> created = post("/api/cases", """
        {"channel":"CHAT","customer":{"name":"Impatient","email":"%s"},"subject":"Many replies","message":"Hello"}"""
        .formatted(uniqueEmail("impatient")), json());
    JsonNode body = json.readTree(created.getBody());
    String number = body.get("caseNumber").asText();
    HttpHeaders token = json();
    token.set("X-Case-Token", body.get("accessToken").asText());

    // At once, right after the case opened.
    List<ResponseEntity<String>> answers = inParallel(8, i -> post("/api/cases/" + number + "/messages",
        "{\"channel\":\"CHAT\",\"message\":\"Reply number " + i + "\"}", token));

    for (ResponseEntity<String> answer : answers) {
      assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }
    assertThat(count("select count(*) from aftersales.case_message m join aftersales.service_case c on c.id = m.case_id"
        + " where c.case_number = ? and m.direction = 'INBOUND' and m.body like 'Reply number %'", number))
        .isEqualTo(8);
    await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("UserTask_HandleCustomerReply").count() == 8);
  }
}
