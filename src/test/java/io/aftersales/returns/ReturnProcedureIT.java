package io.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.cases.ServiceCases;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Returns end to end on real PostgreSQL and SMTP, with the real delegates and decisions: a case
 * opened through the API, the return process started as service-case will start it, every task
 * worked through the engine REST API by the demo user of the right group, then the records
 * (RMA, shipment, refund, stock, outside-system requests) and the customer's mails checked.
 */
class ReturnProcedureIT extends IntegrationTestSupport {
  @org.springframework.beans.factory.annotation.Autowired
  io.aftersales.calendar.BusinessCalendars calendars;

  @Autowired
  ServiceCases cases;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  org.camunda.bpm.engine.TaskService taskService;

  private final ObjectMapper json = new ObjectMapper();

  /** Opens a case through the public API and reviews it as a return, so service-case starts return-handling. */
  private HistoricProcessInstance openReturn(String customer, String email, String orderNumber, String sku,
      String subject)
      throws Exception {
    HttpHeaders headers = json();
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    ResponseEntity<String> opened = post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"%s","email":"%s"},"orderNumber":"%s","productSku":"%s",
         "requestType":"RETURN","subject":"%s","message":"I would like to return it, please."}
        """.formatted(customer, email, orderNumber, sku, subject), headers);
    assertThat(opened.getStatusCode().value()).isEqualTo(201);
    String caseNumber = json.readTree(opened.getBody()).get("caseNumber").asText();
    // The agent reviews it as a return; service-case then calls return-handling (in its own job).
    claimAndComplete(awaitTask(caseNumber, "UserTask_ReviewCase", "anna"), "anna", Map.of("requestType", "RETURN",
        "priority", "NORMAL", "firstAnswer", "Hello " + customer + ", we have received your return request."));
    // From history: a guided return (Amazon FBA) may already have ended when we look.
    return await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ReturnHandlingProcess.KEY).processInstanceBusinessKey(caseNumber).singleResult(),
        java.util.Objects::nonNull);
  }

  @Test
  void aRetailerWritingFromItsOwnAddressIsRoutedToTheBulkReturn() throws Exception {
    // No order of ours names the shop and its address is unknown: only the agent can tell it is a retailer.
    String email = uniqueEmail("returns.kaufhaus");
    ResponseEntity<String> opened = post("/api/cases",
        """
            {"channel":"WEB_FORM","customer":{"name":"Kaufhaus Nord GmbH","email":"%s"},"productSku":"SA-KETTLE-17",
             "subject":"Defective kettles from our stock","message":"Twelve kettles of our stock leak; please take them back."}
            """
            .formatted(email),
        json());
    String caseNumber = json.readTree(opened.getBody()).get("caseNumber").asText();
    claimAndComplete(awaitTask(caseNumber, "UserTask_ReviewCase", "anna"), "anna", Map.of("requestType", "RETURN",
        "priority", "NORMAL", "retailerSender", true, "firstAnswer", "Hello, we will arrange a pickup of the units."));
    HistoricProcessInstance pi = await().atMost(Duration.ofSeconds(30)).until(() -> history
        .createHistoricProcessInstanceQuery().processDefinitionKey(ReturnHandlingProcess.KEY)
        .processInstanceBusinessKey(caseNumber).singleResult(), java.util.Objects::nonNull);
    // Logistics arranges the pickup: the bulk return, not "take it back to the shop you bought it from".
    String pickup = awaitTask(caseNumber, "UserTask_BookShipment", "lisa");
    assertThat((String) taskService.getVariable(pickup, "handoffDetails")).contains("from Kaufhaus Nord GmbH");
    assertThat(taskService.getVariable(pickup, "handoffKind")).isEqualTo("PICKUP");
    // A collection day in the past is refused with the rule's own words (400), and the task stays open.
    claim(pickup, "lisa");
    ResponseEntity<String> past = complete(pickup, "lisa", Map.of("carrier", "DB Schenker", "trackingNumber", "SCH-1",
        "collectionDate", "2020-01-01"));
    assertThat(past.getStatusCode().value()).isEqualTo(400);
    assertThat(past.getBody()).contains("the collection cannot be in the past");
    assertThat(taskService.createTaskQuery().taskId(pickup).count()).isEqualTo(1);
    assertThat(runtime.getVariable(pi.getId(), "customerType")).isEqualTo("BUSINESS");
    assertThat(runtime.getVariable(pi.getId(), "retailerName")).isEqualTo("Kaufhaus Nord GmbH");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("ServiceTask_RedirectToRetailer").count()).isZero();
  }

  private String awaitTask(String caseNumber, String taskDefinitionKey, String user) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(caseNumber, taskDefinitionKey, user),
        Optional::isPresent).orElseThrow();
  }

  /** The mail to the customer whose text contains {@code part}. */
  private String awaitMailContaining(String email, String caseNumber, String part) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email, "[" + caseNumber + "]").stream()
        .map(ReturnProcedureIT::text).filter(t -> t.contains(part)).findFirst(), Optional::isPresent).orElseThrow();
  }

  private static String text(MimeMessage mail) {
    try {
      return ((String) mail.getContent()).replace("\r\n", "\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int onHand(String sku) {
    return jdbc.queryForObject("select on_hand from aftersales.stock_item where sku = ?", Integer.class, sku);
  }

  private void awaitEnded(HistoricProcessInstance pi) {
    await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId()).finished().count() == 1);
  }

  @Test
  void anOwnShopReturnIsApprovedReceivedInspectedAndRefundedInFull() throws Exception {
    String email = uniqueEmail("maria");
    int panStockBefore = onHand("KW-PAN-28");
    HistoricProcessInstance pi = openReturn("Maria Rossi", email, "EC-100001", "KW-PAN-28", "Return of my frying pan");
    String caseNumber = pi.getBusinessKey();

    // Customer care: delivered 6 days ago, within the window; approve, the customer wants a refund.
    String decide = awaitTask(caseNumber, "UserTask_DecideReturn", "anna");
    assertThat(runtime.getVariable(pi.getId(), "withinReturnWindow")).isEqualTo(true);
    assertThat((String) runtime.getVariable(pi.getId(), "windowNote")).contains("legal withdrawal");
    // The decide and inspect forms show what the customer wrote.
    assertThat(runtime.getVariable(pi.getId(), "customerMessage")).isEqualTo("I would like to return it, please.");
    // Only the agent who claimed it completes it; a rule of the decision is a 400 with its own message.
    claim(decide, "anna");
    var byColleague = complete(decide, "chris", Map.of("needsCustomerInfo", false, "returnApproved", true,
        "customerWish", "REFUND"));
    assertThat(byColleague.getStatusCode().value()).isEqualTo(403);
    assertThat(byColleague.getBody()).contains("claimed by anna");
    var withoutWish = complete(decide, "anna", Map.of("needsCustomerInfo", false, "returnApproved", true));
    assertThat(withoutWish.getStatusCode().value()).isEqualTo(400);
    assertThat(withoutWish.getBody()).contains("Choose what the customer wants");
    assertThat(taskService.createTaskQuery().taskId(decide).count()).as("the task stays open").isEqualTo(1);
    assertThat(complete(decide, "anna", Map.of("needsCustomerInfo", false, "returnApproved", true,
        "customerWish", "REFUND")).getStatusCode().value()).isEqualTo(204);

    // Logistics books the label; the customer gets the RMA instructions.
    String label = awaitTask(caseNumber, "UserTask_BookShipment", "lisa");
    // Logistics owes the label within its OLA (aftersales.task-olas: PT4H of its business hours): the task is due
    // then, and the step's turnaround clock runs for logistics.
    var booking = taskService.createTaskQuery().taskId(label).singleResult();
    assertThat(booking.getDueDate()).isCloseTo(java.util.Date.from(calendars.forDepartment("logistics")
        .plus(booking.getCreateTime().toInstant(), "PT4H")), 1000);
    assertThat(jdbc.queryForMap("select metric, department, state, due_at from aftersales.sla_clock where task_id = ?",
        label)).containsEntry("metric", "OLA").containsEntry("department", "logistics")
        .containsEntry("state", "RUNNING");
    String rma = (String) runtime.getVariable(pi.getId(), "rmaNumber");
    assertThat(rma).matches("RMA-\\d{4}-\\d{6}");
    claimAndComplete(label, "lisa", Map.of("carrier", "DHL", "trackingNumber", "JJD000123",
        "labelUrl", "https://carrier.example/label/JJD000123"));
    assertThat(jdbc.queryForObject("select state from aftersales.sla_clock where task_id = ?", String.class, label))
        .as("the turnaround clock stops with the step").isEqualTo("STOPPED");
    // The parcel's RMA and its tracking number find the case in one step, for the group that handles it.
    // (The label's tracking number is recorded as the hand-off completes, in its own job.)
    for (String q : List.of(rma, "JJD000123")) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
          get("/api/desk/search?q=" + q, jsonAs("lisa")).getBody()).findValuesAsText("caseNumber")).as(q)
          .contains(caseNumber));
    }
    String instructions = awaitMailContaining(email, caseNumber, rma);
    assertThat(instructions).contains("Hello Maria Rossi", "is approved", "JJD000123",
        "https://carrier.example/label/JJD000123", "Lagerstrasse 12", "within 30 days", "we refund you");

    // Warehouse: parcel in, customer told; inspection: as new.
    claimAndComplete(awaitTask(caseNumber, "UserTask_ReceiveReturnedItem", "walter"), "walter",
        Map.of("itemReceived", true));
    assertThat(awaitMailContaining(email, caseNumber, "has arrived in our warehouse")).contains(rma,
        "within 2 working days");
    String inspect = awaitTask(caseNumber, "UserTask_InspectReturnedItem", "walter");
    // The inspection is due when its OLA (2 business days of the warehouse) runs out, and its forms say it in words.
    var inspection = taskService.createTaskQuery().taskId(inspect).singleResult();
    assertThat(inspection.getDueDate()).isCloseTo(java.util.Date.from(calendars.get("warehouse")
        .plus(inspection.getCreateTime().toInstant(), "P2D")), 1000);
    assertThat(taskService.getVariableLocal(inspect, "inspectionOlaInWords")).isEqualTo("2 days");
    claimAndComplete(inspect, "walter",
        Map.of("productSku", "KW-PAN-28", "itemCondition", "NEW", "inspectionNotes", "Unused, complete, sealed."));

    // Finance refunds in the shop back end and confirms.
    String confirm = awaitTask(caseNumber, "UserTask_IssueRefund", "finn");
    assertThat(runtime.getVariable(pi.getId(), "refundAmount")).isEqualTo(49.9);
    assertThat(taskService.getVariable(confirm, "refundSystem")).isEqualTo("Shop back end");
    assertThat((String) taskService.getVariable(confirm, "handoffDetails")).startsWith("Refund 49.90 EUR.");
    // While finance works, the shop's refund is in the outside-system list.
    assertThat(count("select count(*) from aftersales.external_request where case_number = ? and system = 'SHOP'"
        + " and operation = 'REFUND' and status = 'OPEN' and responsible_group = 'finance'", caseNumber)).isEqualTo(1);
    // The team lead sees the refund and may pass it to a finance colleague, but the money stays with finance: she
    // can neither complete it, nor take it herself, nor give it to customer care, nor change the amount.
    var tara = jsonAs("tara");
    assertThat(complete(confirm, "tara", Map.of("paymentReference", "TL-1")).getStatusCode().value()).isEqualTo(403);
    assertThat(post("/engine-rest/task/" + confirm + "/claim", "{\"userId\":\"tara\"}", tara).getStatusCode()
        .value()).isEqualTo(403);
    assertThat(post("/engine-rest/task/" + confirm + "/assignee", "{\"userId\":\"anna\"}", tara).getStatusCode()
        .value()).isEqualTo(403);
    assertThat(put("/engine-rest/process-instance/" + taskService.createTaskQuery().taskId(confirm).singleResult()
        .getProcessInstanceId() + "/variables/refundAmount", "{\"value\":4990,\"type\":\"Double\"}", tara)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(put("/engine-rest/task/" + confirm + "/variables/paymentReference", "{\"value\":\"X\"}", tara)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(post("/engine-rest/task/" + confirm + "/assignee", "{\"userId\":\"finn\"}", tara).getStatusCode()
        .value()).isEqualTo(204);
    // Finance itself completes with the form's values but does not edit variables on the side either.
    assertThat(put("/engine-rest/task/" + confirm + "/variables/refundAmount", "{\"value\":1,\"type\":\"Double\"}",
        jsonAs("finn")).getStatusCode().value()).isEqualTo(403);
    assertThat(complete(confirm, "finn", Map.of("paymentReference", "SHOP-RF-0001")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(awaitMailContaining(email, caseNumber, "refunded the full purchase price"))
        .contains("49.90 EUR", rma, "payment method of your order");
    awaitEnded(pi);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("EndEvent_RefundIssued").count()).isEqualTo(1);

    // The records.
    Map<String, Object> ret = jdbc.queryForMap("select * from aftersales.return_authorization where case_number = ?",
        caseNumber);
    assertThat(ret).containsEntry("rma_number", rma).containsEntry("status", "REFUNDED")
        .containsEntry("sales_channel", "ECOMMERCE").containsEntry("approved", true)
        .containsEntry("customer_wish", "REFUND").containsEntry("item_condition", "NEW")
        .containsEntry("outcome", "FULL_REFUND").containsEntry("refund_percent", 100)
        .containsEntry("disposition", "RESTOCK").containsEntry("product_sku", "KW-PAN-28");
    assertThat((BigDecimal) ret.get("refund_amount")).isEqualByComparingTo("49.90");
    assertThat(ret.get("authorized_at")).isNotNull();
    assertThat(ret.get("received_at")).isNotNull();
    assertThat(ret.get("closed_at")).isNotNull();

    Map<String, Object> shipment = jdbc.queryForMap("select * from aftersales.shipment where case_number = ?",
        caseNumber);
    assertThat(shipment).containsEntry("kind", "RETURN_LABEL").containsEntry("reference", rma)
        .containsEntry("carrier", "DHL").containsEntry("tracking_number", "JJD000123")
        .containsEntry("status", "CONFIRMED");

    Map<String, Object> refund = jdbc.queryForMap("select * from aftersales.refund where case_number = ?", caseNumber);
    assertThat(refund).containsEntry("reference", rma).containsEntry("status", "ISSUED")
        .containsEntry("sales_channel", "ECOMMERCE").containsEntry("payment_reference", "SHOP-RF-0001");
    assertThat((BigDecimal) refund.get("amount")).isEqualByComparingTo("49.90");

    List<Map<String, Object>> moves = jdbc.queryForList(
        "select sku, kind, quantity, reference from aftersales.stock_movement where case_number = ?", caseNumber);
    assertThat(moves).containsExactly(Map.of("sku", "KW-PAN-28", "kind", "RESTOCK", "quantity", 1, "reference", rma));
    assertThat(onHand("KW-PAN-28")).isEqualTo(panStockBefore + 1);

    List<Map<String, Object>> requests = jdbc.queryForList("select system, operation, reference, status, result,"
        + " responsible_group from aftersales.external_request where case_number = ? order by id", caseNumber);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0)).containsEntry("system", "CARRIER").containsEntry("operation", "RETURN_LABEL")
        .containsEntry("reference", rma).containsEntry("status", "DONE").containsEntry("responsible_group", "logistics")
        .containsEntry("result", "DHL JJD000123");
    assertThat(requests.get(1)).containsEntry("system", "SHOP").containsEntry("operation", "REFUND")
        .containsEntry("reference", rma).containsEntry("status", "DONE").containsEntry("responsible_group", "finance")
        .containsEntry("result", "SHOP-RF-0001");

    // Each milestone mailed once, and recorded on the case thread.
    assertThat(mailTo(email, "[" + caseNumber + "]").stream().map(ReturnProcedureIT::text)
        .filter(t -> t.contains("refunded the full purchase price")).count()).isEqualTo(1);
    assertThat(count("select count(*) from aftersales.case_message m join aftersales.service_case c on c.id = m.case_id"
        + " where c.case_number = ? and m.direction = 'OUTBOUND' and m.message_id like ?", caseNumber,
        "%.rma-issued.%"))
        .isEqualTo(1);
  }

  @Test
  void anAmazonFbaCustomerIsGuidedToAmazonsReturnCentre() throws Exception {
    String email = uniqueEmail("li");
    HistoricProcessInstance pi = openReturn("Li Chen", email, "302-1234567-7654321", "SA-BLEND-900", "Blender return");
    String caseNumber = pi.getBusinessKey();
    String mail = awaitMailContaining(email, caseNumber, "Return or replace items");
    assertThat(mail).contains("Hello Li Chen", "Blender 900 W", "order 302-1234567-7654321", "shipped by Amazon",
        "warranty still applies");
    awaitEnded(pi);
    assertThat(jdbc.queryForMap("select status, rma_number, fulfilment from aftersales.return_authorization"
        + " where case_number = ?", caseNumber)).containsEntry("status", "GUIDED_TO_AMAZON")
        .containsEntry("fulfilment", "FBA").containsEntry("rma_number", null);
    assertThat(count("select count(*) from aftersales.shipment where case_number = ?", caseNumber)).isZero();
    assertThat(taskOf(caseNumber, "UserTask_DecideReturn", "anna")).isEmpty();
  }
}
