package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponseException;

/** The problem details this API writes, and what counts as a database outage. */
class ProblemsTest {

  @Test
  void invalidRequestsCountAndListTheirFields() {
    ProblemDetail one = Problems.invalid(List.of(new Problems.FieldError("email", "must be an email")));
    assertThat(one.getStatus()).isEqualTo(400);
    assertThat(one.getType()).isEqualTo(URI.create("/problems/invalid-request"));
    assertThat(one.getTitle()).isEqualTo("Invalid request");
    assertThat(one.getDetail()).isEqualTo("1 field is invalid");
    assertThat(one.getProperties()).containsEntry("errors",
        List.of(Map.of("field", "email", "message", "must be an email")));

    ProblemDetail two = Problems.invalid(List.of(new Problems.FieldError("a", "x"), new Problems.FieldError("b", "y")));
    assertThat(two.getDetail()).isEqualTo("2 fields are invalid");
    assertThat(Problems.invalid(List.of()).getDetail()).isEqualTo("0 fields are invalid");
  }

  @Test
  void aRejectedRequestNamesTheHeaderOrElseTheRequest() {
    ProblemDetail header =
        Problems.rejected(new RuntimeException("rejected because the header: \" X-Foo \" has a value"));
    assertThat(header.getProperties().get("errors")).asList().singleElement()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("field", "X-Foo");
    ProblemDetail other = Problems.rejected(new RuntimeException((String) null));
    assertThat(other.getProperties().get("errors")).asList().singleElement()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("field", "request");
  }

  @Test
  void everyKindOfLostConnectionIsAnOutage() {
    assertThat(Problems.isDatabaseUnavailable(new CannotCreateTransactionException("x"))).isTrue();
    assertThat(Problems.isDatabaseUnavailable(new DataAccessResourceFailureException("x"))).isTrue();
    assertThat(Problems.isDatabaseUnavailable(new SQLTransientConnectionException("x"))).isTrue();
    assertThat(Problems.isDatabaseUnavailable(new SQLNonTransientConnectionException("x"))).isTrue();
    assertThat(Problems.isDatabaseUnavailable(new ConnectException("x"))).isTrue();
    assertThat(Problems.isDatabaseUnavailable(new SQLException("x", "08006"))).isTrue();
    assertThat(Problems.isDatabaseUnavailable(new SQLException("x", "08001"))).isTrue();
  }

  @Test
  void anOutageIsFoundDeepInTheCauseChain() {
    assertThat(Problems.isDatabaseUnavailable(new IllegalStateException(new RuntimeException(
        new SQLException("x", "08003"))))).isTrue();
    assertThat(Problems.isDatabaseUnavailable(new RuntimeException(new ConnectException("refused")))).isTrue();
  }

  @Test
  void otherFailuresAreNoOutage() {
    assertThat(Problems.isDatabaseUnavailable(null)).isFalse();
    assertThat(Problems.isDatabaseUnavailable(new DataIntegrityViolationException("dup"))).isFalse();
    assertThat(Problems.isDatabaseUnavailable(new SQLException("dup", "23505"))).isFalse();
    assertThat(Problems.isDatabaseUnavailable(new SQLException("no state"))).isFalse();
    assertThat(Problems.isDatabaseUnavailable(new RuntimeException(new SQLException("x", "40001")))).isFalse();
  }

  @Test
  void aFailureThatIsItsOwnCauseEnds() {
    RuntimeException selfCaused = new RuntimeException("loop") {
      @Override
      public synchronized Throwable getCause() { return this; }
    };
    assertThat(Problems.isDatabaseUnavailable(selfCaused)).isFalse();
  }

  @Test
  void theOutageProblemAsksToRetry() {
    ProblemDetail problem = Problems.databaseUnavailable();
    assertThat(problem.getStatus()).isEqualTo(503);
    assertThat(problem.getType()).isEqualTo(URI.create("/problems/service-unavailable"));
    assertThat(problem.getTitle()).isEqualTo("Service unavailable");
    assertThat(problem.getDetail()).contains("cannot reach its database").contains("nothing was saved");
    assertThat(Problems.DATABASE_RETRY_AFTER_SECONDS).isEqualTo("10");
  }

  @Test
  void errorResponsesCarryStatusTypeTitleAndDetail() {
    ErrorResponseException bad = Problems.badRequest("Idempotency-Key", "too long");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().getDetail()).isEqualTo("1 field is invalid");
    assertThat(bad.getBody().getProperties()).containsEntry("errors",
        List.of(Map.of("field", "Idempotency-Key", "message", "too long")));

    ErrorResponseException notFound = Problems.notFound("case SC-1");
    assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(notFound.getBody().getType()).isEqualTo(URI.create("/problems/not-found"));
    assertThat(notFound.getBody().getTitle()).isEqualTo("Not found");
    assertThat(notFound.getBody().getDetail()).isEqualTo("No case SC-1");

    ErrorResponseException conflict = Problems.conflict("Case is closed");
    assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(conflict.getBody().getType()).isEqualTo(URI.create("/problems/conflict"));
    assertThat(conflict.getBody().getTitle()).isEqualTo("Conflict");
    assertThat(conflict.getBody().getDetail()).isEqualTo("Case is closed");

    ErrorResponseException gone = Problems.of(HttpStatus.GONE, "gone", "Gone", "It went");
    assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(gone.getBody().getStatus()).isEqualTo(410);
    assertThat(gone.getBody().getType()).isEqualTo(URI.create("/problems/gone"));
  }
}
