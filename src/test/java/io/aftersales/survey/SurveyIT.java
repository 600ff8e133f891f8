package io.aftersales.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A case resolves, the survey mail arrives with one link per score, the page's API takes the answer and lets it be
 * changed; an unhappy answer gives the team leads one recovery task; forged and expired links are refused; no second
 * survey to the same customer within the quiet period.
 */
class SurveyIT extends IntegrationTestSupport {
  private static final Pattern LINK =
      Pattern.compile("(\\d) – [a-z ]+: (\\S+/survey\\.html#t=([A-Za-z0-9_-]+)&score=\\d)");

  @Autowired
  ObjectMapper json;

  @org.junit.jupiter.api.extension.RegisterExtension
  final io.aftersales.TasklistBrowsers browsers = new io.aftersales.TasklistBrowsers(() -> rest.getRootUri(),
      DEMO_PASSWORD);

  private record Closed(String caseNumber, String caseToken) {}

  private Closed resolvedCase(String email, String subject) throws Exception {
    JsonNode opened = json.readTree(post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"Survey Customer","email":"%s"},"subject":"%s",
         "message":"Where can I find the manual?"}""".formatted(email, subject), json()).getBody());
    String number = opened.get("caseNumber").asText();
    String review = await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(number, "UserTask_ReviewCase", "anna"),
        java.util.Optional::isPresent).orElseThrow();
    claimAndComplete(review, "anna", Map.of("requestType", "INFORMATION", "priority", "LOW", "firstAnswer",
        "The manual is on our website under Downloads."));
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(jdbc.queryForObject(
        "select status from aftersales.service_case where case_number = ?", String.class, number)));
    return new Closed(number, opened.get("accessToken").asText());
  }

  private HttpHeaders survey(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (token != null) headers.set("X-Survey-Token", token);
    return headers;
  }

  private ResponseEntity<String> answer(String token, String body) {
    return rest.exchange("/api/survey", HttpMethod.PUT, new HttpEntity<>(body, survey(token)), String.class);
  }

  @Test
  void aResolvedCaseIsRatedFromTheMailAndAnUnhappyAnswerReachesTheTeamLeads() throws Exception {
    String email = uniqueEmail("survey");
    Closed c = resolvedCase(email, "Manual lost");

    MimeMessage mail = awaitMail(email, "[" + c.caseNumber() + "]", 3).stream().filter(m -> {
      try {
        return ((String) m.getContent()).contains("How satisfied are you");
      } catch (Exception e) {
        return false;
      }
    }).findFirst().orElseThrow();
    String text = (String) mail.getContent();
    Matcher links = LINK.matcher(text);
    String token = null;
    int found = 0;
    while (links.find()) {
      found++;
      assertThat(links.group(2)).endsWith("&score=" + links.group(1));
      token = links.group(3);
    }
    assertThat(found).isEqualTo(5);
    // The thread keeps the mail without the links (they are the customer's alone).
    assertThat(count("select count(*) from aftersales.case_message m join aftersales.service_case c on c.id = m.case_id"
        + " where c.case_number = ? and m.body like '%rating links are in the email only%'", c.caseNumber())).isOne();
    assertThat(count("select count(*) from aftersales.case_message m join aftersales.service_case c on c.id = m.case_id"
        + " where c.case_number = ? and m.body like '%survey.html%'", c.caseNumber())).isZero();

    JsonNode open = json.readTree(rest.exchange("/api/survey", HttpMethod.GET, new HttpEntity<>(survey(token)),
        String.class).getBody());
    assertThat(open.get("caseNumber").asText()).isEqualTo(c.caseNumber());
    assertThat(open.get("status").asText()).isEqualTo("OPEN");

    // Bad input names the field; nothing is stored.
    ResponseEntity<String> bad = answer(token, "{\"score\":7,\"solved\":true}");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("\"field\":\"score\"");
    assertThat(answer(token, "{\"score\":3}").getBody()).contains("\"field\":\"solved\"");

    // Unhappy: stored, and one recovery task for the team leads.
    ResponseEntity<String> unhappy =
        answer(token, "{\"score\":2,\"solved\":false,\"comment\":\"Nobody called back.\"}");
    assertThat(unhappy.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(unhappy.getBody()).get("status").asText()).isEqualTo("ANSWERED");
    String recovery = taskOf(c.caseNumber(), "UserTask_RecoverService", "tara").orElseThrow();
    assertThat(taskOf(c.caseNumber(), "UserTask_RecoverService", "anna")).as("team leads' work").isEmpty();
    // Changed on the same page while valid: kept, and no second recovery.
    assertThat(answer(token, "{\"score\":4,\"solved\":true}").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForMap("select score, solved, status from aftersales.survey where token_hash = ?",
        Surveys.hash(token))).containsEntry("score", 4).containsEntry("solved", true)
        .containsEntry("status", "ANSWERED");
    assertThat(count("select count(*) from act_ru_task where task_def_key_ = 'UserTask_RecoverService'"
        + " and proc_inst_id_ in (select id_ from act_ru_execution where business_key_ = ?)", c.caseNumber())).isOne();
    claimAndComplete(recovery, "tara", Map.of("recoveryNote", "Called the customer and sent the manual by post."));
    // What the team lead did is kept with the survey, in our table.
    assertThat(jdbc.queryForMap("select recovery_note, recovered_by from aftersales.survey where token_hash = ?",
        Surveys.hash(token))).containsEntry("recovery_note", "Called the customer and sent the manual by post.")
        .containsEntry("recovered_by", "tara");

    // The status page reads and answers the same survey with the case's token.
    HttpHeaders caseToken = new HttpHeaders();
    caseToken.set("X-Case-Token", c.caseToken());
    assertThat(json.readTree(get("/api/cases/" + c.caseNumber() + "/survey", caseToken).getBody()).get("score")
        .asInt()).isEqualTo(4);

    // A forged link finds nothing; an expired one is refused politely.
    ResponseEntity<String> forged = answer("forged-" + token.substring(7), "{\"score\":5,\"solved\":true}");
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(forged.getBody()).contains("not valid");
    assertThat(answer(null, "{\"score\":5,\"solved\":true}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    jdbc.update("update aftersales.survey set expires_at = now() - interval '1 minute' where token_hash = ?",
        Surveys.hash(token));
    ResponseEntity<String> expired = answer(token, "{\"score\":5,\"solved\":true}");
    assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(expired.getBody()).contains("This survey has closed");
    assertThat(jdbc.queryForObject("select score from aftersales.survey where token_hash = ?", Integer.class,
        Surveys.hash(token))).isEqualTo(4);

    // The same customer's next resolved case within the quiet period: no second survey.
    Closed next = resolvedCase(email, "Second question");
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
    assertThat(count("select count(*) from aftersales.survey s join aftersales.service_case c on c.id = s.case_id"
        + " where c.case_number = ?", next.caseNumber())).isZero();

    // The audit trail keeps the answers.
    assertThat(get("/api/audit/cases/" + c.caseNumber(), jsonAs("audrey")).getBody()).contains("SURVEY_ANSWERED");
  }

  /** The customer clicks "2" in the mail: the page opens with that score chosen; one more click sends it. */
  @Test
  void oneClickFromTheMailOpensThePageWithTheScoreChosen() throws Exception {
    String email = uniqueEmail("survey-browser");
    Closed c = resolvedCase(email, "Lid missing");
    String text = await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email, "[" + c.caseNumber() + "]")
        .stream().map(m -> {
          try {
            return (String) m.getContent();
          } catch (Exception e) {
            return "";
          }
        }).filter(t -> t.contains("How satisfied are you")).findFirst(), java.util.Optional::isPresent).orElseThrow();
    Matcher links = LINK.matcher(text);
    String two = null;
    while (links.find())
      if (links.group(1).equals("2")) two = links.group(2);
    String link = two.replaceFirst("^https?://[^/]+", rest.getRootUri());
    var browser = browsers.open("customer");
    browsers.step("survey-page");
    browser.get(link);
    io.aftersales.TasklistBrowsers.waiting(browser)
        .until(d -> d.findElement(org.openqa.selenium.By.id("survey")).isDisplayed());
    assertThat(browser.findElement(org.openqa.selenium.By.id("score-2")).isSelected()).isTrue();
    assertThat(browser.findElement(org.openqa.selenium.By.id("survey-case")).getText()).contains(c.caseNumber());
    browser.findElement(org.openqa.selenium.By.id("solved-no")).click();
    browser.findElement(org.openqa.selenium.By.id("comment")).sendKeys("The lid is still missing.");
    browser.findElement(org.openqa.selenium.By.id("send")).click();
    io.aftersales.TasklistBrowsers.waiting(browser)
        .until(d -> d.findElement(org.openqa.selenium.By.id("saved")).getText().contains("Thank you"));
    assertThat(jdbc.queryForMap("select s.score, s.solved, s.comment from aftersales.survey s join"
        + " aftersales.service_case c on c.id = s.case_id where c.case_number = ?", c.caseNumber()))
        .containsEntry("score", 2).containsEntry("solved", false).containsEntry("comment", "The lid is still missing.");
    // The status page of the closed case shows the same survey with the answer, for customers without email too.
    browser.get(rest.getRootUri() + "/status.html#case=" + c.caseNumber() + "&token=" + c.caseToken());
    io.aftersales.TasklistBrowsers.waiting(browser)
        .until(d -> d.findElement(org.openqa.selenium.By.id("survey")).isDisplayed());
    assertThat(browser.findElement(org.openqa.selenium.By.id("survey-score-2")).isSelected()).isTrue();
    assertThat(browser.findElement(org.openqa.selenium.By.id("stage-title")).getText()).isEqualTo("Closed");
    // Not solved after all: within the reopen period the page offers to write, and writing reopens the case.
    assertThat(browser.findElement(org.openqa.selenium.By.id("reopen-note")).isDisplayed()).isTrue();
    browser.findElement(org.openqa.selenium.By.id("reply-message")).sendKeys("The lid is still missing, please help.");
    browser.findElement(org.openqa.selenium.By.id("reply-submit")).click();
    io.aftersales.TasklistBrowsers.waiting(browser).until(d -> "IN_PROGRESS".equals(jdbc.queryForObject(
        "select status from aftersales.service_case where case_number = ?", String.class, c.caseNumber())));
    assertThat(jdbc.queryForObject("select reopen_count from aftersales.service_case where case_number = ?",
        Integer.class, c.caseNumber())).isEqualTo(1);
    assertThat(jdbc.queryForObject("select state from aftersales.sla_clock where metric = 'RESOLUTION' and case_id ="
        + " (select id from aftersales.service_case where case_number = ?)", String.class, c.caseNumber()))
        .as("resolution runs again").isEqualTo("RUNNING");
    // A forged link: the page says so politely.
    browser.get(rest.getRootUri() + "/survey.html#t=forged&score=5");
    io.aftersales.TasklistBrowsers.waiting(browser)
        .until(d -> d.findElement(org.openqa.selenium.By.id("refused")).isDisplayed());
    assertThat(browser.findElement(org.openqa.selenium.By.id("refused-text")).getText()).contains("not valid");
  }
}
