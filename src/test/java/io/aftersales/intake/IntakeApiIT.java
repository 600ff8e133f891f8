package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/cases} and the customer's status page, end to end on PostgreSQL and SMTP. */
class IntakeApiIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;
  @Autowired
  RuntimeService runtime;
  @Autowired
  RepositoryService repository;
  @Autowired
  HistoryService history;

  private String request(String email, String subject) {
    return """
        {"channel":"WEB_FORM","customer":{"name":"Maria Rossi","email":"%s"},
         "orderNumber":"EC-100001","productSku":"KW-PAN-28","requestType":"RETURN",
         "subject":"%s","message":"The pan arrived with a dent. I would like to return it."}
        """.formatted(email, subject);
  }

  private int casesOf(String email) {
    return count("select count(*) from aftersales.service_case c join aftersales.customer u on u.id = c.customer_id"
        + " where lower(u.email) = lower(?)", email);
  }

  @Test
  void opensATrackedCaseThatTheCustomerCanFollow() throws Exception {
    String email = uniqueEmail("maria");
    ResponseEntity<String> created = post("/api/cases", request(email, "Dented pan"), json());

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(created.getBody());
    String number = body.get("caseNumber").asText();
    assertThat(number).matches("SC-\\d{4}-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/cases/" + number);
    String token = body.get("accessToken").asText();
    // The token only in the fragment, which a browser never sends to a server.
    assertThat(body.get("statusUrl").asText()).contains("/status.html#case=" + number + "&token=" + token)
        .doesNotContain("?");

    // The record: linked to the known order and product, first message stored, status NEW.
    var row = jdbc.queryForMap("select c.*, o.order_number, p.sku from aftersales.service_case c"
        + " left join aftersales.sales_order o on o.id = c.order_id left join aftersales.product p on p.id = c.product_id"
        + " where c.case_number = ?", number);
    assertThat(row).containsEntry("source_channel", "WEB_FORM").containsEntry("request_type", "RETURN")
        .containsEntry("status", "NEW").containsEntry("order_number", "EC-100001").containsEntry("sku", "KW-PAN-28");
    assertThat(row.get("access_token_hash")).isNotEqualTo(token); // only a hash is stored
    // The process runs under the case number.
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
    // The facts only the triage reads are its recorded inputs, not variables: the trail keeps them once.
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
        .getId();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(v -> v.getName()).contains("salesChannel", "productSku")
        .doesNotContain("fulfilment", "customerType", "productCategory", "orderKnown");
    var triage = history.createHistoricDecisionInstanceQuery().processInstanceId(instance).includeInputs()
        .singleResult();
    assertThat(triage.getInputs()).extracting(i -> i.getClauseName() + "=" + i.getValue())
        .contains("Customer type=CONSUMER", "Product category=COOKWARE", "Order known=true");

    // The acknowledgement email arrives, with the case number in the subject and our Message-ID.
    MimeMessage ack = awaitMail(email, number, 1).get(0);
    assertThat(ack.getSubject()).isEqualTo("[" + number + "] Dented pan");
    assertThat(ack.getMessageID()).startsWith("<" + number + ".acknowledgement.");
    assertThat((String) ack.getContent()).contains(number);
    // It carries the customer's status link, on the address the customer used, the token in the fragment.
    assertThat((String) ack.getContent())
        .contains(rest.getRootUri() + "/status.html#case=" + number + "&token=" + token + "\r\n");
    // The token is kept nowhere in clear: not on the thread, and not in the outbox once the mail is sent.
    await().atMost(java.time.Duration.ofSeconds(30)).until(() -> count("select count(*) from"
        + " aftersales.outbound_mail o join aftersales.service_case c on c.id = o.case_id where c.case_number = ?"
        + " and o.status = 'SENT'", number) == 1);
    assertThat(count("select count(*) from aftersales.outbound_mail where body like ? or redacted_body like ?",
        "%" + token + "%", "%" + token + "%")).isZero();
    assertThat(count("select count(*) from aftersales.case_message where body like ?", "%" + token + "%")).isZero();

    // The customer reads the case with the token; without it the case does not exist for them.
    HttpHeaders withToken = new HttpHeaders();
    withToken.set("X-Case-Token", token);
    ResponseEntity<String> status = get("/api/cases/" + number, withToken);
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = json.readTree(status.getBody());
    assertThat(view.get("status").asText()).isEqualTo("NEW");
    assertThat(view.get("messages").get(0).get("body").asText()).contains("dent");
    assertThat(get("/api/cases/" + number + "?token=" + token, new HttpHeaders()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/cases/" + number, new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/cases/" + number + "?token=wrong", new HttpHeaders()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // Staff read it with their credentials.
    assertThat(get("/api/cases/" + number, jsonAs("anna")).getStatusCode()).isEqualTo(HttpStatus.OK);
    // Only staff whose group may work on it (and team leads, auditors): the warehouse has no task of this case.
    assertThat(get("/api/cases/" + number, jsonAs("tara")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/cases/" + number, jsonAs("audrey")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/cases/" + number, jsonAs("walter")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/cases/" + number, jsonAs("nobody")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aRepeatedRequestWithTheSameIdempotencyKeyOpensOneCase() throws Exception {
    String email = uniqueEmail("twice");
    HttpHeaders headers = json();
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    ResponseEntity<String> first = post("/api/cases", request(email, "Twice"), headers);
    ResponseEntity<String> second = post("/api/cases", request(email, "Twice"), headers);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(second.getBody()).isEqualTo(first.getBody());
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(casesOf(email)).isEqualTo(1);
    String number = json.readTree(first.getBody()).get("caseNumber").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);

    // The same key with a different request is refused, and opens nothing.
    ResponseEntity<String> reused = post("/api/cases", request(email, "Something else"), headers);
    assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(reused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(casesOf(email)).isEqualTo(1);
  }

  @Test
  void concurrentRetriesWithOneKeyOpenOneCase() throws Exception {
    String email = uniqueEmail("burst");
    HttpHeaders headers = json();
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.concurrent.Callable<ResponseEntity<String>> send = () -> post("/api/cases", request(email, "Burst"),
          headers);
      var answers = pool.invokeAll(java.util.Collections.nCopies(4, send));
      java.util.Set<String> numbers = new java.util.HashSet<>();
      for (var answer : answers) {
        ResponseEntity<String> response = answer.get();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        numbers.add(json.readTree(response.getBody()).get("caseNumber").asText());
      }
      assertThat(numbers).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(casesOf(email)).isEqualTo(1);
    assertThat(count("select count(*) from aftersales.case_message m join aftersales.service_case c"
        + " on c.id = m.case_id join aftersales.customer u on u.id = c.customer_id where u.email = ?"
        + " and m.direction = 'INBOUND'", email)).as("the customer's message once (the acknowledgement is"
            + " asynchronous and may or may not be on the thread yet)")
        .isEqualTo(1);
  }

  @Test
  void badInputIsAProblemNamingEachFieldAndPersistsNothing() throws Exception {
    int casesBefore = count("select count(*) from aftersales.service_case");
    int customersBefore = count("select count(*) from aftersales.customer");

    JsonNode invalid = problem(post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"email":"not-an-email"},"subject":"","message":"x",
         "purchaseDate":"2999-01-01"}""", json()), 400);
    assertThat(fields(invalid)).containsExactly("customer.email", "purchaseDate", "subject");
    assertThat(invalid.get("type").asText()).isEqualTo("/problems/invalid-request");

    assertThat(fields(problem(post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"No contact"},"subject":"Hi","message":"Hello"}""", json()), 400)))
        .containsExactly("customer.emailOrPhone");
    assertThat(fields(problem(post("/api/cases", """
        {"channel":"PHONE","customer":{"email":"a@example.com"},"subject":"Hi","message":"Hello"}""", json()), 400)))
        .containsExactly("channel");
    JsonNode unknownType = problem(post("/api/cases",
        """
            {"channel":"CHAT","customer":{"email":"a@example.com"},"requestType":"REFUND","subject":"Hi","message":"Hello"}""",
        json()), 400);
    assertThat(fields(unknownType)).containsExactly("requestType");
    assertThat(unknownType.get("errors").get(0).get("message").asText()).contains("RETURN", "WARRANTY");
    assertThat(fields(problem(post("/api/cases", """
        {"channel":"CHAT","customer":{"email":"a@example.com"},"subject":"Hi","message":"Hello","coupon":"X"}""",
        json()), 400))).containsExactly("coupon");
    assertThat(fields(problem(post("/api/cases", "{\"channel\": \"CHAT\", ", json()), 400))).containsExactly("body");
    assertThat(fields(problem(post("/api/cases", "", json()), 400))).containsExactly("body");

    String huge = "x".repeat(300 * 1024);
    JsonNode tooLarge = problem(post("/api/cases", """
        {"channel":"CHAT","customer":{"email":"a@example.com"},"subject":"Hi","message":"%s"}""".formatted(huge),
        json()), 413);
    assertThat(tooLarge.get("type").asText()).isEqualTo("/problems/body-too-large");

    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    assertThat(post("/api/cases", "hello", text).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    assertThat(count("select count(*) from aftersales.service_case")).isEqualTo(casesBefore);
    assertThat(count("select count(*) from aftersales.customer")).isEqualTo(customersBefore);
  }

  @Test
  void aCaseIsOpenedWhollyOrNotAtAll() throws Exception {
    String email = uniqueEmail("atomic");
    // The process cannot start (its definition is suspended): the case row and message must roll back too.
    repository.suspendProcessDefinitionByKey("service-case");
    try {
      ResponseEntity<String> failed = post("/api/cases", request(email, "Atomic"), json());
      assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
      assertThat(failed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    } finally {
      repository.activateProcessDefinitionByKey("service-case");
    }
    assertThat(casesOf(email)).isZero();
    assertThat(count("select count(*) from aftersales.customer where email = ?", email)).isZero();
    // (Only this customer's messages: other tests' acknowledgement jobs may add theirs meanwhile.)
    assertThat(count("select count(*) from aftersales.case_message where author = ?", email)).isZero();

    // After the cause is fixed the same request goes through.
    assertThat(post("/api/cases", request(email, "Atomic"), json()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(casesOf(email)).isEqualTo(1);
  }

  @Test
  void aCustomerWithoutEmailGetsAnswersOnTheStatusPage() throws Exception {
    ResponseEntity<String> created = post("/api/cases", """
        {"channel":"WHATSAPP","customer":{"phone":"+49 151 %s"},"subject":"Kettle lid","message":"Lid is broken"}"""
        .formatted(String.valueOf(System.nanoTime()).substring(0, 8)), json());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = json.readTree(created.getBody()).get("caseNumber").asText();
    // The acknowledgement is recorded on the thread (channel PORTAL) rather than mailed.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> count(
        "select count(*) from aftersales.case_message m join aftersales.service_case c on c.id = m.case_id"
            + " where c.case_number = ? and m.direction = 'OUTBOUND' and m.channel = 'PORTAL'",
        number) == 1);
  }

  private JsonNode problem(ResponseEntity<String> response, int status) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    return problem;
  }

  private static List<String> fields(JsonNode problem) {
    return java.util.stream.StreamSupport.stream(problem.get("errors").spliterator(), false)
        .map(e -> e.get("field").asText()).toList();
  }
}
