package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 6, promise 2: one case per Idempotency-Key, always; keys expire; no plaintext token at rest. */
class IdempotencyIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;
  @Autowired
  IntakeService intake;
  @LocalServerPort
  int port;

  private String body(String email, String subject) {
    return """
        {"channel":"WEB_FORM","customer":{"name":"Retry Client","email":"%s"},
         "subject":"%s","message":"A client that retries after its own timeout."}""".formatted(email, subject);
  }

  private HttpHeaders keyed(String key) {
    HttpHeaders headers = json();
    headers.set("Idempotency-Key", key);
    return headers;
  }

  private int casesWithSubject(String subject) {
    return count("select count(*) from aftersales.service_case where subject = ?", subject);
  }

  @Test
  void parallelRetriesWithOneKeyOpenExactlyOneCaseAndAllGetItsAnswer() throws Exception {
    for (int round = 0; round < 4; round++) {
      String key = UUID.randomUUID().toString();
      String subject = "Parallel retry " + key;
      String request = body(uniqueEmail("retry"), subject);
      List<ResponseEntity<String>> answers = inParallel(16, i -> post("/api/cases", request, keyed(key)));

      assertThat(casesWithSubject(subject)).as("cases for one key").isEqualTo(1);
      assertThat(count("select count(*) from act_ru_execution e join aftersales.service_case c"
          + " on e.business_key_ = c.case_number where c.subject = ? and e.parent_id_ is null", subject)).isEqualTo(1);
      Set<String> numbers = new HashSet<>();
      Set<String> tokens = new HashSet<>();
      int fresh = 0;
      for (ResponseEntity<String> answer : answers) {
        if (answer.getStatusCode() == HttpStatus.CONFLICT) { // allowed: the first was still in flight
          assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
          continue;
        }
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode created = json.readTree(answer.getBody());
        numbers.add(created.get("caseNumber").asText());
        tokens.add(created.get("accessToken").asText());
        if ("false".equals(answer.getHeaders().getFirst("Idempotent-Replayed"))) fresh++;
      }
      assertThat(numbers).hasSize(1);
      assertThat(tokens).as("every replay answers the same token").hasSize(1);
      assertThat(fresh).isEqualTo(1);
      // The replayed token opens the case.
      String number = numbers.iterator().next();
      assertThat(get("/api/cases/" + number + "?token=" + tokens.iterator().next(), new HttpHeaders())
          .getStatusCode()).isEqualTo(HttpStatus.OK);
      // One acknowledgement, not sixteen.
      assertThat(count("select count(*) from aftersales.case_message m join aftersales.service_case c"
          + " on c.id = m.case_id where c.case_number = ?", number)).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void noTokenIsStoredAndAKeyExpiresAfterItsRetention() throws Exception {
    String key = UUID.randomUUID().toString();
    String subject = "Expiring key " + key;
    String request = body(uniqueEmail("expiry"), subject);
    JsonNode first = json.readTree(post("/api/cases", request, keyed(key)).getBody());
    String token = first.get("accessToken").asText();

    Map<String, Object> record =
        jdbc.queryForMap("select * from aftersales.idempotency_record where idempotency_key = ?",
            key);
    assertThat(record.values()).noneMatch(v -> v != null && v.toString().contains(token));
    assertThat(record).containsEntry("case_number", first.get("caseNumber").asText());

    // A day later the key is free: the same request is a new request.
    jdbc.update("update aftersales.idempotency_record set created_at = created_at - interval '25 hours'"
        + " where idempotency_key = ?", key);
    ResponseEntity<String> again = post("/api/cases", request, keyed(key));
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(casesWithSubject(subject)).isEqualTo(2);

    // Expired keys are purged.
    jdbc.update("update aftersales.idempotency_record set created_at = created_at - interval '25 hours'"
        + " where idempotency_key = ?", key);
    intake.purgeExpiredKeys();
    assertThat(count("select count(*) from aftersales.idempotency_record where idempotency_key = ?", key)).isZero();
  }

  @Test
  void aKeyTheDatabaseCannotHoldIsABadRequestAndNothingIsStored() throws Exception {
    String subject = "Bad key " + UUID.randomUUID();
    for (String key : List.of("x".repeat(256), "with space", "tab\there")) {
      ResponseEntity<String> refused = post("/api/cases", body(uniqueEmail("key"), subject), keyed(key));
      assertThat(refused.getStatusCode()).as(key).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("Idempotency-Key");
    }
    // Bytes a client library would refuse to send: UTF-8 and a NUL in the header, over a raw socket.
    for (String key : List.of("ключ-" + UUID.randomUUID(), "nul\u0000key")) {
      String response = rawPost(key, body(uniqueEmail("raw"), subject));
      assertThat(response).as(key + ": " + response).startsWith("HTTP/1.1 400");
    }
    assertThat(casesWithSubject(subject)).isZero();
  }

  private String rawPost(String key, String body) throws Exception {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
              + "Content-Length: " + content.length + "\r\nIdempotency-Key: ").getBytes(StandardCharsets.US_ASCII));
      out.write(key.getBytes(StandardCharsets.UTF_8));
      out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
