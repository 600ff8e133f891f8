package io.aftersales.insight;

import static io.aftersales.TasklistBrowsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.TasklistBrowsers;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The KPIs of a fixture whose numbers are worked out by hand below: four cases of one product in the first week of
 * March 2026 (customer care: Mon-Fri 08-18, Sat 09-13, Berlin; no holidays that week).
 *
 * <pre>
 * A  EMAIL     WARRANTY     Mon 02.03. 09:00, answered 09:30 (30 min; business 30), closed Wed 04.03. 09:00
 *    (calendar 2880 min; business Mon 9 h + Tue 10 h + Wed 1 h = 1200 min); nothing after the answer: one touch.
 *    Clocks: first reply met, resolution met, warehouse step on time. Survey 5, solved.
 * B  CHAT      RETURN       Fri 06.03. 17:30, answered Mon 09.03. 08:30 (3780 min; business 30 + Sat 240 + 30 =
 *    300 min), open. Clocks: first reply breached; resolution breached and running; a logistics step late.
 * C  EMAIL     WARRANTY     Tue 03.03. 10:00, never answered, open.
 * D  WEB_FORM  INFORMATION  Wed 04.03. 12:00, answered 12:10 (10 min), customer wrote again 12:30, closed 14:00
 *    (120 min, business 120), reopened once. Clocks: resolution met. Survey 2, not solved.
 * </pre>
 */
class KpisIT extends IntegrationTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @RegisterExtension
  final TasklistBrowsers browsers = new TasklistBrowsers(() -> rest.getRootUri(), DEMO_PASSWORD);

  private String sku;
  private String tag;

  private static Timestamp berlin(String local) {
    return Timestamp.from(LocalDateTime.parse(local).atZone(BERLIN).toInstant());
  }

  /** Six digits far above the demo's sequence: 9, three random digits, 0, the fixture's letter as a digit. */
  private String number(String suffix) {
    return "SC-2026-9" + tag + "0" + suffix;
  }

  private long insertCase(long customer, long product, String suffix, String channel, String type, String priority,
      String status, String opened, String answered, String closed, int reopens) {
    String number = number(suffix);
    jdbc.update("""
        insert into aftersales.service_case (case_number, source_channel, request_type, priority, status, customer_id,
          product_id, subject, access_token_hash, opened_at, first_answered_at, closed_at, reopen_count)
        values (?, ?, ?, ?, ?, ?, ?, ?, 'x', ?, ?, ?, ?)""", number, channel, type, priority, status, customer, product,
        "KPI fixture " + suffix, berlin(opened), answered == null ? null : berlin(answered),
        closed == null ? null : berlin(closed), reopens);
    return jdbc.queryForObject("select id from aftersales.service_case where case_number = ?", Long.class, number);
  }

  private void clock(long caseId, String metric, String state, String breachedAt, String department) {
    jdbc.update("""
        insert into aftersales.sla_clock (case_id, metric, policy, target, calendar, warning_percent, department,
          state, started_at, due_at, warning_at, breached_at, stopped_at)
        values (?, ?, 'standard', 'PT1H', 'customer-care', 75, ?, ?, ?, ?, ?, ?, ?)""", caseId, metric, department,
        state, berlin("2026-03-02T09:00:00"), berlin("2026-03-02T10:00:00"), berlin("2026-03-02T09:45:00"),
        breachedAt == null ? null : berlin(breachedAt), "STOPPED".equals(state) ? berlin("2026-03-04T09:00:00") : null);
  }

  private long a;
  private long b;
  private long c;
  private long d;

  @BeforeEach
  void fixture() {
    tag = String.valueOf(100 + (int) (Math.random() * 899)).substring(0, 3);
    sku = "KPI-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("insert into aftersales.product (sku, name, category, warranty_months) values (?, 'KPI kettle',"
        + " 'KETTLE', 24)", sku);
    long product = jdbc.queryForObject("select id from aftersales.product where sku = ?", Long.class, sku);
    jdbc.update("insert into aftersales.customer (name, email, type, created_at) values ('KPI', ?, 'CONSUMER', now())",
        uniqueEmail("kpi"));
    long customer = jdbc.queryForObject("select max(id) from aftersales.customer", Long.class);
    a = insertCase(customer, product, "1", "EMAIL", "WARRANTY", "NORMAL", "CLOSED", "2026-03-02T09:00:00",
        "2026-03-02T09:30:00", "2026-03-04T09:00:00", 0);
    b = insertCase(customer, product, "2", "CHAT", "RETURN", "HIGH", "IN_PROGRESS", "2026-03-06T17:30:00",
        "2026-03-09T08:30:00", null, 0);
    c = insertCase(customer, product, "3", "EMAIL", "WARRANTY", "NORMAL", "NEW", "2026-03-03T10:00:00", null, null, 0);
    d = insertCase(customer, product, "4", "WEB_FORM", "INFORMATION", "NORMAL", "CLOSED", "2026-03-04T12:00:00",
        "2026-03-04T12:10:00", "2026-03-04T14:00:00", 1);
    jdbc.update("insert into aftersales.case_message (case_id, direction, channel, author, body, created_at)"
        + " values (?, 'INBOUND', 'WEB_FORM', 'customer', 'Still?', ?)", d, berlin("2026-03-04T12:30:00"));
    jdbc.update("update aftersales.service_case set last_inbound_at = ? where id = ?", berlin("2026-03-04T12:30:00"),
        d);
    clock(a, "FIRST_REPLY", "STOPPED", null, null);
    clock(a, "RESOLUTION", "STOPPED", null, null);
    clock(a, "OLA", "STOPPED", null, "warehouse");
    clock(b, "FIRST_REPLY", "STOPPED", "2026-03-06T18:30:00", null);
    clock(b, "RESOLUTION", "RUNNING", "2026-03-13T17:30:00", null);
    clock(b, "OLA", "RUNNING", "2026-03-10T12:00:00", "logistics");
    clock(d, "RESOLUTION", "STOPPED", null, null);
    survey(a, customer, 5, true);
    survey(d, customer, 2, false);
  }

  private void survey(long caseId, long customer, int score, boolean solved) {
    jdbc.update("""
        insert into aftersales.survey (case_id, customer_id, round, token_hash, status, offered_at, expires_at, score,
          solved, answered_at, changed_at) values (?, ?, 1, ?, 'ANSWERED', ?, ?, ?, ?, ?, ?)""", caseId, customer,
        UUID.randomUUID().toString().replace("-", ""), berlin("2026-03-05T09:00:00"), berlin("2026-04-02T09:00:00"),
        score, solved, berlin("2026-03-05T10:00:00"), berlin("2026-03-05T10:00:00"));
  }

  private JsonNode kpis(String query) throws Exception {
    var response = get("/api/insight/kpis?from=2026-03-02&to=2026-03-08&product=" + sku + query, jsonAs("tara"));
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return JSON.readTree(response.getBody());
  }

  @Test
  void theKpisOfAKnownWeekAreTheOnesWorkedOutByHand() throws Exception {
    JsonNode r = kpis("");
    JsonNode cases = r.get("cases");
    assertThat(cases.get("opened").asInt()).isEqualTo(4);
    assertThat(cases.get("closed").asInt()).isEqualTo(2);
    assertThat(cases.get("answered").asInt()).isEqualTo(3);
    assertThat(cases.get("resolutionRate").asDouble()).isEqualTo(0.5);
    assertThat(cases.get("reopenRate").asDouble()).isEqualTo(0.5);
    assertThat(cases.get("oneTouchShare").asDouble()).isEqualTo(0.5);

    JsonNode first = r.get("firstReply");
    assertThat(first.get("count").asInt()).isEqualTo(3);
    assertThat(first.get("medianMinutes").asDouble()).isEqualTo(30.0);
    assertThat(first.get("averageMinutes").asDouble()).isEqualTo(1273.33);
    assertThat(first.get("businessMedianMinutes").asDouble()).isEqualTo(30.0);
    assertThat(first.get("businessAverageMinutes").asDouble()).as("B waited the weekend: calendar and business differ")
        .isEqualTo(113.33);
    JsonNode resolution = r.get("resolution");
    assertThat(resolution.get("medianMinutes").asDouble()).isEqualTo(1500.0);
    assertThat(resolution.get("businessMedianMinutes").asDouble()).isEqualTo(660.0);

    assertThat(r.get("requestTypes").get(0).get("key").asText()).isEqualTo("WARRANTY");
    assertThat(r.get("requestTypes").get(0).get("share").asDouble()).isEqualTo(0.5);
    assertThat(r.get("products").get(0).get("key").asText()).isEqualTo(sku);

    JsonNode levels = r.get("serviceLevels");
    assertThat(levels.toString()).contains(
        "{\"target\":\"FIRST_REPLY\",\"clocks\":2,\"met\":1,\"breached\":1,\"achievement\":0.5}",
        "{\"target\":\"RESOLUTION\",\"clocks\":3,\"met\":2,\"breached\":1,\"achievement\":0.6667}");
    assertThat(r.get("departments").toString()).contains(
        "{\"department\":\"logistics\",\"steps\":1,\"late\":1,\"achievement\":0.0,\"madeSlaFail\":1}",
        "{\"department\":\"warehouse\",\"steps\":1,\"late\":0,\"achievement\":1.0,\"madeSlaFail\":0}");
    assertThat(r.get("csat").toString()).isEqualTo("{\"offered\":2,\"answered\":2,\"responseRate\":1.0,"
        + "\"satisfied\":1,\"csat\":0.5,\"solvedShare\":0.5}");
    assertThat(r.get("backlogByAge").toString()).contains("{\"age\":\"over 30 days\",\"count\":2}");
    assertThat(r.get("daily").get(0).toString()).isEqualTo("{\"day\":\"2026-03-02\",\"opened\":1,\"closed\":0,"
        + "\"medianFirstReplyMinutes\":30.0}");
  }

  @Test
  void eachFilterChangesTheNumbersAsExpected() throws Exception {
    JsonNode email = kpis("&sourceChannel=email");
    assertThat(email.get("cases").get("opened").asInt()).isEqualTo(2);
    assertThat(email.get("firstReply").get("count").asInt()).isEqualTo(1);
    assertThat(email.get("firstReply").get("medianMinutes").asDouble()).isEqualTo(30.0);
    assertThat(kpis("&requestType=RETURN").get("cases").get("opened").asInt()).isEqualTo(1);
    assertThat(kpis("&priority=HIGH").get("firstReply").get("businessMedianMinutes").asDouble()).isEqualTo(300.0);
    assertThat(kpis("&procedure=none").get("cases").get("opened").asInt()).isEqualTo(4);
    assertThat(kpis("&procedure=warranty-claim").get("cases").get("opened").asInt()).isZero();
    assertThat(kpis("&salesChannel=AMAZON").get("cases").get("opened").asInt()).isZero();
    assertThat(get("/api/insight/kpis?from=2026-03-03&to=2026-03-03&product=" + sku, jsonAs("tara")).getBody())
        .contains("\"opened\":1");

    // The cases behind a number, and the backlog oldest first.
    assertThat(get("/api/insight/cases?from=2026-03-02&to=2026-03-08&set=breached&product=" + sku, jsonAs("tara"))
        .getBody()).contains(number("2")).doesNotContain(number("1"));
    String backlog = get("/api/insight/backlog?product=" + sku, jsonAs("tara")).getBody();
    assertThat(backlog.indexOf(number("3"))).isPositive()
        .isLessThan(backlog.indexOf(number("2")));
    assertThat(backlog).doesNotContain(number("1"));

    // A spreadsheet of the same numbers; wrong parameters are named.
    var csv = get("/api/insight/kpis.csv?from=2026-03-02&to=2026-03-08&product=" + sku, jsonAs("tara"));
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("section,key,measure,value").contains("cases,all,opened,4",
        "firstReply,all,businessMedianMinutes,30.0", "department,logistics,madeSlaFail,1");
    var wrong = get("/api/insight/kpis?from=yesterday", jsonAs("tara"));
    assertThat(wrong.getStatusCode().value()).isEqualTo(400);
    assertThat(wrong.getBody()).contains("\"field\":\"from\"");
    assertThat(get("/api/insight/kpis?sourceChannel=FAX", jsonAs("tara")).getBody()).contains("sourceChannel");
    assertThat(get("/api/insight/kpis?from=2024-01-01&to=2026-03-01", jsonAs("tara")).getStatusCode().value())
        .isEqualTo(400);
    for (String other : new String[]{"anna", "walter", "audrey", "otto"}) {
      assertThat(get("/api/insight/kpis", jsonAs(other)).getStatusCode().value()).as(other).isEqualTo(403);
    }
    assertThat(get("/api/insight/kpis", json()).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void bottlenecksShowTheTimeOfEachStepByVersionWithItsDepartmentAndHeat() throws Exception {
    // A real case reviewed by an agent after a short wait: the review step has a count, a median and a wait.
    String number = JSON.readTree(post("/api/cases", "{\"channel\":\"WEB_FORM\",\"customer\":{\"name\":\"Neck\","
        + "\"email\":\"" + uniqueEmail("neck") + "\"},\"subject\":\"Question\",\"message\":\"Where is it?\"}", json())
        .getBody()).get("caseNumber").asText();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> taskOf(number, "UserTask_ReviewCase", "anna").isPresent());
    claimAndComplete(taskOf(number, "UserTask_ReviewCase", "anna").orElseThrow(), "anna", java.util.Map.of(
        "requestType", "INFORMATION", "priority", "NORMAL", "firstAnswer", "Your parcel is on its way to you."));
    String today = java.time.LocalDate.now(BERLIN).toString();
    JsonNode r = JSON.readTree(get("/api/insight/bottlenecks?procedure=service-case&from=" + today + "&to=" + today,
        jsonAs("tara")).getBody());
    assertThat(r.get("procedure").asText()).isEqualTo("service-case");
    assertThat(r.get("xml").asText()).contains("UserTask_ReviewCase");
    int version = r.get("version").asInt();
    assertThat(r.get("versions").toString()).contains(String.valueOf(version));
    JsonNode reviewStep = java.util.stream.StreamSupport.stream(r.get("steps").spliterator(), false)
        .filter(x -> x.get("activityId").asText().equals("UserTask_ReviewCase") && x.get("version").asInt() == version)
        .findFirst().orElseThrow();
    assertThat(reviewStep.get("department").asText()).isEqualTo("crm-frontend");
    assertThat(reviewStep.get("count").asLong()).isPositive();
    assertThat(reviewStep.get("medianMinutes").asDouble()).isGreaterThanOrEqualTo(0.0);
    assertThat(reviewStep.get("waitingMinutes").isNull()).isFalse();
    assertThat(reviewStep.get("heat").asInt()).isBetween(0, 5);
    assertThat(java.util.stream.StreamSupport.stream(r.get("steps").spliterator(), false)
        .filter(x -> x.get("version").asInt() == version).mapToInt(x -> x.get("heat").asInt()).max().orElse(0))
        .as("the slowest step of the shown version is the hottest").isEqualTo(5);
    var unknown = get("/api/insight/bottlenecks?procedure=payroll", jsonAs("tara"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("procedure");
    assertThat(get("/api/insight/bottlenecks?procedure=service-case&version=x", jsonAs("tara")).getStatusCode()
        .value()).isEqualTo(400);
  }

  @Test
  void theDashboardDrawsItsChartsForATeamLeadAndIsRefusedToOthers() throws Exception {
    WebDriver tara = browsers.login("tara");
    browsers.step("dashboard");
    tara.get(rest.getRootUri() + "/dashboard.html");
    waiting(tara).until(d -> d.findElement(By.id("dashboard")).isDisplayed());
    // Chart.js drew on each canvas (it sets the canvas' size and registers the chart).
    for (String chart : new String[]{"chart-daily", "chart-sla", "chart-departments", "chart-channels", "chart-types",
        "chart-backlog"}) {
      Object drawn = ((org.openqa.selenium.JavascriptExecutor) tara).executeScript(
          "return !!window.Chart.getChart(arguments[0]);", chart);
      assertThat(drawn).as(chart).isEqualTo(true);
    }
    // Filter to the fixture's product and week: the tile shows 4 and its cases are one click away.
    ((org.openqa.selenium.JavascriptExecutor) tara).executeScript(
        "document.getElementById('from').value='2026-03-02'; document.getElementById('to').value='2026-03-08';"
            + "document.querySelector('[name=product]').value=arguments[0];",
        sku);
    tara.findElement(By.cssSelector("#filters button[type=submit]")).click();
    waiting(tara).until(d -> d.findElement(By.cssSelector("[data-kpi='Opened'] .tile-value")).getText().equals("4"));
    tara.findElement(By.cssSelector("[data-kpi='Service levels breached'] .tile-link")).click();
    waiting(tara).until(d -> d.findElement(By.id("drill-cases")).getText().contains(number("2")));
    waiting(tara).until(d -> d.findElement(By.id("backlog")).getText().contains(number("3")));
    // The bottlenecks of a procedure as a coloured diagram and a table.
    waiting(tara).until(d -> !d.findElements(By.cssSelector("#bottleneck-diagram svg")).isEmpty());

    WebDriver anna = browsers.login("anna");
    anna.get(rest.getRootUri() + "/dashboard.html");
    waiting(anna).until(d -> d.findElement(By.id("forbidden")).isDisplayed());
    assertThat(anna.findElement(By.id("dashboard")).isDisplayed()).isFalse();
  }
}
