package io.aftersales.intake;

import io.aftersales.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The same Idempotency-Key came with a different request body: 422, as the IETF draft suggests. */
class IdempotencyKeyReusedException extends ErrorResponseException {
  IdempotencyKeyReusedException(String key) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, Problems.detail(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
        "Idempotency-Key reused", "Idempotency-Key '" + key + "' was already used for a different request"), null);
  }
}
