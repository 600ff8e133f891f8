package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** Every error of our API as problem+json: fields at fault named and sorted, outages 503, the rest 500 without internals. */
class ApiExceptionHandlerTest {
  private final DataSource dataSource = mock(DataSource.class);
  private final ApiExceptionHandler handler = new ApiExceptionHandler(dataSource);

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> errors(Object body) {
    return (List<Map<String, String>>) ((ProblemDetail) body).getProperties().get("errors");
  }

  private static List<String> fields(Object body) {
    return errors(body).stream().map(e -> e.get("field")).toList();
  }

  private static void assertInvalid(ResponseEntity<?> response, int count) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ProblemDetail problem = (ProblemDetail) response.getBody();
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getType()).isEqualTo(URI.create("/problems/invalid-request"));
    assertThat(problem.getTitle()).isEqualTo("Invalid request");
    assertThat(problem.getDetail()).isEqualTo(count == 1 ? "1 field is invalid" : count + " fields are invalid");
    assertThat(errors(problem)).hasSize(count);
  }

  // --- bean validation of bodies and parameters ---

  void target(String subject, String message) {}

  @Test
  void invalidBodyFieldsAreNamedInAlphabeticalOrder() throws Exception {
    BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Object(), "request");
    result.addError(new FieldError("request", "subject", "must not be blank"));
    result.addError(new FieldError("request", "customer.email", "must be an email"));
    result.addError(new FieldError("request", "message", "size must be at most 20000"));
    MethodParameter parameter =
        new MethodParameter(getClass().getDeclaredMethod("target", String.class, String.class), 0);

    ResponseEntity<Object> response = handler.handleMethodArgumentNotValid(
        new MethodArgumentNotValidException(parameter, result), new HttpHeaders(), HttpStatus.BAD_REQUEST, null);

    assertInvalid(response, 3);
    assertThat(fields(response.getBody())).containsExactly("customer.email", "message", "subject");
    assertThat(errors(response.getBody()).get(0)).containsEntry("message", "must be an email");
  }

  @Test
  void invalidParametersAreNamedByFieldOrParameterNameInAlphabeticalOrder() throws Exception {
    Method method = getClass().getDeclaredMethod("target", String.class, String.class);
    MethodParameter subject = new MethodParameter(method, 0);
    subject.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
    MethodParameter message = new MethodParameter(method, 1);
    message.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
    BeanPropertyBindingResult bean = new BeanPropertyBindingResult(new Object(), "message");
    bean.addError(new FieldError("message", "text", "must not be blank"));
    bean.addError(new FieldError("message", "channel", "must not be null"));
    ParameterValidationResult value = new ParameterValidationResult(subject, "  ",
        List.of(new DefaultMessageSourceResolvable(new String[]{"NotBlank"}, "must not be blank")));
    ParameterErrors errors = new ParameterErrors(message, new Object(), bean, null, null, null);
    HandlerMethodValidationException ex = new HandlerMethodValidationException(
        MethodValidationResult.create(this, method, List.of(value, errors)));

    ResponseEntity<Object> response = handler.handleHandlerMethodValidationException(ex, new HttpHeaders(),
        HttpStatus.BAD_REQUEST, null);

    assertInvalid(response, 3);
    assertThat(fields(response.getBody())).containsExactly("channel", "subject", "text");
    assertThat(errors(response.getBody()).get(1)).containsEntry("message", "must not be blank");
  }

  record Holder(@NotBlank String name, @Size(max = 2) String code) {}

  @Test
  void constraintViolationsNameTheirPropertyPaths() {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    ResponseEntity<ProblemDetail> response = handler.constraintViolation(
        new ConstraintViolationException(validator.validate(new Holder(" ", "abc"))));
    assertInvalid(response, 2);
    assertThat(errors(response.getBody())).containsExactlyInAnyOrder(
        Map.of("field", "name", "message", "must not be blank"),
        Map.of("field", "code", "message", "size must be between 0 and 2"));
  }

  // --- unreadable bodies ---

  enum Colour {
    RED, GREEN
  }

  record Item(String sku, int quantity) {}

  record Contact(String email) {}

  record Body(Contact customer, List<Item> items, Colour colour, Integer count) {}

  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new SimpleModule().addDeserializer(String.class, new StrictJson.Text()));

  private Map<String, String> unreadable(String body) {
    Throwable cause = null;
    try {
      json.readValue(body, Body.class);
    } catch (Exception e) {
      cause = e;
    }
    assertThat(cause).as("parsing %s fails", body).isNotNull();
    return unreadable(cause);
  }

  private Map<String, String> unreadable(Throwable cause) {
    ResponseEntity<Object> response = handler.handleHttpMessageNotReadable(
        new HttpMessageNotReadableException("unreadable", cause, new MockHttpInputMessage(new byte[0])),
        new HttpHeaders(), HttpStatus.BAD_REQUEST, null);
    assertInvalid(response, 1);
    return errors(response.getBody()).get(0);
  }

  @Test
  void anUnknownFieldIsNamedByItsPath() {
    assertThat(unreadable("{\"customer\":{\"email\":\"a@b.c\",\"bogus\":1}}"))
        .isEqualTo(Map.of("field", "customer.bogus", "message", "unknown field"));
    assertThat(unreadable("{\"bogus\":1}")).isEqualTo(Map.of("field", "bogus", "message", "unknown field"));
  }

  @Test
  void anUnknownFieldWithoutPathIsTheBody() {
    assertThat(unreadable(
        new UnrecognizedPropertyException(null, "Unrecognized field \"x\"", null, Body.class, "x", List.of())))
        .isEqualTo(Map.of("field", "body", "message", "unknown field"));
  }

  @Test
  void anUnknownEnumValueListsTheValuesAllowed() {
    assertThat(unreadable("{\"colour\":\"BLUE\"}"))
        .isEqualTo(Map.of("field", "colour", "message", "must be one of RED, GREEN"));
  }

  @Test
  void controlCharactersInTextAreNamedWithTheRule() {
    assertThat(unreadable("{\"items\":[{\"sku\":\"ok\"},{\"sku\":\"a\\u0001\"}]}"))
        .isEqualTo(Map.of("field", "items[1].sku", "message", StrictJson.TEXT_RULE));
    assertThat(unreadable("{\"items\":[{\"sku\":\"a\\u0000\"}]}"))
        .isEqualTo(Map.of("field", "items[0].sku", "message", StrictJson.TEXT_RULE));
  }

  @Test
  void aValueOfTheWrongTypeIsNamedByItsPath() {
    assertThat(unreadable("{\"count\":\"many\"}"))
        .isEqualTo(Map.of("field", "count", "message", "has the wrong type or format"));
    assertThat(unreadable("{\"items\":[{\"quantity\":\"x\"}]}"))
        .isEqualTo(Map.of("field", "items[0].quantity", "message", "has the wrong type or format"));
    assertThat(unreadable("{\"customer\":[1]}"))
        .isEqualTo(Map.of("field", "customer", "message", "has the wrong type or format"));
  }

  @Test
  void malformedJsonIsTheBodysFault() {
    Map<String, String> error = unreadable("{\"customer\": ");
    assertThat(error.get("field")).isEqualTo("body");
    assertThat(error.get("message")).startsWith("is not valid JSON: ").doesNotContain("Source:");
    Map<String, String> wrongRoot = unreadable("[1, 2]");
    assertThat(wrongRoot.get("field")).isEqualTo("body");
    assertThat(wrongRoot.get("message")).startsWith("is not valid JSON: Cannot deserialize");
  }

  @Test
  void aMissingBodyIsTheBodysFault() {
    assertThat(unreadable((Throwable) null))
        .isEqualTo(Map.of("field", "body", "message", "is missing or not readable"));
    assertThat(unreadable(new java.io.IOException("stream closed")))
        .isEqualTo(Map.of("field", "body", "message", "is missing or not readable"));
  }

  // --- other refusals ---

  @Test
  void anIllegalArgumentIs422WithItsMessage() {
    ResponseEntity<ProblemDetail> response = handler.illegalArgument(new IllegalArgumentException("No such SKU"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody().getType()).isEqualTo(URI.create("/problems/unprocessable"));
    assertThat(response.getBody().getTitle()).isEqualTo("Request cannot be processed");
    assertThat(response.getBody().getDetail()).isEqualTo("No such SKU");
  }

  @Test
  void aRejectedHeaderIsNamed() {
    ResponseEntity<ProblemDetail> response = handler.rejected(new RequestRejectedException(
        "The request was rejected because the header: \"X-Case-Token \" has a value \"\u0007\" that is not allowed."));
    assertInvalid(response, 1);
    assertThat(fields(response.getBody())).containsExactly("X-Case-Token");
    assertThat(errors(response.getBody()).get(0).get("message")).contains("visible ASCII only in headers");

    assertThat(fields(handler.rejected(new RequestRejectedException("The URL contained a semicolon")).getBody()))
        .containsExactly("request");
  }

  // --- unexpected errors and outages ---

  private static void assertOutage(ResponseEntity<ProblemDetail> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    assertThat(response.getBody().getType()).isEqualTo(URI.create("/problems/service-unavailable"));
    assertThat(response.getBody().getStatus()).isEqualTo(503);
  }

  private static void assertInternal(ResponseEntity<ProblemDetail> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
    assertThat(response.getBody().getType()).isEqualTo(URI.create("/problems/internal-error"));
    assertThat(response.getBody().getTitle()).isEqualTo("Internal error");
    assertThat(response.getBody().getDetail())
        .isEqualTo("The request could not be completed; nothing was saved. Please retry.");
  }

  @Test
  void noConnectionIs503WithRetryAfterAndALoggedWarning() {
    try (LogCapture log = new LogCapture(ApiExceptionHandler.class)) {
      assertOutage(handler.unexpected(new CannotCreateTransactionException("no connection",
          new SQLTransientConnectionException("pool exhausted"))));
      assertThat(log.lines(Level.WARN)).singleElement().asString().startsWith("Database unavailable: ");
      assertThat(log.lines(Level.ERROR)).isEmpty();
    }
    verifyNoInteractions(dataSource);
  }

  @Test
  void aPersistenceFailureIsAnOutageWhenTheDatabaseCannotBeReachedNow() throws Exception {
    Connection broken = mock(Connection.class);
    when(broken.isValid(anyInt())).thenReturn(false);
    when(dataSource.getConnection()).thenReturn(broken);
    assertOutage(handler.unexpected(new DataIntegrityViolationException("rollback failed")));
    verify(broken).isValid(1);
    verify(broken).close();
  }

  @Test
  void aPersistenceFailureIsAnOutageWhenNoConnectionCanBeHad() throws Exception {
    when(dataSource.getConnection()).thenThrow(new SQLException("refused"));
    assertOutage(handler.unexpected(new TransactionSystemException("commit failed")));
  }

  @Test
  void aPersistenceFailureWithAHealthyDatabaseIs500() throws Exception {
    Connection healthy = mock(Connection.class);
    when(healthy.isValid(anyInt())).thenReturn(true);
    when(dataSource.getConnection()).thenReturn(healthy);
    for (RuntimeException failure : List.of(new DataIntegrityViolationException("duplicate"),
        new TransactionSystemException("commit failed"),
        new jakarta.persistence.PersistenceException("flush failed"),
        new RuntimeException("wrapped", new SQLException("constraint", "23505")),
        new IllegalStateException(new RuntimeException(new jakarta.persistence.PersistenceException("deep"))))) {
      try (LogCapture log = new LogCapture(ApiExceptionHandler.class)) {
        assertInternal(handler.unexpected(failure));
        assertThat(log.events()).singleElement().satisfies(e -> {
          assertThat(e.getLevel()).isEqualTo(Level.ERROR);
          assertThat(e.getFormattedMessage()).isEqualTo("Unexpected error");
        });
      }
    }
    verify(dataSource, org.mockito.Mockito.times(5)).getConnection();
  }

  @Test
  void anyOtherFailureIs500WithoutAskingTheDatabase() {
    assertInternal(handler.unexpected(new IllegalStateException("bug", new NullPointerException())));
    verifyNoInteractions(dataSource);
  }

  // --- as the client sees it ---

  @RestController
  static class Failing {
    @PostMapping("/api/things")
    String create(@Valid @RequestBody Holder holder) {
      throw new IllegalArgumentException("No thing " + holder.name());
    }
  }

  @Test
  void clientsGetProblemJson() throws Exception {
    MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(handler).build();
    mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"code\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.detail").value("1 field is invalid"));
    mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"oops\":1}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("No thing x"));
    mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(header().doesNotExist(HttpHeaders.RETRY_AFTER));
  }
}
