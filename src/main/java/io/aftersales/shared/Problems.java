package io.aftersales.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem details as this API writes them: a type per kind, and {@code errors} per field. */
public final class Problems {
  public static final String BASE = "/problems/";

  private Problems() {}

  public record FieldError(String field, String message) {}

  public static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
    problem.setType(URI.create(BASE + "invalid-request"));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    return problem;
  }

  private static final java.util.regex.Pattern REJECTED_HEADER = java.util.regex.Pattern.compile("header: \"([^\"]+)\"");

  /** A request the security firewall refused (e.g. a header value with bytes it does not allow). */
  public static ProblemDetail rejected(RuntimeException rejection) {
    java.util.regex.Matcher header = REJECTED_HEADER.matcher(String.valueOf(rejection.getMessage()));
    String field = header.find() ? header.group(1).strip() : "request";
    return invalid(List.of(new FieldError(field,
        "contains characters this service does not accept (visible ASCII only in headers; no control characters)")));
  }

  public static ErrorResponseException badRequest(String field, String message) {
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, invalid(List.of(new FieldError(field, message))), null);
  }

  public static ErrorResponseException notFound(String what) {
    return of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + what);
  }

  public static ErrorResponseException conflict(String detail) {
    return of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
  }

  public static ErrorResponseException of(HttpStatus status, String type, String title, String detail) {
    return new ErrorResponseException(status, detail(status, type, title, detail), null);
  }

  public static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(BASE + type));
    problem.setTitle(title);
    return problem;
  }
}
