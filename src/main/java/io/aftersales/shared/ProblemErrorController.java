package io.aftersales.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error that did not pass through our MVC handlers (a filter's exception, a servlet's sendError, the
 * webapps' CSRF refusal, an unknown path) is answered as RFC 9457 problem+json with its original status,
 * instead of Spring Boot's {@code {"timestamp",...}} body. A database outage is a 503 with Retry-After.
 */
@RestController
class ProblemErrorController implements ErrorController {
  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (failure != null && Problems.isDatabaseUnavailable(failure)) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .header(HttpHeaders.RETRY_AFTER, Problems.DATABASE_RETRY_AFTER_SECONDS).body(Problems.databaseUnavailable());
    }
    HttpStatus status = code instanceof Integer number && HttpStatus.resolve(number) != null
        ? HttpStatus.valueOf(number)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.is5xxServerError() && failure != null) log.error("Unhandled error on {}", path, failure);
    ProblemDetail problem = Problems.detail(status, slug(status), status.getReasonPhrase(),
        status.is5xxServerError()
            ? "The request could not be completed; please retry."
            : "The request was refused (" + status.value() + " " + status.getReasonPhrase() + ").");
    if (path != null) {
      try {
        problem.setInstance(URI.create(path));
      } catch (IllegalArgumentException unparseable) {
        // a path that is no URI (the reason for the error, often): leave it out
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static String slug(HttpStatus status) {
    return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
