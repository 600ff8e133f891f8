package io.aftersales.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.cases.ServiceCases;
import io.aftersales.cases.OpenCaseCommand;
import io.aftersales.cases.OpenedCase;
import io.aftersales.cases.SourceChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Opens a case for an API request, at most once per Idempotency-Key: the key's record is written in
 * the same transaction as the case, so a concurrent duplicate fails on the key's primary key and
 * rolls its case back.
 */
@Service
class IntakeService {
  private final ServiceCases cases;
  private final IdempotencyRecordRepository idempotency;
  private final ObjectMapper json;
  private final Clock clock;
  private final String publicBaseUrl;

  IntakeService(ServiceCases cases, IdempotencyRecordRepository idempotency, ObjectMapper json, Clock clock,
      @Value("${aftersales.public-base-url}") String publicBaseUrl) {
    this.cases = cases;
    this.idempotency = idempotency;
    this.json = json;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl;
  }

  record Result(IntakeResponse response, boolean replayed) {}

  @Transactional
  Result submit(IntakeRequest request, String idempotencyKey) {
    String requestHash = hash(request);
    if (idempotencyKey != null) {
      Optional<Result> replay = replay(idempotencyKey, requestHash);
      if (replay.isPresent()) return replay.get();
    }
    IntakeRequest.Contact c = request.customer();
    OpenedCase opened = cases.open(new OpenCaseCommand(SourceChannel.valueOf(request.channel().name()), c.name(),
        c.email(), c.phone(), request.orderNumber(), request.productSku(), request.serialNumber(),
        request.purchaseDate(), request.requestType(), request.subject().strip(), request.message().strip(), null));
    IntakeResponse response = new IntakeResponse(opened.caseNumber(), opened.accessToken(),
        statusUrl(opened.caseNumber(), opened.accessToken()));
    if (idempotencyKey != null) {
      idempotency.saveAndFlush(new IdempotencyRecord(idempotencyKey, requestHash, opened.caseNumber(),
          write(response), clock.instant()));
    }
    return new Result(response, false);
  }

  /** The stored first answer for this key; a different request under the same key is refused. */
  @Transactional(readOnly = true)
  Optional<Result> replay(String idempotencyKey, String requestHash) {
    return idempotency.findById(idempotencyKey).map(record -> {
      if (requestHash != null && !record.getRequestHash().equals(requestHash)) {
        throw new IdempotencyKeyReusedException(idempotencyKey);
      }
      return new Result(read(record.getResponseBody()), true);
    });
  }

  String hash(IntakeRequest request) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String statusUrl(String caseNumber, String token) {
    return UriComponentsBuilder.fromUriString(publicBaseUrl).path("/status.html")
        .queryParam("case", caseNumber).queryParam("token", token).build().toUriString();
  }

  private String write(IntakeResponse response) {
    try {
      return json.writeValueAsString(response);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private IntakeResponse read(String body) {
    try {
      return json.readValue(body, IntakeResponse.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
