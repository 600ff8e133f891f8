package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.demo.DatabaseLink;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Issue 6, promise 10: with the database unreachable the platform says so quickly and recovers by itself. */
class DatabaseOutageIT extends IntegrationTestSupport {
  @Autowired
  DatabaseLink database;
  @Autowired
  ObjectMapper json;

  private String request(String subject) {
    return """
        {"channel":"WEB_FORM","customer":{"name":"Outage","email":"%s"},"subject":"%s","message":"Hello?"}"""
        .formatted(uniqueEmail("outage"), subject);
  }

  private record Timed(ResponseEntity<String> response, long millis) {}

  private Timed timed(java.util.concurrent.Callable<ResponseEntity<String>> call) throws Exception {
    long start = System.nanoTime();
    ResponseEntity<String> response = call.call();
    return new Timed(response, (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void healthIsDownWithinTwoSecondsTheApiAnswers503AndEverythingRecovers() throws Exception {
    String subject = "During the outage " + UUID.randomUUID();
    String request = request(subject);
    // Steady state first (a running platform has served requests before the outage).
    assertThat(get("/actuator/health", new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.OK);
    database.cut();
    try {
      Timed health = timed(() -> get("/actuator/health", new HttpHeaders()));
      assertThat(health.response().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(health.response().getBody()).contains("DOWN");
      assertThat(health.millis()).as("health answers DOWN in ms").isLessThan(2_000);

      Timed intake = timed(() -> post("/api/cases", request, json()));
      assertUnavailable(intake, "POST /api/cases");
      // Staff logins need the database too: a temporary 503, not "wrong password".
      assertUnavailable(timed(() -> get("/api/mail/failures", jsonAs("tara"))), "GET /api/mail/failures");
      assertUnavailable(timed(() -> get("/api/cases/SC-2026-000001?token=x", new HttpHeaders())), "GET /api/cases");
    } finally {
      database.restore();
    }
    // It recovers by itself: no restart, the next requests succeed.
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> get("/actuator/health", new HttpHeaders()).getStatusCode() == HttpStatus.OK);
    assertThat(count("select count(*) from aftersales.service_case where subject = ?", subject))
        .as("nothing half-written by the refused request").isZero();
    assertThat(post("/api/cases", request, json()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(count("select count(*) from aftersales.service_case where subject = ?", subject)).isEqualTo(1);
  }

  private void assertUnavailable(Timed call, String what) throws Exception {
    assertThat(call.response().getStatusCode()).as(what + ": " + call.response().getBody())
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(call.response().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).as(what).isNotBlank();
    assertThat(call.response().getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json.readTree(call.response().getBody()).get("status").asInt()).isEqualTo(503);
    assertThat(call.millis()).as(what + " answers within a few seconds").isLessThan(5_000);
  }
}
