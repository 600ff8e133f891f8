package io.aftersales.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.TasklistBrowsers;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The auditor's trail of a whole case: a decision, a reassignment by the team lead, a variable the agent changed,
 * mails in and out; found by number, customer and date; as JSON, CSV and a page in Chromium. Only auditors and team
 * leads.
 */
class AuditTrailIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;

  @RegisterExtension
  final TasklistBrowsers browsers = new TasklistBrowsers(() -> rest.getRootUri(), DEMO_PASSWORD);

  /** A closed case: opened by web form, triaged, reassigned by tara to chris, answered and closed by chris. */
  private String closedCase(String email) throws Exception {
    String number = json.readTree(post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"Audit Trail","email":"%s"},"subject":"Where is my manual?",
         "message":"I lost the manual of my kettle =1+1"}""".formatted(email), json()).getBody())
        .get("caseNumber").asText();
    String review = await().atMost(Duration.ofSeconds(30))
        .until(() -> taskOf(number, "UserTask_ReviewCase", "tara"), java.util.Optional::isPresent).orElseThrow();
    assertThat(post("/engine-rest/task/" + review + "/assignee", "{\"userId\":\"chris\"}", jsonAs("tara"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(complete(review, "chris", Map.of("requestType", "INFORMATION", "priority", "LOW", "firstAnswer",
        "Here is the manual as a PDF link.")).getStatusCode().value()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(jdbc.queryForObject(
        "select status from aftersales.service_case where case_number = ?", String.class, number)));
    await().atMost(Duration.ofSeconds(30)).until(() -> count(
        "select count(*) from aftersales.outbound_mail m join aftersales.service_case c on c.id = m.case_id"
            + " where c.case_number = ? and m.status = 'SENT'",
        number) >= 2);
    return number;
  }

  private static List<JsonNode> entries(JsonNode trail, String kind) {
    return StreamSupport.stream(trail.get("entries").spliterator(), false)
        .filter(e -> kind.equals(e.get("kind").asText())).toList();
  }

  @Test
  void theAuditorFindsAClosedCaseAndReadsItsWholeTrail() throws Exception {
    String email = uniqueEmail("audit");
    String number = closedCase(email);

    // Found by customer email, by number, by name, and by the day it was opened; not by another day.
    for (String q : List.of(email, number, "udit Trai")) {
      JsonNode found = json.readTree(rest.exchange("/api/audit/cases?q={q}", org.springframework.http.HttpMethod.GET,
          new org.springframework.http.HttpEntity<>(jsonAs("audrey")), String.class, q).getBody());
      assertThat(found.findValuesAsText("caseNumber")).as(q).contains(number);
    }
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(get("/api/audit/cases?q=" + email + "&from=" + today + "&to=" + today, jsonAs("audrey")).getBody())
        .contains(number);
    assertThat(json.readTree(get("/api/audit/cases?q=" + email + "&from=" + LocalDate.now(ZoneOffset.UTC).plusDays(1),
        jsonAs("audrey")).getBody())).isEmpty();
    ResponseEntity<String> badDate = get("/api/audit/cases?from=yesterday", jsonAs("audrey"));
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody()).contains("\"field\":\"from\"");

    JsonNode trail = json.readTree(get("/api/audit/cases/" + number, jsonAs("audrey")).getBody());
    assertThat(trail.get("caseFacts").get("status").asText()).isEqualTo("CLOSED");
    assertThat(trail.get("models").findValuesAsText("key")).contains("service-case");
    assertThat(trail.get("models").get(0).get("version").asInt()).isPositive();
    // How it arrived, with the customer's own words.
    assertThat(entries(trail, "CASE_OPENED").get(0).get("details").get("originalMessage").asText())
        .isEqualTo("I lost the manual of my kettle =1+1");
    // The triage decision with its inputs and outputs.
    JsonNode decision = entries(trail, "DECISION").get(0);
    assertThat(decision.get("details").get("decision").asText()).isEqualTo("case-triage");
    assertThat(decision.get("details").get("inputs").size()).isPositive();
    assertThat(decision.get("details").get("outputs").size()).isPositive();
    // Offered to customer care, assigned by the team lead to chris, completed by chris.
    assertThat(entries(trail, "TASK_OFFERED")).anyMatch(e -> e.get("summary").asText().contains("crm-frontend"));
    assertThat(entries(trail, "TASK_ASSIGNED")).anyMatch(e -> e.get("who").asText().equals("tara")
        && e.get("summary").asText().contains("assigned to chris"));
    assertThat(entries(trail, "OPERATION")).anyMatch(e -> e.get("who").asText().equals("chris")
        && e.get("details").get("operation").asText().equals("Complete"));
    // The priority the agent changed, old → new, by whom.
    assertThat(entries(trail, "VARIABLE_CHANGED")).anyMatch(e -> e.get("details").get("variable").asText()
        .equals("priority") && e.get("details").get("new").asText().equals("LOW")
        && e.get("who").asText().equals("chris"));
    // Steps with their SOP; mails in and out.
    assertThat(entries(trail, "STEP_ENTERED")).anyMatch(e -> e.get("element").asText().equals("UserTask_ReviewCase")
        && e.get("details").get("sop").asText().equals("/sop/cases/review-case.md"));
    assertThat(entries(trail, "MESSAGE_IN")).isNotEmpty();
    assertThat(entries(trail, "MESSAGE_OUT")).isNotEmpty();
    assertThat(entries(trail, "MAIL_SENT")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(entries(trail, "PROCESS_ENDED")).isNotEmpty();
    // In time order, every entry with a time; the status link's token is not in the trail.
    List<java.time.Instant> times = StreamSupport.stream(trail.get("entries").spliterator(), false)
        .map(e -> java.time.Instant.parse(e.get("at").asText())).toList();
    assertThat(times).isSorted();
    assertThat(trail.toString()).doesNotContain("token=");

    // The same as CSV, one row per entry; a cell a spreadsheet would calculate is defused.
    HttpHeaders csvAs = jsonAs("audrey");
    csvAs.setAccept(List.of(MediaType.parseMediaType("text/csv")));
    ResponseEntity<String> csv = get("/api/audit/cases/" + number + "/trail.csv", csvAs);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo(number + "-trail.csv");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.getBody())).getRecords();
    assertThat(rows).hasSize(trail.get("entries").size());
    assertThat(rows).allMatch(r -> r.get("case_number").equals(number));
    assertThat(rows.stream().map(r -> r.get("kind"))).contains("DECISION", "TASK_ASSIGNED", "VARIABLE_CHANGED");

    // The team lead reads trails too; nobody else.
    assertThat(get("/api/audit/cases/" + number, jsonAs("tara")).getStatusCode()).isEqualTo(HttpStatus.OK);
    for (String user : List.of("anna", "chris", "walter", "finn", "otto")) {
      assertThat(get("/api/audit/cases/" + number, jsonAs(user)).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get("/api/audit/cases?q=" + email, jsonAs(user)).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(get("/api/audit/cases/" + number, new HttpHeaders()).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/api/audit/cases/SC-1999-000001", jsonAs("audrey")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theAuditorReadsTheTrailInHerBrowserAfterLoggingInToCockpit() throws Exception {
    String email = uniqueEmail("audit-browser");
    String number = closedCase(email);
    WebDriver browser = browsers.loginTo("audrey", "cockpit");
    browsers.step("audit page");
    browser.get(rest.getRootUri() + "/audit.html");
    TasklistBrowsers.waiting(browser).until(d -> d.findElement(By.id("q")).isDisplayed());
    browser.findElement(By.id("q")).sendKeys(email);
    browser.findElement(By.cssSelector("#search button[type=submit]")).click();
    browsers.step("trail");
    TasklistBrowsers.waiting(browser).withMessage(() -> "the trail of " + number)
        .until(d -> d.findElement(By.id("trail-title")).getText().contains(number));
    TasklistBrowsers.waiting(browser)
        .until(d -> d.findElements(By.cssSelector("#entries tr[data-kind='DECISION']")).size() > 0);
    assertThat(browser.findElements(By.cssSelector("#entries tr[data-kind='TASK_ASSIGNED']"))).isNotEmpty();
    assertThat(browser.findElement(By.id("entries")).getText()).contains("assigned to chris", "case-triage");
    assertThat(browser.findElement(By.id("csv")).getDomAttribute("href")).endsWith(number + "/trail.csv");
    assertThat(browser.findElement(By.id("login")).isDisplayed()).isFalse();

    // A member of staff outside audit gets the page but no data.
    WebDriver anna = browsers.loginTo("anna", "tasklist");
    anna.get(rest.getRootUri() + "/audit.html#" + number);
    TasklistBrowsers.waiting(anna).until(d -> d.findElement(By.id("forbidden")).isDisplayed());
    assertThat(anna.findElement(By.id("trail")).isDisplayed()).isFalse();
  }
}
