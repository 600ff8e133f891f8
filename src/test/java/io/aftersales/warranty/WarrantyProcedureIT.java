package io.aftersales.warranty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.cases.ServiceCases;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The warranty procedure end to end with the real delegates, on PostgreSQL and a real mail server: cases opened
 * through the public API and reviewed as warranty claims, so service-case calls the procedure; every task worked through the
 * engine REST API by the demo user of its group, then the records and the customer's mails checked.
 */
class WarrantyProcedureIT extends IntegrationTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ServiceCases cases;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService history;

  record Opened(String caseNumber, long caseId, String token) {}

  private Opened openCase(String email, String name, String orderNumber, String sku, String subject, String message)
      throws Exception {
    var response = post("/api/cases", JSON.writeValueAsString(Map.of("channel", "WEB_FORM",
        "customer", Map.of("name", name, "email", email), "orderNumber", orderNumber, "productSku", sku,
        "requestType", "WARRANTY", "subject", subject, "message", message)), json());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = JSON.readTree(response.getBody());
    String number = body.get("caseNumber").asText();
    long id = jdbc.queryForObject("select id from aftersales.service_case where case_number = ?", Long.class, number);
    return new Opened(number, id, body.get("accessToken").asText());
  }

  /** Where the case stands as its customer reads it (the token API behind the status page). */
  private String stageOf(Opened c) throws Exception {
    HttpHeaders token = new HttpHeaders();
    token.set("X-Case-Token", c.token());
    return JSON.readTree(get("/api/cases/" + c.caseNumber(), token).getBody()).path("stage").path("code").asText();
  }

  private void awaitStage(Opened c, String stage) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stageOf(c)).isEqualTo(stage));
  }

  /** The agent reviews the case as a warranty claim; service-case then calls warranty-claim. */
  private void startWarrantyClaim(Opened c, String name, String subject) {
    claimAndComplete(awaitTask(c.caseNumber(), "UserTask_ReviewCase", "anna"), "anna", Map.of(
        "requestType", "WARRANTY", "priority", "NORMAL",
        "firstAnswer", "Hello " + name + ", we are sorry about the " + subject.toLowerCase()
            + ". We are checking your warranty now."));
  }

  private String awaitTask(String caseNumber, String taskKey, String user) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(caseNumber, taskKey, user).isPresent());
    return taskOf(caseNumber, taskKey, user).orElseThrow();
  }

  private MimeMessage awaitMailContaining(String recipient, String caseNumber, String text) {
    await().atMost(Duration.ofSeconds(30)).until(() -> mailWith(recipient, caseNumber, text).isPresent());
    return mailWith(recipient, caseNumber, text).orElseThrow();
  }

  private Optional<MimeMessage> mailWith(String recipient, String caseNumber, String text) {
    return mailTo(recipient, "[" + caseNumber + "]").stream().filter(m -> {
      try {
        return ((String) m.getContent()).contains(text);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst();
  }

  private boolean ended(String key, String caseNumber) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(caseNumber)
        .finished().count() == 1;
  }

  @Test
  void anOwnShopKettleIsReplacedAndItsCostClaimedFromTheSupplier() throws Exception {
    String customer = uniqueEmail("jonas");
    Opened c = openCase(customer, "Jonas Weber", "EC-100002", "SA-KETTLE-17", "Kettle stopped heating",
        "My kettle from last year does not heat any more.");
    int kettlesReserved = count("select reserved from aftersales.stock_item where sku = 'SA-KETTLE-17'");
    awaitStage(c, "RECEIVED");
    startWarrantyClaim(c, "Jonas Weber", "Kettle stopped heating");

    // 14 months after purchase, own shop: covered by the legal guarantee, straight to the assessment.
    String assess = awaitTask(c.caseNumber(), "UserTask_AssessDefect", "anna");
    assertThat(stageOf(c)).isEqualTo("REVIEWING");
    assertThat(taskService.getVariable(assess, "eligibility")).isEqualTo("ELIGIBLE");
    assertThat(taskService.getVariable(assess, "monthsSincePurchase")).isEqualTo(14);
    assertThat(taskOf(c.caseNumber(), "UserTask_AssessDefect", "lisa")).as("logistics does not see it").isEmpty();
    claimAndComplete(assess, "anna", Map.of("remedy", "REPLACEMENT", "defectiveUnit", true,
        "assessmentNotes", "Heating element dead after 14 months, no limescale: manufacturing defect."));
    assertThat(jdbc.queryForMap("select status, remedy, defective_unit, eligibility from aftersales.warranty_claim"
        + " where case_number = ?", c.caseNumber())).containsEntry("status", "ASSESSED")
        .containsEntry("remedy", "REPLACEMENT").containsEntry("defective_unit", true)
        .containsEntry("eligibility", "ELIGIBLE");

    // Logistics ships a reserved kettle and enters the tracking number.
    String ship = awaitTask(c.caseNumber(), "UserTask_BookShipment", "lisa");
    assertThat(stageOf(c)).isEqualTo("SHIPPING");
    assertThat((String) taskService.getVariable(ship, "handoffDetails")).contains("a new Electric kettle 1.7 l",
        "reserved in stock");
    assertThat(count("select reserved from aftersales.stock_item where sku = 'SA-KETTLE-17'"))
        .isEqualTo(kettlesReserved + 1);
    assertThat(count("select count(*) from aftersales.external_request where case_number = ? and system = 'CARRIER'"
        + " and operation = 'REPLACEMENT' and status = 'OPEN' and responsible_group = 'logistics'", c.caseNumber()))
        .isEqualTo(1);
    claimAndComplete(ship, "lisa", Map.of("carrier", "DHL", "trackingNumber", "00340434161094042557"));

    MimeMessage shipped = awaitMailContaining(customer, c.caseNumber(), "00340434161094042557");
    assertThat((String) shipped.getContent()).contains("Hello Jonas Weber").contains("replacement")
        .contains("Electric kettle 1.7 l").contains("DHL");
    // The mail leaves inside the step's transaction; its records are visible once the step commits.
    await().atMost(Duration.ofSeconds(10)).until(() -> "CONFIRMED".equals(jdbc.queryForObject(
        "select status from aftersales.shipment where case_number = ? and kind = 'REPLACEMENT'", String.class,
        c.caseNumber())));
    assertThat(jdbc.queryForMap("select status, carrier, tracking_number from aftersales.shipment"
        + " where case_number = ? and kind = 'REPLACEMENT'", c.caseNumber()))
        .containsEntry("status", "CONFIRMED").containsEntry("tracking_number", "00340434161094042557");
    assertThat(count("select count(*) from aftersales.stock_movement where case_number = ? and sku = 'SA-KETTLE-17'"
        + " and kind in ('RESERVE', 'PICK')", c.caseNumber())).isEqualTo(2);

    // The customer's claim ends; supplier management's claim runs on.
    await().atMost(Duration.ofSeconds(30)).until(() -> ended(WarrantyClaimProcess.KEY, c.caseNumber()));
    // The procedure ended, so the service case closed (the supplier claim runs on by itself).
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(jdbc.queryForObject(
        "select status from aftersales.service_case where case_number = ?", String.class, c.caseNumber())));
    // Closed, and the customer still reads where the parcel is.
    HttpHeaders token = new HttpHeaders();
    token.set("X-Case-Token", c.token());
    JsonNode closed = JSON.readTree(get("/api/cases/" + c.caseNumber(), token).getBody()).path("stage");
    assertThat(closed.path("code").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("trackingNumber").asText()).isEqualTo("00340434161094042557");
    assertThat(jdbc.queryForObject("select status from aftersales.warranty_claim where case_number = ?", String.class,
        c.caseNumber())).isEqualTo("RESOLVED");
    String settle = awaitTask(c.caseNumber(), "UserTask_SettleSupplierClaim", "simon");
    assertThat(taskService.getVariable(settle, "supplierName")).isEqualTo("Shenzhen Home Appliances Ltd.");
    assertThat(
        jdbc.queryForMap("select status, sku, quantity, reason from aftersales.supplier_claim where case_number = ?",
            c.caseNumber()))
        .containsEntry("status", "FILED").containsEntry("sku", "SA-KETTLE-17")
        .containsEntry("quantity", 1);
    claimAndComplete(settle, "simon", Map.of("amountRecovered", 35.0, "settlementNotes", "Credit note CN-5521"));

    await().atMost(Duration.ofSeconds(30)).until(() -> ended(SupplierClaimProcess.KEY, c.caseNumber()));
    var claim = jdbc.queryForMap("select status, amount_recovered, external_request_id from aftersales.supplier_claim"
        + " where case_number = ?", c.caseNumber());
    assertThat(claim.get("status")).isEqualTo("SETTLED");
    assertThat(((java.math.BigDecimal) claim.get("amount_recovered")).doubleValue()).isEqualTo(35.0);
    assertThat(
        jdbc.queryForMap("select status, responsible_group, system from aftersales.external_request where id = ?",
            claim.get("external_request_id")))
        .containsEntry("status", "DONE")
        .containsEntry("responsible_group", "supplier-management").containsEntry("system", "SUPPLIER_PORTAL");
  }

  @Test
  void aRetailCustomerIsAskedForTheReceiptAndTheReplyReachesTheAgent() throws Exception {
    String customer = uniqueEmail("jonas");
    Opened c = openCase(customer, "Jonas Weber", "RT-KAUFHOF-55012", "SA-BLEND-900", "Blender motor smells burnt",
        "Bought at Kaufhaus Demo; the motor smells burnt and stops.");
    startWarrantyClaim(c, "Jonas Weber", "Blender motor smells burnt");

    // Retailer: the shop's receipt is missing; the customer is asked for it.
    MimeMessage request = awaitMailContaining(customer, c.caseNumber(), "shop's receipt");
    assertThat((String) request.getContent()).contains("photos that show the defect").contains("Blender 900 W");
    await().atMost(Duration.ofSeconds(10)).until(() -> "AWAITING_DOCUMENTS".equals(jdbc.queryForObject(
        "select status from aftersales.warranty_claim where case_number = ?", String.class, c.caseNumber())));
    // The status page says what we wait for, in the customer's words.
    awaitStage(c, "WAITING_FOR_DOCUMENTS");

    // The customer answers on the status page (by API with the access token): the claim moves on.
    var reply = post("/api/cases/" + c.caseNumber() + "/messages?token=" + c.token(),
        "{\"message\":\"Receipt from Kaufhaus Demo sent by email, bought in March.\",\"channel\":\"WEB_FORM\"}",
        json());
    assertThat(reply.getStatusCode().is2xxSuccessful()).isTrue();
    String check = awaitTask(c.caseNumber(), "UserTask_CheckDocuments", "anna");
    assertThat(stageOf(c)).isEqualTo("REVIEWING");
    assertThat(taskService.getVariable(check, "lastCustomerMessage"))
        .isEqualTo("Receipt from Kaufhaus Demo sent by email, bought in March.");
    String purchased = LocalDate.now().minusMonths(8).toString();
    claimAndComplete(check, "anna", Map.of("proofOfPurchase", true, "purchaseDate", purchased,
        "serialNumber", "B900-7781", "photosReceived", true));

    // Proven and 8 months old: covered (blender: 36 months product warranty); the agent assesses.
    String assess = awaitTask(c.caseNumber(), "UserTask_AssessDefect", "anna");
    assertThat(taskService.getVariable(assess, "eligibility")).isEqualTo("ELIGIBLE");
    assertThat(
        jdbc.queryForMap("select proof_of_purchase, serial_number, photos_received from aftersales.warranty_claim"
            + " where case_number = ?", c.caseNumber()))
        .containsEntry("proof_of_purchase", true)
        .containsEntry("serial_number", "B900-7781").containsEntry("photos_received", true);
    claimAndComplete(assess, "anna", Map.of("remedy", "REJECT", "defectiveUnit", false,
        "assessmentNotes", "Motor overheated: jar filled with frozen fruit only, run 10 minutes.",
        "rejectionReason", "The motor overheated because the blender ran for 10 minutes with frozen fruit only, "
            + "which the manual warns against"));
    MimeMessage rejection = awaitMailContaining(customer, c.caseNumber(), "not covered by the warranty");
    assertThat((String) rejection.getContent()).contains("frozen fruit").contains("repair it for you at cost");
    await().atMost(Duration.ofSeconds(30)).until(() -> ended(WarrantyClaimProcess.KEY, c.caseNumber()));
    awaitStage(c, "CLOSED");
    assertThat(jdbc.queryForMap("select status, rejection_reason from aftersales.warranty_claim where case_number = ?",
        c.caseNumber())).containsEntry("status", "REJECTED");
  }

  @Test
  void anOrderNumberTheCustomerSendsLaterIsLinkedAndLogisticsGetsItsAddress() throws Exception {
    String customer = uniqueEmail("jonas.late");
    Opened c = openCase(customer, "Jonas Weber", "don't know", "SA-KETTLE-17", "Kettle stopped heating",
        "My kettle stopped heating; I will look up the order.");
    startWarrantyClaim(c, "Jonas Weber", "Kettle stopped heating");
    awaitMailContaining(customer, c.caseNumber(), "photos that show the defect");
    post("/api/cases/" + c.caseNumber() + "/messages?token=" + c.token(),
        "{\"message\":\"Found it: order EC-100002 from your shop.\",\"channel\":\"WEB_FORM\"}", json());

    // A number that is not ours is refused on the form; the task stays open.
    String check = awaitTask(c.caseNumber(), "UserTask_CheckDocuments", "anna");
    claim(check, "anna");
    var refused = complete(check, "anna", Map.of("orderNumber", "EC-999999", "photosReceived", true));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("EC-999999 is not an order of our shop");
    assertThat(complete(check, "anna", Map.of("orderNumber", " EC-100002 ", "photosReceived", true))
        .getStatusCode().value()).isEqualTo(204);

    // Linked: the order proves the purchase and dates it; the claim is covered and assessed.
    String assess = awaitTask(c.caseNumber(), "UserTask_AssessDefect", "anna");
    assertThat(taskService.getVariable(assess, "eligibility")).isEqualTo("ELIGIBLE");
    assertThat(taskService.getVariable(assess, "salesChannel")).isEqualTo("ECOMMERCE");
    assertThat(taskService.getVariable(assess, "orderNumber")).isEqualTo("EC-100002");
    assertThat(jdbc.queryForObject("select order_reference from aftersales.service_case where case_number = ?",
        String.class, c.caseNumber())).isEqualTo("EC-100002");
    claimAndComplete(assess, "anna", Map.of("remedy", "REPLACEMENT", "defectiveUnit", false,
        "assessmentNotes", "Heating element dead."));
    String ship = awaitTask(c.caseNumber(), "UserTask_BookShipment", "lisa");
    assertThat((String) taskService.getVariable(ship, "handoffDetails")).contains("order EC-100002",
        "delivery address there");
  }
}
