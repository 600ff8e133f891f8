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
    problem.setProperty("errors",
        errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    return problem;
  }

  private static final java.util.regex.Pattern REJECTED_HEADER =
      java.util.regex.Pattern.compile("header: \"([^\"]+)\"");

  /** A request the security firewall refused (e.g. a header value with bytes it does not allow). */
  public static ProblemDetail rejected(RuntimeException rejection) {
    java.util.regex.Matcher header = REJECTED_HEADER.matcher(String.valueOf(rejection.getMessage()));
    String field = header.find() ? header.group(1).strip() : "request";
    return invalid(List.of(new FieldError(field,
        "contains characters this service does not accept (visible ASCII only in headers; no control characters)")));
  }

  /** Seconds a client should wait before retrying while the database is unreachable. */
  public static final String DATABASE_RETRY_AFTER_SECONDS = "10";

  /**
   * True if {@code failure} means the database cannot be reached (no connection from the pool, a broken
   * connection, SQLSTATE class 08): a temporary outage to be answered with 503, not a fault of ours.
   */
  public static boolean isDatabaseUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.springframework.transaction.CannotCreateTransactionException
          || t instanceof org.springframework.dao.DataAccessResourceFailureException
          || t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  public static ProblemDetail databaseUnavailable() {
    return detail(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
        "The service cannot reach its database right now; nothing was saved. Please retry in a few seconds.");
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
