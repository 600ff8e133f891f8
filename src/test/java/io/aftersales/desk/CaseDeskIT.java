package io.aftersales.desk;

import static io.aftersales.TasklistBrowsers.openTask;
import static io.aftersales.TasklistBrowsers.selectFilter;
import static io.aftersales.TasklistBrowsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.TasklistBrowsers;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The case at a glance: for the group that works it (and team leads and auditors), with thread, customer, order,
 * diagram and the task's SOP; found in one step by number, order or email; one click from the task in Tasklist.
 */
class CaseDeskIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;
  @Autowired
  RuntimeService runtime;

  @RegisterExtension
  final TasklistBrowsers browsers = new TasklistBrowsers(() -> rest.getRootUri(), DEMO_PASSWORD);

  private String openCase(String email, String subject) throws Exception {
    return json.readTree(post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"Desk Customer","email":"%s"},"orderNumber":"EC-100001",
         "productSku":"KW-PAN-28","subject":"%s","message":"The handle of my pan came off after two days."}"""
        .formatted(email, subject), json()).getBody()).get("caseNumber").asText();
  }

  private String reviewTask(String number) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(number, "UserTask_ReviewCase", "anna"),
        Optional::isPresent).orElseThrow();
  }

  @Test
  void staffReadTheCaseAtAGlanceAndFindItInOneStep() throws Exception {
    String email = uniqueEmail("desk");
    String earlier = openCase(email, "Earlier question");
    String number = openCase(email, "Pan handle broken");
    String review = reviewTask(number);

    JsonNode desk = json.readTree(get("/api/desk/cases/" + number, jsonAs("anna")).getBody());
    assertThat(desk.get("caseFacts").get("subject").asText()).isEqualTo("Pan handle broken");
    assertThat(desk.get("customer").get("email").asText()).isEqualTo(email);
    assertThat(desk.get("otherCases").findValuesAsText("caseNumber")).containsExactly(earlier);
    assertThat(desk.get("order").get("orderNumber").asText()).isEqualTo("EC-100001");
    assertThat(desk.get("order").get("salesChannel").asText()).isEqualTo("ECOMMERCE");
    assertThat(desk.get("orderLines").findValuesAsText("sku")).contains("KW-PAN-28");
    assertThat(desk.get("product").get("warrantyMonths").asInt()).isPositive();
    assertThat(desk.get("thread").get(0).get("body").asText()).contains("handle of my pan came off");
    JsonNode process = desk.get("processes").get(0);
    assertThat(process.get("key").asText()).isEqualTo("service-case");
    assertThat(process.get("active").toString()).contains("UserTask_ReviewCase");
    JsonNode task = desk.get("tasks").get(0);
    assertThat(task.get("id").asText()).isEqualTo(review);
    assertThat(task.get("groups").toString()).contains("Customer care (CRM front end)");
    assertThat(task.get("sop").asText()).isEqualTo("/sop/cases/review-case.md");

    // The diagram of its own process, with where it stands; another case's process is not reachable through it.
    String instance = process.get("processInstanceId").asText();
    JsonNode diagram = json.readTree(get("/api/desk/cases/" + number + "/diagrams/" + instance, jsonAs("anna"))
        .getBody());
    assertThat(diagram.get("xml").asText()).contains("bpmndi:BPMNShape", "UserTask_ReviewCase");
    assertThat(diagram.get("active").toString()).contains("UserTask_ReviewCase");
    assertThat(diagram.get("done").toString()).contains("BusinessRuleTask_TriageCase");
    String otherInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(earlier).singleResult()
        .getId();
    assertThat(get("/api/desk/cases/" + number + "/diagrams/" + otherInstance, jsonAs("anna")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(get("/api/desk/tasks/" + review, jsonAs("anna")).getBody()).get("caseNumber").asText())
        .isEqualTo(number);

    // Who reads it: the group working it, team leads, auditors; not the warehouse; not without a login.
    for (String user : new String[]{"tara", "audrey"}) {
      assertThat(get("/api/desk/cases/" + number, jsonAs(user)).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
    assertThat(get("/api/desk/cases/" + number, jsonAs("walter")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/desk/tasks/" + review, jsonAs("walter")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/desk/cases/" + number, new HttpHeaders()).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // One box: the case number, the customer's email, the order number each find it with its open task.
    for (String q : new String[]{number, email, "EC-100001"}) {
      JsonNode hits = json.readTree(get("/api/desk/search?q=" + q, jsonAs("anna")).getBody());
      assertThat(hits.findValuesAsText("caseNumber")).as(q).contains(number);
      assertThat(hits.toString()).as(q).contains(review);
    }
    assertThat(json.readTree(get("/api/desk/search?q=" + email, jsonAs("walter")).getBody())).isEmpty();
    assertThat(get("/api/desk/search?q=", jsonAs("anna")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theCaseIsOneClickFromTheTaskInTasklist() throws Exception {
    String number = openCase(uniqueEmail("desk-browser"), "Pan handle loose");
    String review = reviewTask(number);
    WebDriver anna = browsers.login("anna");
    selectFilter(anna, "Customer care (CRM front end)");
    openTask(anna, review);
    browsers.step("case-tab");
    By caseTab = By.xpath("//*[@cam-tasklist-task]//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Case']");
    waiting(anna).until(ExpectedConditions.elementToBeClickable(caseTab)).click();
    By frame = By.cssSelector("iframe.aftersales-case");
    waiting(anna).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
    waiting(anna).withMessage(() -> "the case view of " + number)
        .until(d -> d.findElement(By.id("case-title")).getText().contains(number));
    assertThat(anna.findElement(By.id("thread")).getText()).contains("handle of my pan came off");
    assertThat(anna.findElement(By.id("order")).getText()).contains("EC-100001");
    // The case's service levels, each with its status and due time.
    assertThat(anna.findElement(By.id("service-levels")).getText()).contains("First reply").contains("Resolution")
        .contains("of business time (customer-care), policy ");
    waiting(anna).withMessage(() -> "the diagram with the review as the current step").until(
        d -> !d.findElements(By.cssSelector("#diagrams svg g.current[data-id='UserTask_ReviewCase']")).isEmpty());
    assertThat(anna.findElement(By.id("login")).isDisplayed()).as("no second login").isFalse();
    // The task's SOP, as a page, beside the case.
    waiting(anna).until(d -> d.findElement(By.id("sop-panel")).isDisplayed());
    waiting(anna).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("sop")));
    waiting(anna).until(d -> !d.findElements(By.cssSelector("article h1")).isEmpty());
    assertThat(anna.findElement(By.cssSelector("article h1")).getText()).contains("Review case");
    anna.switchTo().defaultContent();

    // Tasklist's own header has the search box: the case's number finds it in one step, in a new tab.
    browsers.step("tasklist-search");
    String tasklistTab = anna.getWindowHandle();
    waiting(anna).until(d -> d.findElement(By.cssSelector(".aftersales-case-search input")).isDisplayed());
    anna.findElement(By.cssSelector(".aftersales-case-search input")).sendKeys(number, org.openqa.selenium.Keys.ENTER);
    waiting(anna).until(d -> d.getWindowHandles().size() > 1);
    anna.switchTo().window(anna.getWindowHandles().stream().filter(h -> !h.equals(tasklistTab)).findFirst()
        .orElseThrow());
    waiting(anna).until(d -> d.findElement(By.id("case-title")).getText().contains(number));
    anna.close();
    anna.switchTo().window(tasklistTab);

    // The staff page on its own, in a new tab: one search box finds the case by its number.
    browsers.step("case-page");
    anna.get(rest.getRootUri() + "/case.html");
    waiting(anna).until(d -> d.findElement(By.id("q")).isDisplayed());
    anna.findElement(By.id("q")).sendKeys(number);
    anna.findElement(By.cssSelector("#search button[type=submit]")).click();
    waiting(anna).until(d -> d.findElement(By.id("case-title")).getText().contains(number));
    assertThat(anna.findElement(By.id("tasks")).getText()).contains("Review case");
  }
}
