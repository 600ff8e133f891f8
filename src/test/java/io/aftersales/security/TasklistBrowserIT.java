package io.aftersales.security;

import static io.aftersales.TasklistBrowsers.MY_TASKS;
import static io.aftersales.TasklistBrowsers.filterNames;
import static io.aftersales.TasklistBrowsers.openTask;
import static io.aftersales.TasklistBrowsers.selectFilter;
import static io.aftersales.TasklistBrowsers.waiting;
import static io.aftersales.security.IdentitySetup.OVERDUE_FILTER;
import static io.aftersales.security.IdentitySetup.UNASSIGNED_FILTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.TasklistBrowsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CVE-2026-109432 closed in the engine must not break Tasklist: in a real browser (Debian's chromium), a work group
 * still lists its tasks through its filter, searches them (Tasklist sends every search as an extending query of the
 * filter, "any of" searches as {@code orQueries}), claims one and finds it under "My tasks", whose stored
 * {@code ${currentUser()}} still evaluates; another group sees none of it.
 */
class TasklistBrowserIT extends IntegrationTestSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CUSTOMER_CARE = "Customer care (CRM front end)";
  private static final String WAREHOUSE = "Warehouse";
  private static final By TASK_LINKS = By.cssSelector("[cam-tasks] .tasks-list li.task h4.task a");
  private static final By NO_MATCHING_TASK = By.cssSelector("[cam-tasks] .well");
  private static final By ERRORS = By.cssSelector(
      ".notifications .alert-danger, .notifications .alert-error, [cam-tasks] .alert-danger, .task-filters .alert-danger");

  @RegisterExtension
  final TasklistBrowsers tasklist = new TasklistBrowsers(() -> rest.getRootUri(), DEMO_PASSWORD);

  @Autowired
  ObjectMapper json;

  @Test
  void aWorkGroupListsSearchesAndClaimsItsTasksInTasklist() throws Exception {
    String token = UUID.randomUUID().toString().substring(0, 8);
    String subjectA = "Blender jar cracked " + token;
    String subjectB = "Kettle lid loose " + token;
    // Case A: a warranty claim for an electrical appliance, which the triage makes HIGH priority.
    String caseA = openCase("Li Wei", subjectA, ",\"requestType\":\"WARRANTY\",\"productSku\":\"SA-BLEND-900\"");
    String caseB = openCase("Ada Berg", subjectB, "");
    String taskA = await().atMost(WAIT).until(() -> taskOf(caseA, "UserTask_ReviewCase", "anna"), o -> o.isPresent())
        .orElseThrow();
    String taskB = await().atMost(WAIT).until(() -> taskOf(caseB, "UserTask_ReviewCase", "anna"), o -> o.isPresent())
        .orElseThrow();

    // 1. anna logs in through Tasklist's login form and sees her group's filter, not the warehouse's.
    tasklist.step("1-login-anna");
    WebDriver anna = tasklist.login("anna");
    assertThat(filterNames(anna)).contains(CUSTOMER_CARE, MY_TASKS).doesNotContain(WAREHOUSE, "All open tasks");
    // Camunda 7 CE's end-of-life banner is hidden by our user styles (the page loaded them, so it is in the DOM).
    assertThat(anna.findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty()
        .noneMatch(WebElement::isDisplayed);

    // 2. Her group's filter lists both new cases' tasks; the one opened is case A's, with its case number and subject.
    tasklist.step("2-customer-care-filter");
    selectFilter(anna, CUSTOMER_CARE);
    awaitTasks(anna, ids -> ids.containsAll(List.of(taskA, taskB)), "both cases' review tasks");
    // Each card says what the work is: case number, customer, subject and priority (TaskCards grants the candidate
    // group READ on the case's process instance, so the engine embeds the filter's variables for anna too).
    waiting(anna).withMessage(() -> "case A's card shows its case, customer, subject and priority").until(d -> {
      String card = card(d, taskA);
      return card.contains(caseA) && card.contains("Li Wei") && card.contains(subjectA) && card.contains("HIGH")
          && card.contains("75");
    });
    assertThat(card(anna, taskB)).contains(caseB, "Ada Berg", subjectB);
    // The task's priority follows the case's: HIGH is 75, NORMAL 50 (Tasklist sorts and shows it).
    assertThat(json.readTree(get("/engine-rest/task/" + taskA, jsonAs("anna")).getBody()).path("priority").asInt())
        .isEqualTo(75);
    assertThat(json.readTree(get("/engine-rest/task/" + taskB, jsonAs("anna")).getBody()).path("priority").asInt())
        .isEqualTo(50);
    openTask(anna, taskA);
    awaitFormField(anna, "caseNumber", caseA);
    awaitFormField(anna, "subject", subjectA);

    // 3. Tasklist's search box: a process variable search narrows the list (the filter's extending query), two
    //    criteria must all match (none does), then any may match (orQueries): the guard lets each through.
    tasklist.step("3-search");
    searchProcessVariable(anna, "Case (caseNumber)", caseA);
    awaitTasks(anna, ids -> ids.equals(List.of(taskA)), "only case A's task, found by its case number");
    searchProcessVariable(anna, "Subject (subject)", subjectB);
    awaitNoTask(anna, "no task with case A's number and case B's subject");
    WebElement matchType = anna.findElement(By.cssSelector("[cam-widget-search] .match-any button"));
    assertThat(matchType.getText()).isEqualToIgnoringCase("all");
    matchType.click();
    waiting(anna).until(d -> d.findElement(By.cssSelector("[cam-widget-search] .match-any button")).getText()
        .equalsIgnoreCase("any"));
    awaitTasks(anna, ids -> Set.copyOf(ids).equals(Set.of(taskA, taskB)), "case A's and case B's tasks (any of)");
    assertNoErrorShown(anna);

    // 4. anna claims case A's task in the UI; "My tasks" (stored ${currentUser()}) lists it, not the unclaimed one.
    tasklist.step("4-claim-and-my-tasks");
    openTask(anna, taskA);
    awaitFormField(anna, "caseNumber", caseA);
    waiting(anna).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task] button.claim")))
        .click();
    waiting(anna)
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] button.claim")));
    await().atMost(WAIT).untilAsserted(() -> assertThat(json.readTree(
        get("/engine-rest/task/" + taskA, jsonAs("anna")).getBody()).path("assignee").asText()).isEqualTo("anna"));
    while (!anna.findElements(By.cssSelector("[cam-widget-search-pill] a.remove-search")).isEmpty()) {
      int pills = anna.findElements(By.cssSelector("[cam-widget-search-pill]")).size();
      anna.findElements(By.cssSelector("[cam-widget-search-pill] a.remove-search")).get(0).click();
      waiting(anna).until(d -> d.findElements(By.cssSelector("[cam-widget-search-pill]")).size() < pills);
    }
    awaitTasks(anna, ids -> ids.containsAll(List.of(taskA, taskB)), "the unsearched filter again");
    selectFilter(anna, MY_TASKS);
    awaitTasks(anna, ids -> ids.contains(taskA) && !ids.contains(taskB), "the claimed task only, under My tasks");
    assertNoErrorShown(anna);

    // The task's SOP opens as a page, in the same Tasklist session: no second login, no Markdown source.
    tasklist.step("4b-sop");
    anna.get(rest.getRootUri() + "/sop/cases/review-case.md");
    waiting(anna).until(d -> !d.findElements(By.cssSelector("article h1")).isEmpty());
    assertThat(anna.findElement(By.cssSelector("article h1")).getText()).contains("Review case");
    assertThat(anna.findElements(By.cssSelector("article table"))).as("the SOP's tables as tables").isNotEmpty();
    assertThat(anna.findElement(By.tagName("body")).getText()).doesNotContain("| ---");
    // Back in Tasklist, she is still logged in: reading the SOP did not touch her session.
    anna.get(rest.getRootUri() + "/camunda/app/tasklist/");
    waiting(anna).withMessage(() -> "anna's filters, without logging in again")
        .until(d -> filterNames(d).contains(CUSTOMER_CARE));

    // Team leads' views: "Unassigned" lists what nobody has claimed, "Overdue" what is past its due date.
    assertThat(card(taskB, "tara", UNASSIGNED_FILTER)).containsEntry("caseNumber", caseB);
    assertThat(card(taskA, "tara", UNASSIGNED_FILTER)).as("claimed by anna").isEmpty();
    assertThat(card(taskB, "tara", OVERDUE_FILTER)).as("no due date yet").isEmpty();
    // A team lead may move a task's due date (Tasklist's "Set due date", TASK_ASSIGN; recorded in the trail).
    var task = json.readTree(get("/engine-rest/task/" + taskB, jsonAs("tara")).getBody());
    String due = json.createObjectNode().put("name", task.get("name").asText())
        .put("priority", task.get("priority").asInt()).put("due", "2020-01-01T09:00:00.000+0000").toString();
    var set = rest.exchange("/engine-rest/task/" + taskB, org.springframework.http.HttpMethod.PUT,
        new org.springframework.http.HttpEntity<>(due, jsonAs("tara")), String.class);
    assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(204);
    assertThat(card(taskB, "tara", OVERDUE_FILTER)).containsEntry("caseNumber", caseB);
    assertThat(card(taskB, "anna", CUSTOMER_CARE)).as("anna's own filter still has it").isNotEmpty();

    // 4c. The team lead reassigns anna's task to chris in Tasklist: she looks him up by his user id.
    tasklist.step("4c-team-lead-reassigns");
    WebDriver tara = tasklist.login("tara");
    selectFilter(tara, "All open tasks");
    openTask(tara, taskA);
    By assignee = By.cssSelector("[cam-tasklist-task-meta] [cam-widget-inline-field][value='assignee.id']");
    waiting(tara).until(ExpectedConditions.elementToBeClickable(assignee)).click();
    By editor = By.cssSelector("[cam-tasklist-task-meta] li.assignee input.form-control");
    WebElement input = waiting(tara).until(ExpectedConditions.visibilityOfElementLocated(editor));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "chris", Keys.ENTER);
    await().atMost(WAIT).untilAsserted(() -> assertThat(json.readTree(
        get("/engine-rest/task/" + taskA, jsonAs("tara")).getBody()).path("assignee").asText()).isEqualTo("chris"));
    assertNoErrorShown(tara);

    // 5. walter (warehouse), in a fresh browser, has his own filter and finds anna's case nowhere.
    tasklist.step("5-walter");
    WebDriver walter = tasklist.login("walter");
    List<String> walterFilters = filterNames(walter);
    assertThat(walterFilters).contains(WAREHOUSE, MY_TASKS).doesNotContain(CUSTOMER_CARE, "All open tasks");
    for (String filter : walterFilters) {
      selectFilter(walter, filter);
      awaitTasks(walter, ids -> true, "the list of " + filter);
      assertThat(taskIds(walter)).as(filter).doesNotContain(taskA, taskB);
    }
    // Not even by its link: Tasklist finds no such task for him.
    walter.get(rest.getRootUri() + "/camunda/app/tasklist/default/#/?task=" + taskA);
    waiting(walter).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notifications .alert")));
    assertThat(walter.findElements(By.cssSelector("[cam-tasklist-task] section.task-card"))).isEmpty();
    assertThat(walter.findElements(By.cssSelector("input[id$='Field_caseNumber']"))).isEmpty();

    // 6. Cockpit is not his: he reads why, in words, with the way back (not a bare error page).
    tasklist.step("6-walter-cockpit");
    walter.get(rest.getRootUri() + "/camunda/app/cockpit/default/");
    waiting(walter).until(d -> d.findElement(By.tagName("body")).getText().contains("You may not open this page"));
    String page = walter.findElement(By.tagName("body")).getText();
    assertThat(page).contains("ask a team lead").contains("Tasklist").doesNotContain("Whitelabel", "\"status\"");
  }

  private String openCase(String name, String subject, String moreFields) throws Exception {
    var created = post("/api/cases", """
        {"channel":"CHAT","customer":{"name":"%s","email":"%s"},"subject":"%s","message":"Can I buy a new one?"%s}"""
        .formatted(name, uniqueEmail(name.split(" ")[0].toLowerCase()), subject, moreFields), json());
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    return json.readTree(created.getBody()).get("caseNumber").asText();
  }

  /** Waits for the task's Camunda Form to show {@code value} in the field of {@code variable}. */
  private void awaitFormField(WebDriver browser, String variable, String value) {
    By field = By.cssSelector("[cam-tasklist-task] input[id$='Field_" + variable + "']");
    waiting(browser).withMessage(() -> "the task form shows " + variable + " = " + value)
        .until(d -> d.findElements(field).stream().anyMatch(f -> value.equals(f.getDomProperty("value"))));
  }

  /**
   * Adds a "Process Variable" search as a user does: types the type into the search box, picks it from the
   * suggestions, picks the variable among the filter's variables, types the value and presses Enter.
   */
  private void searchProcessVariable(WebDriver browser, String variableLabel, String value) {
    int before = browser.findElements(By.cssSelector("[cam-widget-search-pill]")).size();
    WebElement search = browser.findElement(By.cssSelector("[cam-widget-search] input.main-field"));
    search.click();
    search.sendKeys("Process Variable");
    displayed(browser, By.xpath("//ul[starts-with(@id,'typeahead')]/li[normalize-space(.)='Process Variable']"))
        .click();
    waiting(browser).until(d -> d.findElements(By.cssSelector("[cam-widget-search-pill]")).size() == before + 1);
    By pill = By.xpath("(//*[@cam-widget-search-pill])[" + (before + 1) + "]");
    displayed(browser, By.xpath("(//*[@cam-widget-search-pill])[" + (before + 1) + "]//*[contains(@class,'name-field')]"
        + "//ul[starts-with(@id,'typeahead')]/li[normalize-space(.)='" + variableLabel + "']")).click();
    WebElement valueView = browser.findElement(pill).findElement(By.cssSelector(".value-field .view-value"));
    if (valueView.isDisplayed()) valueView.click(); // not yet in edit: open it
    displayed(browser, By.xpath("(//*[@cam-widget-search-pill])[" + (before + 1) + "]"
        + "//*[contains(@class,'value-field')]//input")).sendKeys(value + Keys.ENTER);
    waiting(browser).withMessage(() -> "a valid search " + variableLabel + " = " + value).until(d -> {
      WebElement label = d.findElement(pill).findElement(By.cssSelector(".search-label"));
      return !label.getDomAttribute("class").contains("invalid") && label.getText().contains(value);
    });
  }

  private WebElement displayed(WebDriver browser, By locator) {
    return waiting(browser).withMessage(() -> "displayed: " + locator).until(d -> d.findElements(locator).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** The text of the task's card in the list, with the variables folded under its "more" arrow ("" if not listed). */
  private static String card(WebDriver browser, String taskId) {
    return browser.findElements(By.cssSelector("[cam-tasks] .tasks-list li.task")).stream()
        .filter(li -> li.findElements(By.cssSelector("h4.task a")).stream()
            .anyMatch(a -> String.valueOf(a.getDomAttribute("href")).contains("task=" + taskId)))
        .map(li -> li.getDomProperty("textContent")).findFirst().orElse("");
  }

  private static List<String> taskIds(WebDriver browser) {
    return browser.findElements(TASK_LINKS).stream().map(a -> a.getDomAttribute("href"))
        .map(href -> href.replaceAll(".*[?&]task=([^&]+).*", "$1")).toList();
  }

  /** Waits until the task list has loaded and its tasks satisfy {@code expected}; fails at once on an error. */
  private void awaitTasks(WebDriver browser, Predicate<List<String>> expected, String what) {
    waiting(browser).withMessage(() -> what + "; listed: " + taskIds(browser)).until(d -> {
      assertNoErrorShown(d);
      List<String> ids = taskIds(d);
      boolean loaded = !ids.isEmpty() || d.findElements(NO_MATCHING_TASK).stream().anyMatch(WebElement::isDisplayed);
      return loaded && expected.test(ids);
    });
  }

  private void awaitNoTask(WebDriver browser, String what) {
    waiting(browser).withMessage(() -> what + "; listed: " + taskIds(browser)).until(d -> {
      assertNoErrorShown(d);
      return d.findElements(NO_MATCHING_TASK).stream().anyMatch(WebElement::isDisplayed) && taskIds(d).isEmpty();
    });
  }

  private static void assertNoErrorShown(WebDriver browser) {
    assertThat(browser.findElements(ERRORS).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList())
        .as("error shown by Tasklist").isEmpty();
  }

}
