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

  /**
   * A person's browser (it asks for HTML) gets a page in words, with the way back, instead of problem+json or
   * Spring's "Whitelabel Error Page"; programs keep the problem+json above.
   */
  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> errorPage(HttpServletRequest request) {
    ResponseEntity<ProblemDetail> problem = error(request);
    HttpStatus status = HttpStatus.valueOf(problem.getStatusCode().value());
    String[] words = switch (status) {
      case FORBIDDEN -> new String[]{"You may not open this page",
          "Your account is not allowed to use this page or application. If your work needs it, ask a team lead"
              + " or the administrator to add you to the right group."};
      case UNAUTHORIZED -> new String[]{"Please sign in", "This page is for staff who have signed in."};
      case NOT_FOUND -> new String[]{"Page not found", "There is no page at this address."};
      case SERVICE_UNAVAILABLE -> new String[]{"Back in a moment",
          "The service cannot reach its database just now. Please try again in a minute."};
      default -> status.is5xxServerError()
          ? new String[]{"Something went wrong", "The request could not be completed; nothing was saved. Please retry."}
          : new String[]{status.getReasonPhrase(), "The request was refused (" + status.value() + ")."};
    };
    String page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%1$s · Aftersales</title><link rel="stylesheet" href="/assets/app.css"></head>
        <body><main class="container"><section class="card"><h1>%1$s</h1><p>%2$s</p>
        <p class="muted">%3$d %4$s</p>
        <p><a href="/camunda/app/tasklist/">Tasklist</a> · <a href="/camunda/app/welcome/">Camunda start page</a>
         · <a href="/">Customer service home</a></p></section></main></body></html>
        """.formatted(words[0], words[1], status.value(), status.getReasonPhrase());
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(problem.getHeaders());
    headers.setContentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
    return new ResponseEntity<>(page, headers, status);
  }

  private static String slug(HttpStatus status) {
    return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
