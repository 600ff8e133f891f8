package io.aftersales.spareparts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.cases.ServiceCases;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The spare-part procedure end to end with the real delegates, on PostgreSQL and a real mail
 * server: a free lid from stock, and a paid jar that is out of stock (quote, payment through the
 * API, purchase order, supplier delivery). Every task is worked through the engine REST API as the
 * demo user of its group; the database records and the customer's mails are checked.
 */
class SparePartProcedureIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ServiceCases cases;

  /** Opens a case through the public API; the agent reviews it as a spare-part request, so service-case calls it. */
  private String openCaseAndRequestPart(String email, String orderNumber, String productSku, String subject)
      throws Exception {
    ResponseEntity<String> created = post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"Maria Rossi","email":"%s"},
         "orderNumber":"%s","productSku":"%s","requestType":"SPARE_PART",
         "subject":"%s","message":"I need a spare part, please."}
        """.formatted(email, orderNumber, productSku, subject), json());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = json.readTree(created.getBody()).get("caseNumber").asText();
    claimAndComplete(awaitTask(number, "UserTask_ReviewCase", "anna"), "anna", Map.of("requestType", "SPARE_PART",
        "priority", "NORMAL", "firstAnswer", "Hello Maria, we are identifying the right part for you now."));
    return number;
  }

  private String awaitTask(String number, String taskKey, String user) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(number, taskKey, user).isPresent());
    return taskOf(number, taskKey, user).orElseThrow();
  }

  private MimeMessage awaitMailContaining(String email, String number, String text) {
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email, "[" + number + "]").stream()
        .anyMatch(m -> body(m).contains(text)));
    return mailTo(email, "[" + number + "]").stream().filter(m -> body(m).contains(text)).findFirst().orElseThrow();
  }

  private static String body(MimeMessage m) {
    try {
      return ((String) m.getContent()).replace("\r\n", "\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> order(String number) {
    return jdbc.queryForMap("select * from aftersales.spare_part_order where case_number = ?", number);
  }

  private void awaitEnded(String number) {
    await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SparePartRequestProcess.KEY).processInstanceBusinessKey(number).finished().count() == 1);
  }

  private int stock(String column, String sku) {
    return jdbc.queryForObject("select " + column + " from aftersales.stock_item where sku = ?", Integer.class, sku);
  }

  @Test
  void aDefectiveLidUnderWarrantyIsShippedFreeFromStock() throws Exception {
    String email = uniqueEmail("maria");
    String number = openCaseAndRequestPart(email, "EC-100001", "KW-PAN-28", "Lid cracked");
    int onHand = stock("on_hand", "SP-LID-28");
    int reserved = stock("reserved", "SP-LID-28");
    String address = "Maria Rossi, Via Roma 1, 80100 Napoli, Italy";

    // A product SKU instead of the part's is refused on the form with the reason (400); the task stays open.
    String again = awaitTask(number, "UserTask_IdentifyPart", "anna");
    claim(again, "anna");
    var refused = complete(again, "anna", Map.of("partIdentification", "PART_IDENTIFIED", "sparePartSku", "KW-PAN-28",
        "quantity", 1, "partReason", "DEFECT", "shippingAddress", address));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("KW-PAN-28 is a product");
    assertThat(complete(again, "anna", Map.of("partIdentification", "PART_IDENTIFIED", "sparePartSku", "SP-LID-28",
        "quantity", 1, "partReason", "DEFECT", "shippingAddress", address)).getStatusCode().value()).isEqualTo(204);

    // Own shop, delivered 6 days ago, pan with 24 months: free. Reserved, then the warehouse picks.
    String pick = awaitTask(number, "UserTask_PickPart", "walter");
    // The warehouse's Tasklist card says what the work is, though the procedure carries no subject or priority.
    assertThat(card(pick, "walter", "Warehouse")).containsEntry("caseNumber", number)
        .containsEntry("customerName", "Maria Rossi").containsEntry("subject", "Lid cracked")
        .containsEntry("priority", "NORMAL");
    claimAndComplete(pick, "walter",
        Map.of("partPicked", true, "binLocation", "B-04-2"));
    assertThat(order(number)).containsEntry("free", true).containsEntry("part_sku", "SP-LID-28");
    String booking = awaitTask(number, "UserTask_BookShipment", "lisa");
    // While logistics books it, the request is in the outside-system list, with the part and the address.
    assertThat(jdbc.queryForMap("select status, details from aftersales.external_request where case_number = ?",
        number)).containsEntry("status", "OPEN");
    assertThat(String.valueOf(jdbc.queryForMap("select details from aftersales.external_request where case_number = ?",
        number).get("details"))).contains("SP-LID-28", "B-04-2", address);
    claimAndComplete(booking, "lisa", Map.of("carrier", "DHL", "trackingNumber", "00340434161094042557"));

    MimeMessage tracking = awaitMailContaining(email, number, "00340434161094042557");
    awaitEnded(number);
    assertThat(body(tracking)).contains("free of charge under the warranty").contains("Carrier: DHL")
        .contains("Glass lid 28 cm").contains(address).contains("Hello Maria Rossi,");
    assertThat(tracking.getMessageID()).startsWith("<" + number + ".part-shipped.");

    assertThat(stock("on_hand", "SP-LID-28")).isEqualTo(onHand - 1);
    assertThat(stock("reserved", "SP-LID-28")).isEqualTo(reserved);
    assertThat(jdbc.queryForMap("select kind, status, carrier, tracking_number, reference from aftersales.shipment"
        + " where case_number = ?", number)).containsEntry("kind", "SPARE_PART").containsEntry("status", "CONFIRMED")
        .containsEntry("carrier", "DHL").containsEntry("reference", "PART-" + number + "-1");
    assertThat(jdbc.queryForMap("select system, status, responsible_group from aftersales.external_request"
        + " where case_number = ?", number)).containsEntry("system", "CARRIER").containsEntry("status", "DONE")
        .containsEntry("responsible_group", "logistics");
    assertThat(order(number)).containsEntry("status", "SHIPPED").containsEntry("tracking_number",
        "00340434161094042557");
    assertThat(count("select count(*) from aftersales.payment_request where case_number = ?", number)).isZero();
    assertThat(
        count("select count(*) from aftersales.stock_movement where case_number = ? and kind in ('RESERVE','PICK')",
            number))
        .isEqualTo(2);
  }

  @Test
  void aLostJarOutOfStockIsQuotedPaidOrderedFromTheSupplierAndShipped() throws Exception {
    jdbc.update("update aftersales.stock_item set on_hand = reserved where sku = 'SP-JAR-900'");
    String email = uniqueEmail("li");
    String number = openCaseAndRequestPart(email, "302-1234567-7654321", "SA-BLEND-900", "Lost blender jar");
    String reference = "PAY-" + number + "-1";

    claimAndComplete(awaitTask(number, "UserTask_IdentifyPart", "anna"), "anna", Map.of(
        "partIdentification", "PART_IDENTIFIED", "sparePartSku", "SP-JAR-900", "quantity", 1,
        "partReason", "LOST", "shippingAddress", "Li Chen, Hauptstr. 5, 10115 Berlin, Germany"));

    // Charged: the quote with the payment reference; Amazon buyers learn the part is sold by us.
    MimeMessage quote = awaitMailContaining(email, number, reference);
    assertThat(body(quote)).contains("24.90 EUR").contains("not through Amazon").contains("IBAN")
        .contains("Lost and worn parts are not covered").contains("Please pay by");
    await().atMost(Duration.ofSeconds(10)).until(() -> "QUOTED".equals(order(number).get("status")));
    assertThat(jdbc.queryForMap("select status, amount from aftersales.payment_request where reference = ?", reference))
        .containsEntry("status", "OPEN").containsEntry("amount", new BigDecimal("24.90"));

    // Only finance confirms payments; an unknown reference is 404.
    String payment = "{\"paymentReference\":\"BANK-2026-4711\"}";
    assertThat(post("/api/payments/" + reference + "/confirmation", payment, jsonAs("anna")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("/api/payments/" + reference + "/confirmation", payment, json()).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> unknown = post("/api/payments/PAY-SC-1999-000000-1/confirmation", payment, jsonAs("finn"));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(post("/api/payments/" + reference + "/confirmation", "{}", jsonAs("finn")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> confirmed = post("/api/payments/" + reference + "/confirmation", payment, jsonAs("finn"));
    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode answer = json.readTree(confirmed.getBody());
    assertThat(answer.get("status").asText()).isEqualTo("PAID");
    assertThat(answer.get("caseNumber").asText()).isEqualTo(number);
    assertThat(answer.get("replayed").asBoolean()).isFalse();
    // A webhook retry answers the same; another transaction for the same quote is a conflict.
    assertThat(json.readTree(post("/api/payments/" + reference + "/confirmation", payment, jsonAs("finn")).getBody())
        .get("replayed").asBoolean()).isTrue();
    assertThat(post("/api/payments/" + reference + "/confirmation", "{\"paymentReference\":\"BANK-OTHER\"}",
        jsonAs("finn")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    // Out of stock: a purchase order for purchasing and a mail about the wait.
    MimeMessage ordered = awaitMailContaining(email, number, "ordered it from our supplier");
    // Mail goes out inside the job's transaction; the records are visible once it commits.
    await().atMost(Duration.ofSeconds(10)).until(() -> "AWAITING_SUPPLIER".equals(order(number).get("status")));
    assertThat(body(ordered)).contains("Thank you for your payment").contains("about 10 days");
    var po = jdbc.queryForMap("select number, status, sku, quantity, external_request_id from aftersales.purchase_order"
        + " where case_number = ?", number);
    assertThat(po).containsEntry("status", "ORDERED").containsEntry("sku", "SP-JAR-900").containsEntry("quantity", 1);
    assertThat(jdbc.queryForMap("select system, operation, status, responsible_group from aftersales.external_request"
        + " where id = ?", po.get("external_request_id"))).containsEntry("system", "SUPPLIER_PORTAL")
        .containsEntry("operation", "PURCHASE_ORDER").containsEntry("status", "OPEN")
        .containsEntry("responsible_group", "purchasing");
    assertThat(order(number)).containsEntry("status", "AWAITING_SUPPLIER").containsEntry("free", false)
        .containsEntry("payment_reference", "BANK-2026-4711").containsEntry("purchase_order_number", po.get("number"));

    // The warehouse receives the delivery: into stock and reserved for this case, then picked.
    claimAndComplete(awaitTask(number, "UserTask_ReceiveSupplierDelivery", "walter"), "walter",
        Map.of("deliveryReceived", true));
    claimAndComplete(awaitTask(number, "UserTask_PickPart", "walter"), "walter", Map.of("partPicked", true));
    assertThat(jdbc.queryForObject("select status from aftersales.purchase_order where case_number = ?", String.class,
        number)).isEqualTo("DELIVERED");
    assertThat(count("select count(*) from aftersales.stock_movement where case_number = ? and kind = 'RECEIVE'",
        number)).isOne();
    claimAndComplete(awaitTask(number, "UserTask_BookShipment", "lisa"), "lisa",
        Map.of("carrier", "GLS", "trackingNumber", "GLS-99887766"));

    MimeMessage tracking = awaitMailContaining(email, number, "GLS-99887766");
    awaitEnded(number);
    assertThat(body(tracking)).contains("Blender jar").contains("Thank you for your payment");
    assertThat(order(number)).containsEntry("status", "SHIPPED");
    assertThat(jdbc.queryForObject("select status from aftersales.payment_request where reference = ?", String.class,
        reference)).isEqualTo("PAID");
    assertThat(stock("on_hand", "SP-JAR-900")).isEqualTo(stock("reserved", "SP-JAR-900"));
    assertThat(mailTo(email, "[" + number + "]")).hasSizeGreaterThanOrEqualTo(4); // ack, quote, ordered, tracking
  }
}
