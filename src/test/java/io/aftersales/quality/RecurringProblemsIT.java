package io.aftersales.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Warranty claims of one small appliance (threshold 5 within 30 days): four raise nothing; the fifth and sixth,
 * reviewed at the same instant, open exactly one investigation with one alert per person and both join it; a
 * different product's claim stays out; a later claim joins the open investigation without a new alert.
 */
class RecurringProblemsIT extends IntegrationTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  RuntimeService runtime;

  private String product(String name) {
    String sku = "QI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("insert into aftersales.product (sku, name, category, warranty_months) values (?, ?,"
        + " 'SMALL_APPLIANCE', 24)", sku, name);
    return sku;
  }

  private String claim(String sku) throws Exception {
    String number = JSON.readTree(post("/api/cases", JSON.writeValueAsString(Map.of("channel", "WEB_FORM",
        "customer", Map.of("name", "Quality Customer", "email", uniqueEmail("quality")), "productSku", sku,
        "requestType", "WARRANTY", "subject", "Kettle stopped heating", "message", "It stopped heating.")), json())
        .getBody()).get("caseNumber").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(number, "UserTask_ReviewCase", "anna").isPresent());
    return number;
  }

  private String reviewTask(String number) {
    return taskOf(number, "UserTask_ReviewCase", "anna").orElseThrow();
  }

  private static Map<String, Object> review() {
    return Map.of("requestType", "WARRANTY", "priority", "NORMAL", "firstAnswer", "We are checking your kettle.");
  }

  private int investigations(String sku) {
    return count("select count(*) from aftersales.quality_investigation q join aftersales.product p on p.id ="
        + " q.product_id where p.sku = ?", sku);
  }

  @Test
  void similarClaimsOpenExactlyOneInvestigationAndLaterOnesJoinIt() throws Exception {
    String kettle = product("Quality kettle");
    String toaster = product("Quality toaster");
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String number = claim(kettle);
      claimAndComplete(reviewTask(number), "anna", review());
      cases.add(number);
    }
    assertThat(investigations(kettle)).as("4 of 5: no alert yet").isZero();

    // The fifth and sixth claim are reviewed at the same instant: one investigation, both in it.
    String fifth = claim(kettle);
    String sixth = claim(kettle);
    String fifthTask = reviewTask(fifth);
    String sixthTask = reviewTask(sixth);
    claim(fifthTask, "anna");
    claim(sixthTask, "chris");
    List<Integer> done = inParallel(2, i -> complete(i == 0 ? fifthTask : sixthTask, i == 0 ? "anna" : "chris",
        review()).getStatusCode().value());
    assertThat(done).containsOnly(204);
    cases.add(fifth);
    cases.add(sixth);
    assertThat(investigations(kettle)).isEqualTo(1);
    Map<String, Object> investigation = jdbc.queryForMap("select q.* from aftersales.quality_investigation q join"
        + " aftersales.product p on p.id = q.product_id where p.sku = ?", kettle);
    assertThat(investigation).containsEntry("status", "OPEN").containsEntry("request_type", "WARRANTY")
        .containsEntry("threshold", 5).containsEntry("window_days", 30);
    long id = ((Number) investigation.get("id")).longValue();
    assertThat(jdbc.queryForList("select c.case_number from aftersales.quality_investigation_case q join"
        + " aftersales.service_case c on c.id = q.case_id where q.investigation_id = ?", String.class, id))
        .containsExactlyInAnyOrderElementsOf(cases);

    // Supplier management has the investigation; they and the process owners were mailed once each.
    String task = taskOfInvestigation("QI-" + id, "simon");
    assertThat(task).isNotNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("simon@aftersales.local", "Recurring problem: "
        + kettle).size() == 1 && mailTo("otto@aftersales.local", "Recurring problem: " + kettle).size() == 1);

    // A different product's claim stays out; a later kettle claim joins without a new alert.
    String toast = claim(toaster);
    claimAndComplete(reviewTask(toast), "anna", review());
    assertThat(investigations(toaster)).isZero();
    String later = claim(kettle);
    claimAndComplete(reviewTask(later), "anna", review());
    assertThat(investigations(kettle)).isEqualTo(1);
    assertThat(count("select count(*) from aftersales.quality_investigation_case where investigation_id = ?", id))
        .isEqualTo(7);
    Thread.sleep(1500); // the outbox sends within a second: a second alert would show by now
    assertThat(mailTo("simon@aftersales.local", "Recurring problem: " + kettle)).hasSize(1);

    // Investigated, contained, closed: the findings are on the record, and the next claim would start afresh.
    claimAndComplete(task, "simon", Map.of("findings", "Batch 2611: the thermostat fails early."));
    String decide = taskOfInvestigation("QI-" + id, "otto");
    claimAndComplete(decide, "otto", Map.of("containment", "SUPPLIER_CLAIM", "containmentNote",
        "Claim batch 2611 from the supplier."));
    claimAndComplete(taskOfInvestigation("QI-" + id, "simon"), "simon", Map.of("closingFindings",
        "Supplier credited the batch."));
    await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(jdbc.queryForObject(
        "select status from aftersales.quality_investigation where id = ?", String.class, id)));
    assertThat(jdbc.queryForMap("select containment, closed_by, findings from aftersales.quality_investigation where"
        + " id = ?", id)).containsEntry("containment", "SUPPLIER_CLAIM").containsEntry("closed_by", "simon")
        .satisfies(r -> assertThat((String) r.get("findings")).contains("thermostat", "credited"));
  }

  private String taskOfInvestigation(String businessKey, String user) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskIn(businessKey, user) != null);
    return taskIn(businessKey, user);
  }

  private String taskIn(String businessKey, String user) {
    try {
      var tasks = JSON.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + businessKey, jsonAs(user))
          .getBody());
      return tasks.isArray() && !tasks.isEmpty() ? tasks.get(0).get("id").asText() : null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
