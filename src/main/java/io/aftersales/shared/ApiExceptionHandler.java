package io.aftersales.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our own API as RFC 9457 problem+json. Bad input names each field at fault; an
 * unexpected error says nothing about internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final javax.sql.DataSource dataSource;

  ApiExceptionHandler(javax.sql.DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A persistence failure whose cause does not say "no connection" (e.g. a rollback on a connection the
   * outage closed) is still an outage if the database cannot be reached now: ask it.
   */
  private boolean databaseDown(Throwable failure) {
    if (Problems.isDatabaseUnavailable(failure)) return true;
    boolean persistence = false;
    for (Throwable t = failure; t != null && !persistence; t = t.getCause()) {
      persistence = t instanceof java.sql.SQLException || t instanceof org.springframework.dao.DataAccessException
          || t instanceof org.springframework.transaction.TransactionException
          || t instanceof jakarta.persistence.PersistenceException;
    }
    if (!persistence) return false;
    try (java.sql.Connection probe = dataSource.getConnection()) {
      return !probe.isValid(1);
    } catch (java.sql.SQLException e) {
      return true;
    }
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Problems.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return ResponseEntity.badRequest().body(Problems.invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Problems.FieldError> errors = ex.getParameterValidationResults().stream()
        .flatMap(r -> r instanceof ParameterErrors bean
            ? bean.getFieldErrors().stream().map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage()))
            : r.getResolvableErrors().stream().map(e -> new Problems.FieldError(
                r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return ResponseEntity.badRequest().body(Problems.invalid(errors));
  }

  /** Malformed JSON, a wrong type, an unknown enum value or an unknown field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getCause();
    Problems.FieldError error;
    if (cause instanceof UnrecognizedPropertyException unknown) {
      error = new Problems.FieldError(path(unknown), "unknown field");
    } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      error = new Problems.FieldError(path(invalid), "must be one of "
          + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
              .collect(Collectors.joining(", ")));
    } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
        && StrictJson.TEXT_RULE.equals(mapping.getOriginalMessage())) {
      error = new Problems.FieldError(path(mapping), mapping.getOriginalMessage());
    } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      error = new Problems.FieldError(path(mapping), "has the wrong type or format");
    } else if (cause instanceof JsonProcessingException parse) {
      error = new Problems.FieldError("body", "is not valid JSON: " + parse.getOriginalMessage());
    } else {
      error = new Problems.FieldError("body", "is missing or not readable");
    }
    return ResponseEntity.badRequest().body(Problems.invalid(List.of(error)));
  }

  /** The JSON path of the offending field, e.g. {@code customer.email} or {@code items[0].sku}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) path.append('.');
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
    List<Problems.FieldError> errors = ex.getConstraintViolations().stream()
        .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList();
    return ResponseEntity.badRequest().body(Problems.invalid(errors));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex) {
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(Problems.detail(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", "Request cannot be processed",
            ex.getMessage()));
  }

  /** Spring Security's firewall checks header values when they are first read, i.e. inside MVC. */
  @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException ex) {
    return ResponseEntity.badRequest().body(Problems.rejected(ex));
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
    if (databaseDown(ex)) {
      log.warn("Database unavailable: {}", ex.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Problems.DATABASE_RETRY_AFTER_SECONDS)
          .body(Problems.databaseUnavailable());
    }
    log.error("Unexpected error", ex);
    return ResponseEntity.internalServerError().body(Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error", "Internal error", "The request could not be completed; nothing was saved. Please retry."));
  }
}
