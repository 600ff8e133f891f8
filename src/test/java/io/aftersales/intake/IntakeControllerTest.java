package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftersales.cases.CaseView;
import io.aftersales.cases.RequestType;
import io.aftersales.cases.ServiceCases;
import io.aftersales.cases.SourceChannel;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.ErrorResponseException;

/** The customer-facing case API, called directly with the services stubbed. */
class IntakeControllerTest {
  private static final String CASE = "SC-2026-000001";

  private final IntakeService intake = mock(IntakeService.class);
  private final ServiceCases cases = mock(ServiceCases.class);
  private final io.aftersales.security.CaseReaders readers = mock(io.aftersales.security.CaseReaders.class);
  private final io.aftersales.cases.Attachments attachments = mock(io.aftersales.cases.Attachments.class);
  private final IntakeController controller = new IntakeController(intake, cases, readers, attachments,
      java.time.Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), java.time.ZoneOffset.UTC));

  private static IntakeRequest request() {
    return new IntakeRequest(IntakeRequest.ApiChannel.WEB_FORM,
        new IntakeRequest.Contact("Maria", "maria@example.com", null), "WEB-1001", null, null,
        LocalDate.of(2025, 11, 3), RequestType.RETURN, "Kettle", "It leaks.");
  }

  private static IntakeResponse response() {
    return new IntakeResponse(CASE, "token-1", "https://service.example/status.html#case=" + CASE + "&token=token-1");
  }

  private static CaseView view(String status, String subject) {
    return view(status, subject, null);
  }

  private static CaseView view(String status, String subject, Instant reopenableUntil) {
    return new CaseView(CASE, status, "WEB_FORM", "RETURN", "NORMAL", subject, "WEB-1001", null, null,
        Instant.parse("2026-03-02T08:00:00Z"), null, null, reopenableUntil, null, List.of());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> errors(ErrorResponseException e) {
    return (List<Map<String, String>>) e.getBody().getProperties().get("errors");
  }

  // --- opening ---

  @Test
  void aNewCaseIsCreatedAtItsOwnAddress() {
    IntakeRequest request = request();
    when(intake.submit(request, null)).thenReturn(new IntakeService.Result(response(), false));

    ResponseEntity<IntakeResponse> created = controller.open(request, null);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).isEqualTo(URI.create("/api/cases/" + CASE));
    assertThat(created.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(created.getBody()).isEqualTo(response());
  }

  @Test
  void aReplayIsMarkedAsSuch() {
    IntakeRequest request = request();
    when(intake.submit(request, "key-1")).thenReturn(new IntakeService.Result(response(), true));
    ResponseEntity<IntakeResponse> replayed = controller.open(request, "key-1");
    assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void aBlankKeyIsNoKeyAndAKeyIsStripped() {
    IntakeRequest request = request();
    when(intake.submit(any(), any())).thenReturn(new IntakeService.Result(response(), false));
    controller.open(request, "   ");
    controller.open(request, "");
    verify(intake, times(2)).submit(request, null);
    controller.open(request, "  key-1\t");
    verify(intake).submit(request, "key-1");
  }

  @Test
  void aKeyOfVisibleAsciiUpTo255CharactersIsAccepted() {
    when(intake.submit(any(), any())).thenReturn(new IntakeService.Result(response(), false));
    String longest = "k".repeat(255);
    controller.open(request(), longest);
    controller.open(request(), "!~");
    verify(intake).submit(any(), eq(longest));
    verify(intake).submit(any(), eq("!~"));
  }

  @Test
  void anyOtherKeyIsRefusedNamingTheHeader() {
    for (String key : new String[]{"k".repeat(256), "a b", "schl\u00fcssel", "a\u0001b"}) {
      ErrorResponseException e =
          catchThrowableOfType(ErrorResponseException.class, () -> controller.open(request(), key));
      assertThat(e).as(key).isNotNull();
      assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(errors(e)).singleElement().satisfies(error -> {
        assertThat(error.get("field")).isEqualTo("Idempotency-Key");
        assertThat(error.get("message")).isEqualTo("must be 1 to 255 visible ASCII characters (e.g. a UUID)");
      });
    }
    verify(intake, never()).submit(any(), any());
  }

  @Test
  void aKeyStillInFlightIs409WithRetryAfter() {
    PessimisticLockingFailureException lock = new PessimisticLockingFailureException("lock timeout");
    when(intake.submit(any(), eq("key-1"))).thenThrow(lock);

    ErrorResponseException e =
        catchThrowableOfType(ErrorResponseException.class, () -> controller.open(request(), "key-1"));

    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(e.getBody().getType()).isEqualTo(URI.create("/problems/idempotency-key-in-flight"));
    assertThat(e.getBody().getTitle()).isEqualTo("Request in progress");
    assertThat(e.getCause()).isSameAs(lock);
  }

  @Test
  void aReusedKeyIs422() {
    IdempotencyKeyReusedException reused = new IdempotencyKeyReusedException("key-1");
    assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(reused.getBody().getType()).isEqualTo(URI.create("/problems/idempotency-key-reused"));
    assertThat(reused.getBody().getDetail())
        .isEqualTo("Idempotency-Key 'key-1' was already used for a different request");
  }

  // --- reading ---

  @Test
  void aCustomerReadsTheCaseWithTheTokenFromHeaderBeforeParameter() {
    when(cases.tokenMatches(CASE, "header-token")).thenReturn(true);
    when(cases.view(CASE)).thenReturn(Optional.of(view("NEW", "Kettle")));

    assertThat(controller.status(CASE, "param-token", "header-token", null)).isEqualTo(view("NEW", "Kettle"));
    verify(cases, never()).tokenMatches(CASE, "param-token");

    when(cases.tokenMatches(CASE, "param-token")).thenReturn(true);
    assertThat(controller.status(CASE, "param-token", null, null).caseNumber()).isEqualTo(CASE);
  }

  @Test
  void aWrongTokenLooksLikeAnUnknownCase() {
    when(cases.tokenMatches(anyString(), any())).thenReturn(false);
    when(cases.view(CASE)).thenReturn(Optional.of(view("NEW", "Kettle")));
    ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class,
        () -> controller.status(CASE, "wrong", null, null));
    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(e.getBody().getDetail()).isEqualTo("No case " + CASE);
    verify(cases, never()).view(anyString());
  }

  @Test
  void staffReadTheCasesTheirGroupsMayReadWithoutToken() {
    when(cases.view(CASE)).thenReturn(Optional.of(view("NEW", "Kettle")));
    var anna = UsernamePasswordAuthenticationToken.authenticated("anna", null,
        List.of(new SimpleGrantedAuthority("crm-frontend")));
    when(readers.mayRead(anna, CASE)).thenReturn(true);
    assertThat(controller.status(CASE, null, null, anna)).isNotNull();
    verify(cases, never()).tokenMatches(anyString(), any());
    // Not hers: like an unknown case, whatever token comes along.
    var walter = UsernamePasswordAuthenticationToken.authenticated("walter", null,
        List.of(new SimpleGrantedAuthority("warehouse")));
    assertThatThrownBy(() -> controller.status(CASE, "the-token", null, walter))
        .hasMessageContaining(CASE);
  }

  @Test
  void anAnonymousOrUnauthenticatedCallerIsNoStaff() {
    when(cases.view(CASE)).thenReturn(Optional.of(view("NEW", "Kettle")));
    AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
        List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));
    assertThatThrownBy(() -> controller.status(CASE, null, null, anonymous)).isInstanceOf(ErrorResponseException.class);
    assertThatThrownBy(() -> controller.status(CASE, null, null,
        UsernamePasswordAuthenticationToken.unauthenticated("anna", "pw"))).isInstanceOf(ErrorResponseException.class);
    verify(cases, times(2)).tokenMatches(CASE, null);
  }

  @Test
  void anUnknownCaseIs404EvenForStaff() {
    when(cases.view(CASE)).thenReturn(Optional.empty());
    ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> controller.status(CASE, null,
        null, UsernamePasswordAuthenticationToken.authenticated("anna", null, List.of())));
    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // --- replying ---

  @Test
  void aReplyIsThreadedIntoTheCaseAsTheCustomers() {
    when(cases.tokenMatches(CASE, "t")).thenReturn(true);
    when(cases.view(CASE)).thenReturn(Optional.of(view("IN_PROGRESS", "Kettle")));
    when(cases.addCustomerMessage(CASE, SourceChannel.CHAT, "customer", "Re: Kettle", "Still leaking", null, null))
        .thenReturn(CASE);

    ResponseEntity<IntakeController.ReplyResponse> reply = controller.reply(CASE,
        new IntakeController.ReplyRequest("  Still leaking \n", SourceChannel.CHAT), null, "t");

    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(reply.getBody()).isEqualTo(new IntakeController.ReplyResponse(CASE));
  }

  @Test
  void aReplyUsesTheParameterTokenWithoutHeaderAndAShortenedSubject() {
    String subject = "s".repeat(300);
    when(cases.tokenMatches(CASE, "param")).thenReturn(true);
    when(cases.view(CASE)).thenReturn(Optional.of(view("NEW", subject)));
    when(cases.addCustomerMessage(eq(CASE), eq(SourceChannel.WHATSAPP), eq("customer"), anyString(), eq("Hi"),
        eq(null), eq(null))).thenReturn("SC-2026-000002");

    assertThat(controller.reply(CASE, new IntakeController.ReplyRequest("Hi", SourceChannel.WHATSAPP), "param", null)
        .getBody().caseNumber()).isEqualTo("SC-2026-000002");
    verify(cases).addCustomerMessage(CASE, SourceChannel.WHATSAPP, "customer", "Re: " + "s".repeat(295) + "\u2026",
        "Hi", null, null);
  }

  @Test
  void aReplyThatLostARaceRunsAgain() {
    when(cases.tokenMatches(CASE, "t")).thenReturn(true);
    when(cases.view(CASE)).thenReturn(Optional.of(view("IN_PROGRESS", "Kettle")));
    when(cases.addCustomerMessage(any(), any(), any(), any(), any(), any(), any()))
        .thenThrow(new OptimisticLockingException("lost")).thenReturn(CASE);
    assertThat(controller.reply(CASE, new IntakeController.ReplyRequest("Hi", SourceChannel.CHAT), null, "t")
        .getBody().caseNumber()).isEqualTo(CASE);
    verify(cases, times(2)).addCustomerMessage(any(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void aReplyWithAWrongTokenLooksLikeAnUnknownCase() {
    when(cases.tokenMatches(CASE, "header")).thenReturn(false);
    when(cases.tokenMatches(CASE, "param")).thenReturn(true);
    ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> controller.reply(CASE,
        new IntakeController.ReplyRequest("Hi", SourceChannel.CHAT), "param", "header"));
    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    verify(cases, never()).addCustomerMessage(any(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void aReplyToARecentlyClosedCaseReopensItAndALateOneIsAConflict() {
    when(cases.tokenMatches(CASE, "t")).thenReturn(true);
    // Closed, reopenable until a second after "now": the reply goes in (the case reopens).
    when(cases.view(CASE)).thenReturn(Optional.of(view("CLOSED", "Kettle", Instant.parse("2026-03-10T08:00:01Z"))));
    when(cases.addCustomerMessage(any(), any(), any(), any(), any(), any(), any())).thenReturn(CASE);
    assertThat(controller.reply(CASE, new IntakeController.ReplyRequest("Still broken", SourceChannel.CHAT), null,
        "t").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // Exactly at the end of the period: too late.
    when(cases.view(CASE)).thenReturn(Optional.of(view("CLOSED", "Kettle", Instant.parse("2026-03-10T08:00:00Z"))));
    assertThat(catchThrowableOfType(ErrorResponseException.class, () -> controller.reply(CASE,
        new IntakeController.ReplyRequest("Hi", SourceChannel.CHAT), null, "t")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    org.mockito.Mockito.clearInvocations(cases);
    when(cases.view(CASE)).thenReturn(Optional.of(view("CLOSED", "Kettle")));
    ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> controller.reply(CASE,
        new IntakeController.ReplyRequest("Hi", SourceChannel.CHAT), null, "t"));
    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(e.getBody().getDetail()).isEqualTo("Case " + CASE + " is closed; please open a new request.");
    verify(cases, never()).addCustomerMessage(any(), any(), any(), any(), any(), any(), any());
  }

  // ---- attachments ----------------------------------------------------------------------------------------------

  private static final byte[] PHOTO = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1};

  private static org.springframework.mock.web.MockMultipartFile file(String name, byte[] bytes) {
    return new org.springframework.mock.web.MockMultipartFile("files", name, "image/jpeg", bytes);
  }

  private void caseWithToken(String status) {
    when(cases.tokenMatches(CASE, "t")).thenReturn(true);
    when(cases.view(CASE)).thenReturn(Optional.of(view(status, "Dented pan")));
  }

  @Test
  void filesWithTheTokenAreKeptAndTheAnswerSaysWhat() throws Exception {
    caseWithToken("IN_PROGRESS");
    var kept = List.of(new io.aftersales.cases.Attachments.Stored(1L, "a.jpg", "image/jpeg", 4, false));
    when(attachments.store(eq(CASE), any(), eq(io.aftersales.cases.Attachments.Source.WEB_FORM), eq("customer")))
        .thenReturn(kept);
    var answer = controller.attach(CASE, List.of(file("a.jpg", PHOTO)), "WEB_FORM", null, "t");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).isEqualTo(new IntakeController.AttachmentsResponse(CASE, kept));
    // From the status page (or anything else) the source is the status page; the token may come as a parameter.
    controller.attach(CASE, List.of(file("a.jpg", PHOTO)), null, "t", null);
    verify(attachments).store(eq(CASE), any(), eq(io.aftersales.cases.Attachments.Source.STATUS_PAGE), eq("customer"));
  }

  @Test
  void withoutTheTokenOrFilesOrOnAClosedCaseNothingIsKept() {
    caseWithToken("IN_PROGRESS");
    assertThat(catchThrowableOfType(ErrorResponseException.class,
        () -> controller.attach(CASE, List.of(file("a.jpg", PHOTO)), null, null, "wrong")).getStatusCode().value())
        .isEqualTo(404);
    assertThat(catchThrowableOfType(ErrorResponseException.class,
        () -> controller.attach(CASE, null, null, null, "t")).getBody().getProperties().toString()).contains("files");
    assertThat(catchThrowableOfType(ErrorResponseException.class,
        () -> controller.attach(CASE, List.of(), null, null, "t")).getStatusCode().value()).isEqualTo(400);
    var six = java.util.Collections.nCopies(6, file("a.jpg", PHOTO));
    assertThat(catchThrowableOfType(ErrorResponseException.class, () -> controller.attach(CASE,
        List.copyOf(six), null, null, "t")).getBody().getProperties().toString()).contains("at most 5 files");
    caseWithToken("CLOSED");
    assertThat(catchThrowableOfType(ErrorResponseException.class,
        () -> controller.attach(CASE, List.of(file("a.jpg", PHOTO)), null, null, "t")).getStatusCode().value())
        .isEqualTo(409);
    verify(attachments, never()).store(any(), any(), any(), any());
  }

  @Test
  void aRefusedFileIsNamedWith415Or413() {
    caseWithToken("IN_PROGRESS");
    when(attachments.store(any(), any(), any(), any())).thenThrow(refused(1, false, "is not a photo"));
    ErrorResponseException unsupported = catchThrowableOfType(ErrorResponseException.class, () -> controller
        .attach(CASE, List.of(file("a.jpg", PHOTO), file("tool.exe", new byte[]{1})), null, null, "t"));
    assertThat(unsupported.getStatusCode().value()).isEqualTo(415);
    assertThat(unsupported.getBody().getTitle()).isEqualTo("File not accepted");
    assertThat(unsupported.getBody().getProperties().toString()).contains("files[1]", "tool.exe", "is not a photo");

    org.mockito.Mockito.doThrow(refused(0, true, "is larger than 10 MB")).when(attachments).store(any(), any(), any(),
        any());
    ErrorResponseException tooLarge = catchThrowableOfType(ErrorResponseException.class,
        () -> controller.attach(CASE, List.of(file("big.jpg", PHOTO)), null, null, "t"));
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(tooLarge.getBody().getTitle()).isEqualTo("File too large");
    assertThat(tooLarge.getBody().getStatus()).isEqualTo(413);
  }

  private static io.aftersales.cases.Attachments.Refused refused(int index, boolean tooLarge, String message) {
    try {
      var constructor = io.aftersales.cases.Attachments.Refused.class.getDeclaredConstructor(int.class,
          boolean.class, String.class);
      constructor.setAccessible(true);
      return constructor.newInstance(index, tooLarge, message);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theCustomerListsAndDownloadsFilesWithTheTokenAndAPhotoIsShownNeverRun() {
    when(cases.tokenMatches(CASE, "t")).thenReturn(true);
    var listed = List.of(new io.aftersales.cases.Attachments.Listed(1L, "a.jpg", "image/jpeg", 4, "MAIL",
        Instant.parse("2026-12-06T10:00:00Z")));
    when(attachments.list(CASE)).thenReturn(listed);
    assertThat(controller.attachments(CASE, null, "t", null)).isEqualTo(listed);
    when(attachments.content(CASE, 1L)).thenReturn(Optional.of(new io.aftersales.cases.Attachments.Content("a.jpg",
        "image/jpeg", PHOTO)));
    when(attachments.content(CASE, 2L)).thenReturn(Optional.of(new io.aftersales.cases.Attachments.Content(
        "receipt.pdf", "application/pdf", new byte[]{'%'})));
    ResponseEntity<byte[]> photo = controller.attachment(CASE, 1L, "t", null, null);
    assertThat(photo.getBody()).isEqualTo(PHOTO);
    assertThat(photo.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
    assertThat(photo.getHeaders().getContentDisposition().isInline()).isTrue();
    assertThat(photo.getHeaders().getContentDisposition().getFilename()).isEqualTo("a.jpg");
    assertThat(photo.getHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; img-src 'self'; sandbox");
    assertThat(photo.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(photo.getHeaders().getCacheControl()).isEqualTo("private, no-store");
    assertThat(controller.attachment(CASE, 2L, null, "t", null).getHeaders().getContentDisposition().isAttachment())
        .isTrue();
    assertThat(catchThrowableOfType(ErrorResponseException.class, () -> controller.attachment(CASE, 3L, null, "t",
        null)).getStatusCode().value()).isEqualTo(404);
    assertThat(catchThrowableOfType(ErrorResponseException.class, () -> controller.attachment(CASE, 1L, "x", null,
        null)).getStatusCode().value()).isEqualTo(404);
    assertThat(catchThrowableOfType(ErrorResponseException.class, () -> controller.attachments(CASE, "x", null,
        null)).getStatusCode().value()).isEqualTo(404);
  }
}
