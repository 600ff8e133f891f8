package io.aftersales.intake;

import io.aftersales.cases.CaseStatus;
import io.aftersales.cases.CaseView;
import io.aftersales.cases.ServiceCases;
import io.aftersales.cases.SourceChannel;
import io.aftersales.shared.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer-facing case API. Opening a case is public; reading a case and replying need the
 * case's access token (or staff credentials for reading).
 */
@RestController
@RequestMapping("/api/cases")
class IntakeController {
  static final String TOKEN_HEADER = "X-Case-Token";
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final IntakeService intake;
  private final ServiceCases cases;
  private final io.aftersales.security.CaseReaders readers;

  IntakeController(IntakeService intake, ServiceCases cases, io.aftersales.security.CaseReaders readers) {
    this.intake = intake;
    this.cases = cases;
    this.readers = readers;
  }

  @PostMapping
  ResponseEntity<IntakeResponse> open(@Valid @RequestBody IntakeRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    if (key != null && !VALID_KEY.matcher(key).matches()) {
      throw Problems.badRequest("Idempotency-Key", "must be 1 to 255 visible ASCII characters (e.g. a UUID)");
    }
    IntakeService.Result result;
    try {
      result = intake.submit(request, key);
    } catch (PessimisticLockingFailureException e) {
      // The first request with this key is still running (IETF idempotency-key draft: 409, retry later).
      throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT,
          "idempotency-key-in-flight", "Request in progress",
          "A request with this Idempotency-Key is still being processed; retry in a moment."), e) {
        @Override
        public HttpHeaders getHeaders() {
          HttpHeaders headers = new HttpHeaders();
          headers.set(HttpHeaders.RETRY_AFTER, "1");
          return headers;
        }
      };
    }
    URI location = URI.create("/api/cases/" + result.response().caseNumber());
    // A replay answers exactly like the first time (RFC draft idempotency-key-header), marked as such.
    return ResponseEntity.created(location)
        .header("Idempotent-Replayed", String.valueOf(result.replayed()))
        .body(result.response());
  }

  @GetMapping("/{caseNumber}")
  CaseView status(@PathVariable String caseNumber, @RequestParam(name = "token", required = false) String token,
      @RequestHeader(name = TOKEN_HEADER, required = false) String tokenHeader, Authentication staff) {
    requireAccess(caseNumber, tokenHeader != null ? tokenHeader : token, staff);
    return cases.view(caseNumber).orElseThrow(() -> Problems.notFound("case " + caseNumber));
  }

  record ReplyRequest(@NotBlank @Size(max = 20_000) String message, @NotNull SourceChannel channel) {}

  record ReplyResponse(String caseNumber) {}

  /** A customer's reply from the status page or a chat/WhatsApp integration. */
  @PostMapping("/{caseNumber}/messages")
  ResponseEntity<ReplyResponse> reply(@PathVariable String caseNumber, @Valid @RequestBody ReplyRequest reply,
      @RequestParam(name = "token", required = false) String token,
      @RequestHeader(name = TOKEN_HEADER, required = false) String tokenHeader) {
    if (!cases.tokenMatches(caseNumber, tokenHeader != null ? tokenHeader : token)) {
      throw Problems.notFound("case " + caseNumber);
    }
    CaseView view = cases.view(caseNumber).orElseThrow();
    if (CaseStatus.CLOSED.name().equals(view.status())) {
      throw Problems.conflict("Case " + caseNumber + " is closed; please open a new request.");
    }
    // Parallel replies (and the case's own jobs) race for the case: the loser runs again on the winner's state.
    String landed = io.aftersales.shared.ConcurrentUpdates.retry(() -> cases.addCustomerMessage(caseNumber,
        reply.channel(), "customer", io.aftersales.shared.Texts.shorten("Re: " + view.subject(), 300),
        reply.message().strip(), null, null));
    return ResponseEntity.status(HttpStatus.CREATED).body(new ReplyResponse(landed));
  }

  /**
   * A customer reads the case with its token; staff the cases their groups may read ({@link io.aftersales.security.CaseReaders}: team
   * leads and auditors all). A wrong token, or a case not theirs, answers 404 like an unknown number, so case numbers
   * cannot be probed.
   */
  private void requireAccess(String caseNumber, String token, Authentication staff) {
    boolean isStaff = staff != null && staff.isAuthenticated() && !"anonymousUser".equals(staff.getPrincipal());
    boolean allowed = isStaff ? readers.mayRead(staff, caseNumber) : cases.tokenMatches(caseNumber, token);
    if (!allowed) throw Problems.notFound("case " + caseNumber);
  }
}
