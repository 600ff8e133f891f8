package io.aftersales.intake;

import io.aftersales.cases.Attachments;
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
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
import org.springframework.web.multipart.MultipartFile;

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

  private final Attachments attachments;
  private final java.time.Clock clock;

  IntakeController(IntakeService intake, ServiceCases cases, io.aftersales.security.CaseReaders readers,
      Attachments attachments, java.time.Clock clock) {
    this.clock = clock;
    this.intake = intake;
    this.cases = cases;
    this.readers = readers;
    this.attachments = attachments;
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
    // A closed case reopens with a reply soon after closing (aftersales.cases.reopen-within); after that the customer
    // opens a new request (by mail, a late reply opens a linked case; here they get the web form).
    if (CaseStatus.CLOSED.name().equals(view.status())
        && (view.reopenableUntil() == null || !clock.instant().isBefore(view.reopenableUntil()))) {
      throw Problems.conflict("Case " + caseNumber + " is closed; please open a new request.");
    }
    // Parallel replies (and the case's own jobs) race for the case: the loser runs again on the winner's state.
    String landed = io.aftersales.shared.ConcurrentUpdates.retry(() -> cases.addCustomerMessage(caseNumber,
        reply.channel(), "customer", io.aftersales.shared.Texts.shorten("Re: " + view.subject(), 300),
        reply.message().strip(), null, null));
    return ResponseEntity.status(HttpStatus.CREATED).body(new ReplyResponse(landed));
  }

  /** At most this many files in one upload (the web form and the status page send a few photos at once). */
  static final int MAX_FILES_PER_UPLOAD = 5;

  record AttachmentsResponse(String caseNumber, List<Attachments.Stored> attachments) {}

  /**
   * Photos and receipts for a case, from the web form (right after it opened the case) or the status page: with the
   * case's token, all files checked before any is kept (each file once per case), 201 with what is kept.
   */
  @PostMapping(path = "/{caseNumber}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<AttachmentsResponse> attach(@PathVariable String caseNumber,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(name = "source", required = false) String source,
      @RequestParam(name = "token", required = false) String token,
      @RequestHeader(name = TOKEN_HEADER, required = false) String tokenHeader) throws java.io.IOException {
    if (!cases.tokenMatches(caseNumber, tokenHeader != null ? tokenHeader : token)) {
      throw Problems.notFound("case " + caseNumber);
    }
    if (files == null || files.isEmpty()) throw Problems.badRequest("files", "attach at least one file");
    if (files.size() > MAX_FILES_PER_UPLOAD) {
      throw Problems.badRequest("files", "at most " + MAX_FILES_PER_UPLOAD + " files at once");
    }
    Attachments.Source from = "WEB_FORM".equals(source)
        ? Attachments.Source.WEB_FORM
        : Attachments.Source.STATUS_PAGE;
    if (CaseStatus.CLOSED.name().equals(cases.view(caseNumber).orElseThrow().status())) {
      throw Problems.conflict("Case " + caseNumber + " is closed; please open a new request.");
    }
    List<Attachments.Upload> uploads = new java.util.ArrayList<>();
    for (MultipartFile file : files)
      uploads.add(new Attachments.Upload(file.getOriginalFilename(), file.getBytes()));
    try {
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(new AttachmentsResponse(caseNumber, attachments.store(caseNumber, uploads, from, "customer")));
    } catch (Attachments.Refused refused) {
      ProblemDetail problem = Problems.invalid(List.of(new Problems.FieldError("files[" + refused.index() + "]",
          "\"" + files.get(refused.index()).getOriginalFilename() + "\" " + refused.getMessage())));
      HttpStatus status = refused.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      problem.setStatus(status.value());
      problem.setTitle(refused.tooLarge() ? "File too large" : "File not accepted");
      throw new ErrorResponseException(status, problem, refused);
    }
  }

  @GetMapping("/{caseNumber}/attachments")
  List<Attachments.Listed> attachments(@PathVariable String caseNumber,
      @RequestParam(name = "token", required = false) String token,
      @RequestHeader(name = TOKEN_HEADER, required = false) String tokenHeader, Authentication staff) {
    requireAccess(caseNumber, tokenHeader != null ? tokenHeader : token, staff);
    return attachments.list(caseNumber);
  }

  /**
   * One file: photos shown in the browser, PDFs downloaded; never run (sniffing off, a sandboxing policy), whatever
   * the bytes hold.
   */
  @GetMapping("/{caseNumber}/attachments/{id}")
  ResponseEntity<byte[]> attachment(@PathVariable String caseNumber, @PathVariable long id,
      @RequestParam(name = "token", required = false) String token,
      @RequestHeader(name = TOKEN_HEADER, required = false) String tokenHeader, Authentication staff) {
    requireAccess(caseNumber, tokenHeader != null ? tokenHeader : token, staff);
    Attachments.Content file = attachments.content(caseNumber, id)
        .orElseThrow(() -> Problems.notFound("attachment " + id + " of case " + caseNumber));
    boolean image = file.contentType().startsWith("image/");
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, (image
            ? org.springframework.http.ContentDisposition.inline()
            : org.springframework.http.ContentDisposition.attachment()).filename(file.fileName(),
                java.nio.charset.StandardCharsets.UTF_8)
            .build().toString())
        .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
        .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(file.bytes());
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
