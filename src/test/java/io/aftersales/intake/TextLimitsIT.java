package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 6, promises 4 and 9: text of any allowed length is kept whole in the case thread (process variables
 * carry excerpts), values the database cannot hold are a 400 naming the field, and a task cannot be completed
 * without what its form requires.
 */
class TextLimitsIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;
  @Autowired
  TaskService taskService;

  private ResponseEntity<String> open(String subject, String message) throws Exception {
    return post("/api/cases", json.writeValueAsString(Map.of("channel", "WEB_FORM",
        "customer", Map.of("name", "Long Writer", "email", uniqueEmail("long")), "subject", subject,
        "message", message)), json());
  }

  private String thread(String caseNumber, int index) {
    return jdbc.queryForObject("select m.body from aftersales.case_message m join aftersales.service_case c"
        + " on c.id = m.case_id where c.case_number = ? and m.direction = 'INBOUND' order by m.id offset ? limit 1",
        String.class, caseNumber, index);
  }

  /** A task's variable as the agent's Tasklist reads it. */
  private String variable(String taskId, String name) throws Exception {
    return json.readTree(get("/engine-rest/task/" + taskId + "/form-variables", jsonAs("anna")).getBody())
        .get(name).get("value").asText();
  }

  @Test
  void aMessageOfTheFullAllowedLengthIsKeptWholeAndVariablesCarryAnExcerpt() throws Exception {
    String message = "x".repeat(19_990) + " END";
    ResponseEntity<String> created = open("Twenty thousand characters", message);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(created.getBody());
    String number = body.get("caseNumber").asText();
    assertThat(thread(number, 0)).isEqualTo(message);
    String task = taskOf(number, "UserTask_ReviewCase", "anna").orElseThrow();
    String excerpt = variable(task, "customerMessage");
    assertThat(excerpt.length()).isLessThanOrEqualTo(1000);
    assertThat(excerpt).contains("full text is on the case thread");

    // A reply of the same length from the status page: kept whole, the reply task gets an excerpt.
    HttpHeaders token = json();
    token.set("X-Case-Token", body.get("accessToken").asText());
    assertThat(post("/api/cases/" + number + "/messages", json.writeValueAsString(Map.of("channel", "WEB_FORM",
        "message", message)), token).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(thread(number, 1)).isEqualTo(message);
    String reply = taskOf(number, "UserTask_HandleCustomerReply", "anna").orElseThrow();
    assertThat(variable(reply, "lastCustomerMessage").length()).isLessThanOrEqualTo(1000);
  }

  @Test
  void valuesTheDatabaseCannotHoldAreABadRequestNamingTheField() throws Exception {
    String subject = "Refused " + UUID.randomUUID();
    record Case(String json, String field) {}
    for (Case bad : List.of(
        new Case("{\"channel\":\"WEB_FORM\",\"customer\":{\"email\":\"a@example.com\"},\"subject\":\"" + subject
            + "\",\"message\":\"nul \\u0000 here\"}", "message"),
        new Case("{\"channel\":\"WEB_FORM\",\"customer\":{\"name\":\"Bell\\u0007\",\"email\":\"a@example.com\"},"
            + "\"subject\":\"" + subject + "\",\"message\":\"hello\"}", "customer.name"),
        new Case(
            "{\"channel\":\"WEB_FORM\",\"customer\":{\"email\":\"a@example.com\"},\"purchaseDate\":\"-4800-01-01\","
                + "\"subject\":\"" + subject + "\",\"message\":\"hello\"}",
            "purchaseDate"),
        new Case("{\"channel\":\"WEB_FORM\",\"customer\":{\"email\":\"a@example.com\"},\"purchaseDate\":\"0001-01-01\","
            + "\"subject\":\"" + subject + "\",\"message\":\"hello\"}", "purchaseDate"))) {
      ResponseEntity<String> refused = post("/api/cases", bad.json(), json());
      assertThat(refused.getStatusCode()).as(bad.json()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json.readTree(refused.getBody()).get("errors").get(0).get("field").asText()).isEqualTo(bad.field());
    }
    assertThat(count("select count(*) from aftersales.service_case where subject = ?", subject)).isZero();
  }

  @Test
  void aTaskCannotBeCompletedWithoutWhatItsFormRequires() throws Exception {
    String number = json.readTree(open("Form check", "Please answer.").getBody()).get("caseNumber").asText();
    String task = taskOf(number, "UserTask_ReviewCase", "anna").orElseThrow();
    claim(task, "anna");
    for (String variables : List.of("{}",
        "{\"requestType\":{\"value\":\"INFORMATION\"},\"priority\":{\"value\":\"LOW\"},\"firstAnswer\":{\"value\":\"too short\"}}",
        "{\"requestType\":{\"value\":\"INFORMATION\"},\"priority\":{\"value\":\"LOW\"},\"firstAnswer\":{\"value\":\""
            + "y".repeat(4001) + "\"}}")) {
      ResponseEntity<String> refused =
          post("/engine-rest/task/" + task + "/complete", "{\"variables\":" + variables + "}",
              jsonAs("anna"));
      assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("firstAnswer");
      assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task stays open").isEqualTo(1);
    }
    assertThat(post("/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"requestType\":{\"value\":\"INFORMATION\"},"
            + "\"priority\":{\"value\":\"LOW\"},\"firstAnswer\":{\"value\":\"Here is the information you asked for.\"}}}",
        jsonAs("anna")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }
}
