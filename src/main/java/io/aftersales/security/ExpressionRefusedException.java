package io.aftersales.security;

import io.aftersales.shared.Problems.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A query carried an expression it may not carry (see {@link QueryExpressionGuard}). The engine REST API
 * and the webapps' engine API answer it as a 400 problem+json naming the fields
 * ({@link ExpressionRefusedMapper}). Deliberately not a {@code ProcessEngineException}: the engine wraps
 * those when they come out of an expression, and some REST resources turn them into generic errors.
 */
public class ExpressionRefusedException extends RuntimeException {
  private final transient List<FieldError> errors;

  ExpressionRefusedException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
