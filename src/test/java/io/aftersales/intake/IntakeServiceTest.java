package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.aftersales.cases.OpenCaseCommand;
import io.aftersales.cases.OpenedCase;
import io.aftersales.cases.RequestType;
import io.aftersales.cases.ServiceCases;
import io.aftersales.cases.SourceChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tokens derived for keyed requests, request hashes, and submit's keyed and unkeyed paths (repositories stubbed). */
class IntakeServiceTest {
  private static final String SECRET = "0123456789abcdef-test-secret";
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private final ServiceCases cases = mock(ServiceCases.class);
  private final IdempotencyRecordRepository idempotency = mock(IdempotencyRecordRepository.class);
  private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final IntakeService service = service(SECRET);

  private IntakeService service(String secret) {
    return new IntakeService(cases, idempotency, jdbc, json, Clock.fixed(NOW, ZoneOffset.UTC),
        new io.aftersales.cases.CaseLinks("https://service.example"), secret, Duration.ofDays(1));
  }

  private static IntakeRequest request(String subject) {
    return new IntakeRequest(IntakeRequest.ApiChannel.WHATSAPP,
        new IntakeRequest.Contact("Maria", null, "+49 170 1234567"), "WEB-1001", null, null,
        LocalDate.of(2025, 11, 3), RequestType.RETURN, subject, "  It leaks.\n");
  }

  @Test
  void aSecretShorterThan16CharactersIsRefusedAtStart() {
    assertThatThrownBy(() -> service("0123456789abcde")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 16 characters");
    assertThatThrownBy(() -> service(null)).isInstanceOf(IllegalStateException.class);
    assertThat(service("0123456789abcdef")).isNotNull();
  }

  @Test
  void theSameKeyAndSaltAlwaysDeriveTheSameToken() {
    assertThat(service.derivedToken("key-1", "salt-1")).isEqualTo(service.derivedToken("key-1", "salt-1"))
        .isEqualTo(service(SECRET).derivedToken("key-1", "salt-1"));
  }

  @Test
  void anotherKeySaltOrSecretDerivesAnotherToken() {
    String token = service.derivedToken("key-1", "salt-1");
    assertThat(service.derivedToken("key-2", "salt-1")).isNotEqualTo(token);
    assertThat(service.derivedToken("key-1", "salt-2")).isNotEqualTo(token);
    assertThat(service("another-secret-of-16+").derivedToken("key-1", "salt-1")).isNotEqualTo(token);
  }

  @Test
  void aDerivedTokenIsAnUrlSafeHmacThatRevealsNeitherKeyNorSaltNorSecret() {
    String token = service.derivedToken("my-idempotency-key", "salt");
    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+")
        .doesNotContain("my-idempotency-key").doesNotContain("salt").doesNotContain(SECRET);
  }

  @Test
  void theSameRequestHashesAlikeAndAnyChangeHashesDifferently() {
    assertThat(service.hash(request("Kettle"))).isEqualTo(service.hash(request("Kettle"))).hasSize(64);
    assertThat(service.hash(request("Kettle!"))).isNotEqualTo(service.hash(request("Kettle")));
  }

  @Test
  void aRequestWithoutKeyOpensACaseWithTheServicesOwnTokenAndStrippedText() {
    when(cases.open(any(OpenCaseCommand.class), eq(null)))
        .thenReturn(new OpenedCase(1L, "SC-2026-000001", "random-token"));

    IntakeService.Result result = service.submit(request("  Kettle  "), null);

    assertThat(result.replayed()).isFalse();
    assertThat(result.response().caseNumber()).isEqualTo("SC-2026-000001");
    assertThat(result.response().accessToken()).isEqualTo("random-token");
    assertThat(result.response().statusUrl())
        .isEqualTo("https://service.example/status.html#case=SC-2026-000001&token=random-token");
    ArgumentCaptor<OpenCaseCommand> command = ArgumentCaptor.forClass(OpenCaseCommand.class);
    verify(cases).open(command.capture(), eq(null));
    assertThat(command.getValue().channel()).isEqualTo(SourceChannel.WHATSAPP);
    assertThat(command.getValue().subject()).isEqualTo("Kettle");
    assertThat(command.getValue().message()).isEqualTo("It leaks.");
    assertThat(command.getValue().phone()).isEqualTo("+49 170 1234567");
    assertThat(command.getValue().messageId()).isNull();
    verify(idempotency, never()).claim(anyString(), anyString(), anyString(), any());
  }

  @Test
  void aFirstKeyedRequestOpensTheCaseWithTheTokenDerivedFromItsSaltAndRecordsTheCase() {
    when(idempotency.claim(eq("key-1"), anyString(), anyString(), eq(NOW))).thenReturn(1);
    when(cases.open(any(OpenCaseCommand.class), anyString()))
        .thenAnswer(call -> new OpenedCase(1L, "SC-2026-000001", call.getArgument(1)));

    IntakeService.Result result = service.submit(request("Kettle"), "key-1");

    ArgumentCaptor<String> salt = ArgumentCaptor.forClass(String.class);
    verify(idempotency).claim(eq("key-1"), eq(service.hash(request("Kettle"))), salt.capture(), eq(NOW));
    verify(idempotency).releaseIfExpired("key-1", NOW.minus(Duration.ofDays(1)));
    verify(idempotency).complete("key-1", "SC-2026-000001");
    assertThat(result.replayed()).isFalse();
    assertThat(result.response().accessToken()).isEqualTo(service.derivedToken("key-1", salt.getValue()));
  }

  @Test
  void aRepeatedKeyedRequestReplaysTheFirstAnswerWithTheSameTokenAndOpensNothing() {
    IdempotencyRecord first = mock(IdempotencyRecord.class);
    when(first.getRequestHash()).thenReturn(service.hash(request("Kettle")));
    when(first.getCaseNumber()).thenReturn("SC-2026-000001");
    when(first.getTokenSalt()).thenReturn("first-salt");
    when(idempotency.claim(eq("key-1"), anyString(), anyString(), any())).thenReturn(0);
    when(idempotency.findById("key-1")).thenReturn(Optional.of(first));

    IntakeService.Result result = service.submit(request("Kettle"), "key-1");

    assertThat(result.replayed()).isTrue();
    assertThat(result.response().caseNumber()).isEqualTo("SC-2026-000001");
    assertThat(result.response().accessToken()).isEqualTo(service.derivedToken("key-1", "first-salt"));
    assertThat(result.response().statusUrl()).endsWith("token=" + service.derivedToken("key-1", "first-salt"));
    verify(cases, never()).open(any(), any());
    verify(idempotency, never()).complete(anyString(), anyString());
  }

  @Test
  void aKeyReusedForAnotherRequestIsRefusedAndOpensNothing() {
    IdempotencyRecord first = mock(IdempotencyRecord.class);
    when(first.getRequestHash()).thenReturn(service.hash(request("Kettle")));
    when(idempotency.claim(eq("key-1"), anyString(), anyString(), any())).thenReturn(0);
    when(idempotency.findById("key-1")).thenReturn(Optional.of(first));

    assertThatThrownBy(() -> service.submit(request("Toaster"), "key-1"))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    verify(cases, never()).open(any(), any());
  }

  @Test
  void aKeyedRequestWaitsForAConcurrentFirstRequestOnlySoLong() {
    when(idempotency.claim(eq("key-1"), anyString(), anyString(), eq(NOW))).thenReturn(1);
    when(cases.open(any(OpenCaseCommand.class), anyString()))
        .thenAnswer(call -> new OpenedCase(1L, "SC-2026-000001", call.getArgument(1)));
    service.submit(request("Kettle"), "key-1");
    verify(jdbc).execute("set local lock_timeout = '10s'");
  }

  @Test
  void aRequestWithoutKeyTakesNoLock() {
    when(cases.open(any(OpenCaseCommand.class), eq(null))).thenReturn(new OpenedCase(1L, "SC-2026-000001", "t"));
    service.submit(request("Kettle"), null);
    org.mockito.Mockito.verifyNoInteractions(jdbc);
  }

  @Test
  void keysOlderThanTheRetentionArePurgedAndCounted() {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(IntakeService.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
        new ch.qos.logback.core.read.ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      when(idempotency.purgeExpired(NOW.minus(Duration.ofDays(1)))).thenReturn(1, 0);
      service.purgeExpiredKeys();
      service.purgeExpiredKeys();
      verify(idempotency, org.mockito.Mockito.times(2)).purgeExpired(NOW.minus(Duration.ofDays(1)));
      assertThat(log.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
          .containsExactly("Purged 1 expired Idempotency-Keys");
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void everyKeyGetsItsOwnRandomSalt() {
    when(idempotency.claim(anyString(), anyString(), anyString(), eq(NOW))).thenReturn(1);
    when(cases.open(any(OpenCaseCommand.class), anyString()))
        .thenAnswer(call -> new OpenedCase(1L, "SC-2026-000001", call.getArgument(1)));
    service.submit(request("Kettle"), "key-1");
    service.submit(request("Kettle"), "key-2");
    ArgumentCaptor<String> salts = ArgumentCaptor.forClass(String.class);
    verify(idempotency, org.mockito.Mockito.times(2)).claim(anyString(), anyString(), salts.capture(), eq(NOW));
    assertThat(salts.getAllValues()).allSatisfy(salt -> assertThat(salt).hasSize(32).matches("[A-Za-z0-9_-]+"))
        .doesNotHaveDuplicates();
    assertThat(salts.getAllValues().get(0)).isNotEqualTo("A".repeat(32));
  }
}
