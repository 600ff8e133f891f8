package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.IntegrationTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 6: 1,000 generated hostile requests to the public intake API (sizes, encodings, control characters,
 * dates, types, headers, broken JSON and bytes that are no UTF-8), sent over a raw socket as an attacker
 * would. Not one may be answered with a 5xx, every refusal is problem+json, every accepted request has its
 * case, and no refused request left one behind.
 */
class HostileInputIT extends IntegrationTestSupport {
  private static final int REQUESTS = 1_000;
  @LocalServerPort
  int port;

  private final Random random = new Random(20261206L);
  private final String marker = "HOSTILE-" + UUID.randomUUID().toString().substring(0, 8);

  record Answer(int status, String contentType, String body) {}

  @Test
  void noHostileRequestGetsA5xxOrLeavesAnythingBehind() throws Exception {
    int accepted = 0;
    java.util.Set<String> answeredCases = new java.util.HashSet<>();
    List<String> answers = new ArrayList<>();
    List<String> serverErrors = new ArrayList<>();
    List<String> notProblems = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Request request = generate(i);
      Answer answer = send(request);
      if (answer.status() >= 500) serverErrors.add(answer.status() + " for " + request.describe());
      if (answer.status() == 201) accepted++;
      var number = java.util.regex.Pattern.compile("\"caseNumber\":\"(SC-[0-9-]+)\"").matcher(answer.body());
      if (answer.status() == 201 && number.find()) answeredCases.add(number.group(1));
      answers.add(answer.status() + " " + request.describe());
      if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
        notProblems.add(answer.status() + " " + answer.contentType() + " for " + request.describe());
      }
    }
    assertThat(serverErrors).as("5xx answers").isEmpty();
    assertThat(notProblems).as("refusals that are not problem+json").isEmpty();
    assertThat(accepted).as("some generated requests are valid").isGreaterThan(20);
    List<String> unanswered = jdbc.queryForList("select case_number || ' ' || left(subject, 120) from"
        + " aftersales.service_case where subject like ?", String.class, marker + "%").stream()
        .filter(row -> !answeredCases.contains(row.substring(0, row.indexOf(' ')))).toList();
    assertThat(unanswered).as("cases no 201 answered; answers: " + answers.stream()
        .filter(a -> !a.startsWith("201") && !a.startsWith("400")).toList()).isEmpty();
    // Every accepted request has its case (a subject replaced by another string carries no marker).
    assertThat(answeredCases).hasSize(accepted);
    for (String number : answeredCases) {
      assertThat(count("select count(*) from aftersales.service_case where case_number = ?", number)).isEqualTo(1);
    }
  }

  record Request(byte[] body, Map<String, byte[]> headers, String note) {
    String describe() {
      String text = new String(body, StandardCharsets.ISO_8859_1);
      return note + " " + (text.length() > 160 ? text.substring(0, 160) + "..." : text);
    }
  }

  private Request generate(int i) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("name", "Hostile " + i);
    customer.put("email", "hostile." + i + "." + marker.toLowerCase() + "@example.com");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "WEB_FORM");
    body.put("customer", customer);
    body.put("subject", marker + "-" + i);
    body.put("message", "Message " + i);
    Map<String, byte[]> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII));
    String note;
    int kind = random.nextInt(16);
    switch (kind) {
      case 0 -> note = "valid";
      case 1 -> {
        body.put("message", weirdText());
        note = "weird message";
      }
      case 2 -> {
        body.put("subject", marker + "-" + i + " " + weirdText());
        note = "weird subject";
      }
      case 3 -> {
        customer.put("name", weirdText());
        note = "weird name";
      }
      case 4 -> {
        body.put("purchaseDate", pick("0000-00-00", "-999999999-01-01", "2026-13-45", "+10000-01-01",
            "-4800-01-01", "1899-12-31", "2999-12-31", "3000-01-01", "yesterday", "", "2026-02-30"));
        note = "date";
      }
      case 5 -> {
        body.put(pick("channel", "requestType", "subject", "message", "customer", "orderNumber"),
            pick(42, true, List.of(1, 2), Map.of("x", 1), null, 1e308, -0.0, "NOT_AN_ENUM"));
        note = "wrong type";
      }
      case 6 -> {
        body.put("unexpected" + random.nextInt(5), "x");
        note = "unknown field";
      }
      case 7 -> {
        customer.put("phone", pick("()- ()", "+", "1".repeat(40), "+49 170 1234567", "١٢٣٤٥٦٧", "\u0000"));
        note = "phone";
      }
      case 8 -> {
        customer.put("email", pick("not-an-email", "a@b", "x".repeat(400) + "@example.com", "ä@ö.de",
            "\"quoted\"@example.com", ""));
        note = "email";
      }
      case 9 -> {
        return new Request(brokenJson(), headers, "broken JSON");
      }
      case 10 -> {
        return new Request(invalidUtf8(i), headers, "invalid UTF-8");
      }
      case 11 -> {
        headers.put("Idempotency-Key", randomBytes(1 + random.nextInt(300)));
        note = "idempotency key";
      }
      case 12 -> {
        headers.put("Content-Type", pick("text/plain", "application/xml", "application/json; charset=latin1",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16").getBytes(StandardCharsets.US_ASCII));
        note = "content type";
      }
      case 13 -> {
        return new Request(deepJson(), headers, "deep nesting");
      }
      case 14 -> {
        body.put("message", "m".repeat(pick(19_999, 20_000, 20_001, 300_000)));
        note = "long message";
      }
      default -> {
        body.put("requestType", pick("RETURN", "WARRANTY", "SPARE_PART", "INFORMATION", "return", ""));
        note = "type";
      }
    }
    return new Request(json(body).getBytes(StandardCharsets.UTF_8), headers, note);
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private String weirdText() {
    return switch (random.nextInt(9)) {
      case 0 -> "nul\u0000inside";
      case 1 -> "bell\u0007 and escape\u001b[31m";
      case 2 -> "emoji \uD83D\uDE00 and RTL \u202Eevil\u202C";
      case 3 -> "lone surrogate \uD800 end";
      case 4 -> "x".repeat(pick(299, 300, 301, 4_001, 25_000));
      case 5 -> "<script>alert(1)</script>' OR 1=1 --";
      case 6 -> "${''.getClass().forName('java.lang.Runtime')}";
      case 7 -> "tab\tline\nbreak\r\n";
      default -> "\u00e4\u00f6\u00fc \u4e2d\u6587 \u0627\u0644\u0639\u0631\u0628\u064a\u0629";
    };
  }

  private byte[] brokenJson() {
    return pick("{", "{\"channel\":", "[]", "null", "\"text\"", "{\"channel\":\"WEB_FORM\",}", "{'a':1}",
        "{\"a\":1}{\"b\":2}", "", "{\"channel\":\"WEB_FORM\",\"channel\":\"CHAT\"}", "\uFEFF{}", "{\"x\":1e999999}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private byte[] invalidUtf8(int i) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("{\"channel\":\"WEB_FORM\",\"customer\":{\"email\":\"u" + i + "@example.com\"},\"subject\":\""
        + marker + "-" + i + "\",\"message\":\"").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(
        new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
    out.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private byte[] deepJson() {
    int depth = pick(100, 1_000, 5_000);
    return ("{\"channel\":\"WEB_FORM\",\"unexpected\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    for (int i = 0; i < n; i++)
      if (bytes[i] == '\r' || bytes[i] == '\n') bytes[i] = 'x'; // keep one header line
    return bytes;
  }

  private static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer send(Request request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      head.writeBytes(("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: "
          + request.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      for (var header : request.headers().entrySet()) {
        head.writeBytes((header.getKey() + ": ").getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(header.getValue());
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(head.toByteArray());
      out.write(request.body());
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(response.substring(9, 12));
      String contentType = response.lines().takeWhile(l -> !l.isEmpty())
          .filter(l -> l.toLowerCase().startsWith("content-type:")).map(l -> l.substring(13).strip().toLowerCase())
          .findFirst().orElse("");
      return new Answer(status, contentType, response);
    }
  }
}
