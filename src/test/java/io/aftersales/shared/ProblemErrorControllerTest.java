package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** Errors outside our MVC handlers keep their status, as problem+json; an outage is 503 with Retry-After. */
class ProblemErrorControllerTest {
  private final ProblemErrorController controller = new ProblemErrorController();

  private ResponseEntity<ProblemDetail> error(Object status, Throwable failure, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    if (status != null) request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    if (failure != null) request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
    if (path != null) request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
    return controller.error(request);
  }

  @Test
  void aRefusalKeepsItsStatusAndSaysSo() {
    ResponseEntity<ProblemDetail> response = error(403, null, "/camunda/api/admin/auth/user/default/login/tasklist");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    ProblemDetail problem = response.getBody();
    assertThat(problem.getStatus()).isEqualTo(403);
    assertThat(problem.getType()).isEqualTo(URI.create("/problems/forbidden"));
    assertThat(problem.getTitle()).isEqualTo("Forbidden");
    assertThat(problem.getDetail()).isEqualTo("The request was refused (403 Forbidden).");
    assertThat(problem.getInstance()).isEqualTo(URI.create("/camunda/api/admin/auth/user/default/login/tasklist"));
    assertThat(response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
  }

  @Test
  void theTypeIsTheReasonAsSlug() {
    assertThat(error(413, null, null).getBody().getType()).isEqualTo(URI.create("/problems/payload-too-large"));
    assertThat(error(418, null, null).getBody().getType()).isEqualTo(URI.create("/problems/i-m-a-teapot"));
    assertThat(error(404, null, null).getBody().getInstance()).isNull();
  }

  @Test
  void aServerErrorAsksToRetryAndLogsTheFailure() {
    try (LogCapture log = new LogCapture(ProblemErrorController.class)) {
      ResponseEntity<ProblemDetail> response = error(500, new IllegalStateException("boom"), "/api/cases");
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
      assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(response.getBody().getDetail()).isEqualTo("The request could not be completed; please retry.");
      assertThat(response.getBody().getType()).isEqualTo(URI.create("/problems/internal-server-error"));
      assertThat(log.lines(Level.ERROR)).containsExactly("Unhandled error on /api/cases");
    }
  }

  @Test
  void aServerErrorWithoutFailureOrAClientErrorIsNotLogged() {
    try (LogCapture log = new LogCapture(ProblemErrorController.class)) {
      assertThat(error(502, null, "/x").getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
      assertThat(error(400, new IllegalArgumentException("bad"), "/x").getBody().getDetail())
          .isEqualTo("The request was refused (400 Bad Request).");
      assertThat(log.events()).isEmpty();
    }
  }

  @Test
  void anUnknownOrMissingStatusIs500() {
    assertThat(error(999, null, null).getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(error(null, null, null).getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(error("404", null, null).getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
  }

  @Test
  void aDatabaseOutageIs503WithRetryAfterWhateverTheStatus() {
    ResponseEntity<ProblemDetail> response = error(500,
        new RuntimeException(new SQLTransientConnectionException("pool")), "/api/cases");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    assertThat(response.getBody().getType()).isEqualTo(URI.create("/problems/service-unavailable"));
  }

  @Test
  void aPathThatIsNoUriIsLeftOut() {
    ResponseEntity<ProblemDetail> response = error(400, null, "/api/cases/a b%zz");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().getInstance()).isNull();
  }

  private ResponseEntity<String> page(Object status, Throwable failure) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    if (failure != null) request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
    return controller.errorPage(request);
  }

  @Test
  void aBrowserReadsTheRefusalInWordsWithItsStatus() {
    ResponseEntity<String> forbidden = page(403, null);
    assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forbidden.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(forbidden.getBody()).contains("<h1>You may not open this page</h1>", "ask a team lead", "403 Forbidden",
        "href=\"/camunda/app/tasklist/\"");
    assertThat(page(401, null).getBody()).contains("Please sign in");
    assertThat(page(404, null).getBody()).contains("Page not found");
    assertThat(page(500, null).getBody()).contains("Something went wrong", "nothing was saved");
    assertThat(page(409, null).getBody()).contains("<h1>Conflict</h1>", "refused (409)");
    ResponseEntity<String> outage = page(500, new SQLTransientConnectionException("connection refused"));
    assertThat(outage.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(outage.getBody()).contains("Back in a moment");
    assertThat(outage.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isTrue();
  }
}
