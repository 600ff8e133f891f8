package io.aftersales.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.cases.OpenCaseCommand;
import io.aftersales.cases.OpenedCase;
import io.aftersales.cases.ServiceCases;
import io.aftersales.cases.SourceChannel;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case for an API request, exactly once per Idempotency-Key. The key is claimed first, in the
 * transaction that opens the case: a concurrent request with the same key waits for that transaction and
 * then replays its answer (or, if it rolled back, takes the key over), so N parallel retries open one case.
 * Keys expire after {@code aftersales.intake.idempotency-retention} (24 hours) and are purged hourly.
 * The case's access token is not stored: for a keyed request it is derived from a server secret and a
 * per-key salt, so a replay answers the same token.
 */
@Service
class IntakeService {
  private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServiceCases cases;
  private final IdempotencyRecordRepository idempotency;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final io.aftersales.cases.CaseLinks links;
  private final byte[] tokenSecret;
  private final Duration retention;

  IntakeService(ServiceCases cases, IdempotencyRecordRepository idempotency, JdbcTemplate jdbc, ObjectMapper json,
      Clock clock, io.aftersales.cases.CaseLinks links,
      @Value("${aftersales.intake.token-secret}") String tokenSecret,
      @Value("${aftersales.intake.idempotency-retention:P1D}") Duration retention) {
    if (tokenSecret == null || tokenSecret.length() < 16) {
      throw new IllegalStateException(
          "aftersales.intake.token-secret (AFTERSALES_TOKEN_SECRET) must have at least 16 characters");
    }
    this.cases = cases;
    this.idempotency = idempotency;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.links = links;
    this.tokenSecret = tokenSecret.getBytes(StandardCharsets.UTF_8);
    this.retention = retention;
  }

  record Result(IntakeResponse response, boolean replayed) {}

  @Transactional
  Result submit(IntakeRequest request, String idempotencyKey) {
    String token = null;
    if (idempotencyKey != null) {
      String requestHash = hash(request);
      // A duplicate waits at most this long for the first request's transaction, then gets a 409 to retry.
      jdbc.execute("set local lock_timeout = '10s'");
      Instant now = clock.instant();
      idempotency.releaseIfExpired(idempotencyKey, now.minus(retention));
      String salt = newSalt();
      if (idempotency.claim(idempotencyKey, requestHash, salt, now) == 0) {
        IdempotencyRecord first = idempotency.findById(idempotencyKey).orElseThrow();
        if (!first.getRequestHash().equals(requestHash)) throw new IdempotencyKeyReusedException(idempotencyKey);
        return new Result(response(first.getCaseNumber(), derivedToken(idempotencyKey, first.getTokenSalt())), true);
      }
      token = derivedToken(idempotencyKey, salt);
    }
    IntakeRequest.Contact c = request.customer();
    OpenedCase opened = cases.open(new OpenCaseCommand(SourceChannel.valueOf(request.channel().name()), c.name(),
        c.email(), c.phone(), request.orderNumber(), request.productSku(), request.serialNumber(),
        request.purchaseDate(), request.requestType(), request.subject().strip(), request.message().strip(), null),
        token);
    if (idempotencyKey != null) idempotency.complete(idempotencyKey, opened.caseNumber());
    return new Result(response(opened.caseNumber(), opened.accessToken()), false);
  }

  /** Expired keys go; a key is kept for the retention period only (as Stripe keeps its keys 24 hours). */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  @Transactional
  public void purgeExpiredKeys() {
    int purged = idempotency.purgeExpired(clock.instant().minus(retention));
    if (purged > 0) log.info("Purged {} expired Idempotency-Keys", purged);
  }

  String hash(IntakeRequest request) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private IntakeResponse response(String caseNumber, String token) {
    return new IntakeResponse(caseNumber, token, links.statusUrl(caseNumber, token));
  }

  /** HMAC-SHA256 of key and salt under the server secret: the salt alone (in the database) reveals nothing. */
  String derivedToken(String idempotencyKey, String salt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(tokenSecret, "HmacSHA256"));
      byte[] digest = mac.doFinal((idempotencyKey + "\n" + salt).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newSalt() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
