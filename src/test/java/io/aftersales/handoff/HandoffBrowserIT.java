package io.aftersales.handoff;

import static io.aftersales.TasklistBrowsers.MY_TASKS;
import static io.aftersales.TasklistBrowsers.filterNames;
import static io.aftersales.TasklistBrowsers.openTask;
import static io.aftersales.TasklistBrowsers.selectFilter;
import static io.aftersales.TasklistBrowsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.TasklistBrowsers;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * What logistics clicks in Tasklist (a real browser, Debian's chromium) to book a retailer's bulk pickup through
 * outside-system-handoff's {@code UserTask_BookShipment} and its Camunda Form {@code book-shipment}: the form shows
 * case, reference and details, asks for the collection day (a pickup) and not for a label link; a collection day in
 * the past is refused by the task's complete listener with the rule's own words, shown by Tasklist, and the task
 * stays open; a day ahead completes it, and the retailer is mailed carrier, tracking number and collection day.
 */
class HandoffBrowserIT extends IntegrationTestSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String LOGISTICS = "Logistics / shipping";
  private static final By TASK_LINKS = By.cssSelector("[cam-tasks] .tasks-list li.task h4.task a");
  /** Tasklist's notifications (the complete error among them). */
  private static final By ERRORS = By.cssSelector(".notifications .alert-danger, .notifications .alert-error");
  /**
   * The browser's language is en-US (see {@link #loginToTasklist}): form-js's date picker (flatpickr) asks for
   * "mm/dd/yyyy" and, once it has parsed the day, shows it without leading zeros (12/3/2026).
   */
  private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
  private static final By COMPLETE = By.xpath("//*[@cam-tasklist-task]//div[contains(@class,'form-actions')]"
      + "//button[contains(@class,'btn-primary')][normalize-space(.)='Complete']");

  private final ObjectMapper json = new ObjectMapper();
  @RegisterExtension
  final TasklistBrowsers tasklist = new TasklistBrowsers(() -> rest.getRootUri(), DEMO_PASSWORD);

  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService history;

  @Test
  void logisticsBooksARetailersBulkPickupInTasklist() throws Exception {
    // 1. A retailer writes from its own address; the agent reviews it as a return from a retailer: bulk pickup.
    tasklist.step("1-open-bulk-return");
    String token = UUID.randomUUID().toString().substring(0, 8);
    String retailer = "Kaufhaus Nord " + token + " GmbH";
    String email = uniqueEmail("returns.kaufhaus");
    ResponseEntity<String> opened = post("/api/cases",
        """
            {"channel":"WEB_FORM","customer":{"name":"%s","email":"%s"},"productSku":"SA-KETTLE-17",
             "subject":"Defective kettles from our stock %s","message":"Twelve kettles of our stock leak; please take them back."}
            """
            .formatted(retailer, email, token),
        json());
    assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
    String caseNumber = json.readTree(opened.getBody()).get("caseNumber").asText();
    claimAndComplete(awaitTask(caseNumber, "UserTask_ReviewCase", "anna"), "anna", Map.of("requestType", "RETURN",
        "priority", "NORMAL", "retailerSender", true, "firstAnswer", "Hello, we will arrange a pickup of the units."));
    String task = awaitTask(caseNumber, "UserTask_BookShipment", "lisa");
    assertThat(taskService.getVariable(task, "handoffKind")).isEqualTo("PICKUP");
    String reference = (String) taskService.getVariable(task, "handoffReference");
    assertThat(reference).startsWith("RMA-");

    // 2. lisa opens it from her group's filter: case, reference and details are shown; the pickup asks for the
    // collection day, not for a label link.
    tasklist.step("2-open-form");
    WebDriver lisa = tasklist.login("lisa");
    assertThat(filterNames(lisa)).contains(LOGISTICS, MY_TASKS);
    selectFilter(lisa, LOGISTICS);
    openTask(lisa, task);
    awaitFormValue(lisa, "input", "caseNumber", v -> v.equals(caseNumber), caseNumber);
    awaitFormValue(lisa, "input", "handoffReference", v -> v.equals(reference), reference);
    awaitFormValue(lisa, "textarea", "handoffDetails", v -> v.contains("from " + retailer) && v.contains(reference),
        "the retailer's name and the reference");
    for (String readOnly : List.of("caseNumber", "handoffReference")) {
      assertThat(lisa.findElement(field("input", readOnly)).getDomProperty("readOnly")).as(readOnly)
          .isEqualTo("true");
    }
    WebElement collectionDay = displayed(lisa, collectionDateInput());
    assertThat(labelOf(lisa, collectionDay)).contains("Collection day");
    assertThat(lisa.findElements(field("input", "labelUrl")).stream().filter(WebElement::isDisplayed).toList())
        .as("the label link field of a pickup").isEmpty();
    assertThat(lisa.findElements(By.xpath("//*[@cam-tasklist-task]//label[contains(.,'Link to the label')]")).stream()
        .filter(WebElement::isDisplayed).toList()).as("the label link's label").isEmpty();
    assertNoErrorShown(lisa);

    // 3. She claims it, enters carrier, tracking number and a collection day in the past: Tasklist shows the rule.
    tasklist.step("3-past-collection-day");
    claimInTasklist(lisa, task);
    String tracking = "SCH-" + token;
    type(lisa, field("input", "carrier"), "DB Schenker");
    type(lisa, field("input", "trackingNumber"), tracking);
    LocalDate past = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    enterDate(lisa, past);
    complete(lisa);
    String error = waiting(lisa).withMessage("Tasklist shows why the task was not completed").until(d -> d
        .findElements(ERRORS).stream().filter(WebElement::isDisplayed).map(WebElement::getText)
        .filter(t -> !t.isBlank()).findFirst().orElse(null));
    assertThat(error).contains("cannot be in the past").contains(past.toString());
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task stays open").isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("lisa");
    assertThat(taskOf(caseNumber, "UserTask_BookShipment", "lisa")).contains(task);
    assertThat(shipment(caseNumber).get("status")).isEqualTo("REQUESTED");

    // 4. The day after tomorrow: the task is completed, the pickup confirmed and the retailer told.
    tasklist.step("4-future-collection-day");
    dismissNotifications(lisa);
    LocalDate collection = LocalDate.now(ZoneOffset.UTC).plusDays(2);
    enterDate(lisa, collection);
    complete(lisa);
    // Tasklist closes the task and lists it no more, without an error.
    waiting(lisa).withMessage(() -> "Tasklist drops the completed task; listed: " + taskIds(lisa)).until(d -> {
      assertNoErrorShown(d);
      return !taskIds(d).contains(task) && d.findElements(field("input", "caseNumber")).isEmpty();
    });
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    assertThat(taskOf(caseNumber, "UserTask_BookShipment", "lisa")).isEmpty();
    // ServiceTask_ConfirmHandoff runs in its own job: then the shipment is confirmed and the mail goes out.
    HistoricProcessInstance handoff = await().atMost(WAIT).until(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("outside-system-handoff").processInstanceBusinessKey(caseNumber).finished()
        .singleResult(), java.util.Objects::nonNull);
    // What the form sent: the day as the listener stores it, and nothing for the hidden label link.
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(handoff.getId())
        .variableName("collectionDate").singleResult().getValue()).isEqualTo(collection.toString());
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(handoff.getId())
        .variableName("labelUrl").count()).as("labelUrl of a pickup").isZero();
    Map<String, Object> shipment = shipment(caseNumber);
    assertThat(shipment).containsEntry("status", "CONFIRMED").containsEntry("carrier", "DB Schenker")
        .containsEntry("tracking_number", tracking).containsEntry("reference", reference);
    MimeMessage mail = await().atMost(WAIT).until(() -> mailTo(email, "[" + caseNumber + "]").stream()
        .filter(m -> messageId(m).contains(".bulk-pickup-booked.")).findFirst(), Optional::isPresent).orElseThrow();
    assertThat(text(mail)).contains("we have booked the collection").contains("Carrier: DB Schenker")
        .contains("Tracking number: " + tracking).contains("Collection date: " + collection)
        .contains("RMA): " + reference);
  }

  private String awaitTask(String caseNumber, String taskDefinitionKey, String user) {
    return await().atMost(WAIT).until(() -> taskOf(caseNumber, taskDefinitionKey, user), Optional::isPresent)
        .orElseThrow();
  }

  private Map<String, Object> shipment(String caseNumber) {
    return jdbc.queryForMap("select kind, status, carrier, tracking_number, reference from aftersales.shipment"
        + " where case_number = ?", caseNumber);
  }

  private static String messageId(MimeMessage mail) {
    try {
      return String.valueOf(mail.getMessageID());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage mail) {
    try {
      return ((String) mail.getContent()).replace("\r\n", "\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- Tasklist, as TasklistBrowserIT drives it ---

  private static List<String> taskIds(WebDriver browser) {
    return browser.findElements(TASK_LINKS).stream().map(a -> a.getDomAttribute("href"))
        .map(href -> href.replaceAll(".*[?&]task=([^&]+).*", "$1")).toList();
  }

  private void claimInTasklist(WebDriver browser, String taskId) throws Exception {
    By claim = By.cssSelector("[cam-tasklist-task] button.claim");
    waiting(browser).until(ExpectedConditions.elementToBeClickable(claim)).click();
    waiting(browser).until(ExpectedConditions.invisibilityOfElementLocated(claim));
    await().atMost(WAIT).untilAsserted(() -> assertThat(json.readTree(
        get("/engine-rest/task/" + taskId, jsonAs("lisa")).getBody()).path("assignee").asText()).isEqualTo("lisa"));
  }

  /** A field of the task's Camunda Form by its form-js id ({@code Field_<key>}). */
  private static By field(String element, String key) {
    return By.cssSelector("[cam-tasklist-task] " + element + "[id$='Field_" + key + "']");
  }

  /** form-js renders the date of a datetime field as a text input with flatpickr, its id ending in "-date". */
  private static By collectionDateInput() {
    return By.cssSelector("[cam-tasklist-task] input[id*='Field_collectionDate']");
  }

  private void awaitFormValue(WebDriver browser, String element, String key,
      java.util.function.Predicate<String> expected, String what) {
    By locator = field(element, key);
    waiting(browser).withMessage(() -> "the task form shows " + key + ": " + what + "; shows "
        + browser.findElements(locator).stream().map(f -> f.getDomProperty("value")).toList())
        .until(d -> d.findElements(locator).stream().map(f -> f.getDomProperty("value"))
            .anyMatch(v -> v != null && expected.test(v)));
  }

  private static String labelOf(WebDriver browser, WebElement input) {
    return browser.findElements(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']")).stream()
        .map(WebElement::getText).findFirst().orElse("");
  }

  /** Types into an enabled field and waits until it holds exactly the text. */
  private void type(WebDriver browser, By locator, String text) {
    waiting(browser).withMessage(() -> locator + " takes " + text).until(d -> {
      WebElement input = d.findElement(locator);
      if (!input.isDisplayed() || !input.isEnabled()) return false;
      scrollTo(d, input).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(text);
      return text.equals(input.getDomProperty("value"));
    });
  }

  /** Types the day into the date picker as a user does, and confirms it with Enter (flatpickr parses it then). */
  private void enterDate(WebDriver browser, LocalDate day) {
    String typed = TYPED_DATE.format(day);
    waiting(browser).withMessage(() -> "the collection day takes " + typed).until(d -> {
      WebElement input = d.findElement(collectionDateInput());
      if (!input.isDisplayed() || !input.isEnabled()) return false;
      scrollTo(d, input).click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(typed, Keys.ENTER);
      return day.equals(shownDate(input.getDomProperty("value")));
    });
    // Leave the field (flatpickr closes), so form-js has the value before Complete is pressed.
    scrollTo(browser, browser.findElement(field("input", "trackingNumber"))).click();
    waiting(browser).until(d -> d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
  }

  /** Presses Complete, scrolled into view: Tasklist's footer may cover the bottom of the form. */
  private void complete(WebDriver browser) {
    scrollTo(browser, waiting(browser).until(ExpectedConditions.elementToBeClickable(COMPLETE))).click();
  }

  /** Scrolls the element to the middle of its scroll pane, away from Tasklist's fixed header and footer. */
  private static WebElement scrollTo(WebDriver browser, WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  private static LocalDate shownDate(String value) {
    try {
      return value == null || value.isBlank() ? null : LocalDate.parse(value.strip(), SHOWN_DATE);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private void dismissNotifications(WebDriver browser) {
    // Each notification has two close buttons; Tasklist shows its own, not uib-alert's.
    for (WebElement close : browser.findElements(By.cssSelector(".notifications .alert button.close"))) {
      if (close.isDisplayed()) close.click();
    }
    waiting(browser).until(d -> d.findElements(ERRORS).stream().noneMatch(WebElement::isDisplayed));
  }

  private WebElement displayed(WebDriver browser, By locator) {
    return waiting(browser).withMessage(() -> "displayed: " + locator).until(d -> d.findElements(locator).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  private static void assertNoErrorShown(WebDriver browser) {
    assertThat(browser.findElements(ERRORS).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList())
        .as("error shown by Tasklist").isEmpty();
  }

}
