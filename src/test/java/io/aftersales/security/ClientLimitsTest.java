package io.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientLimitsTest {
  private final io.aftersales.shared.MutableClock clock =
      new io.aftersales.shared.MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
  private final ClientLimits limits = new ClientLimits(
      new ClientLimits.Settings(3, Duration.ofMinutes(5), 2, Duration.ofMinutes(1)), new ObjectMapper(), clock);
  private final AtomicInteger passed = new AtomicInteger();

  /** Sends a request through the filter; the application behind it answers {@code status}. */
  private MockHttpServletResponse send(String client, String method, String path, boolean basic, int status)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRemoteAddr(client);
    if (basic) request.addHeader("Authorization", "Basic dGFyYTp3cm9uZw==");
    MockHttpServletResponse response = new MockHttpServletResponse();
    limits.doFilter(request, response, (req, res) -> {
      passed.incrementAndGet();
      ((MockHttpServletResponse) res).setStatus(status);
    });
    return response;
  }

  @Test
  void wrongPasswordsStopTheirClientNotTheAccount() throws Exception {
    for (int i = 0; i < 3; i++)
      assertThat(send("203.0.113.7", "GET", "/engine-rest/task", true, 401).getStatus()).isEqualTo(401);
    MockHttpServletResponse refused = send("203.0.113.7", "GET", "/engine-rest/task", true, 200);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("300");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getContentAsString()).contains("Too many failed logins");
    assertThat(passed.get()).as("the refused attempt never reached a password check").isEqualTo(3);
    // Another address, with the right password, gets in: the account is not locked.
    assertThat(send("198.51.100.4", "GET", "/engine-rest/task", true, 200).getStatus()).isEqualTo(200);
    // The guesser's pages without credentials still load; its logins wait until the first failure is 5 minutes old.
    assertThat(send("203.0.113.7", "GET", "/index.html", false, 200).getStatus()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(4));
    assertThat(send("203.0.113.7", "GET", "/engine-rest/task", true, 200).getHeader("Retry-After")).isEqualTo("60");
    clock.advance(Duration.ofMinutes(1));
    assertThat(send("203.0.113.7", "GET", "/engine-rest/task", true, 200).getStatus()).isEqualTo(200);
  }

  @Test
  void theWebappsLoginFormCountsAndSuccessesDoNot() throws Exception {
    String login = "/camunda/api/admin/auth/user/default/login/tasklist";
    for (int i = 0; i < 5; i++)
      assertThat(send("203.0.113.8", "POST", login, false, 200).getStatus()).isEqualTo(200);
    for (int i = 0; i < 3; i++)
      send("203.0.113.8", "POST", login, false, 401);
    assertThat(send("203.0.113.8", "POST", login, false, 200).getStatus()).isEqualTo(429);
    // Not a login: a form POST elsewhere is not refused.
    assertThat(send("203.0.113.8", "POST", "/camunda/api/admin/auth/user/default/logout", false, 200).getStatus())
        .isEqualTo(200);
  }

  @Test
  void theIntakeTakesSoManyCasesPerClientAndMinute() throws Exception {
    assertThat(send("203.0.113.9", "POST", "/api/cases", false, 201).getStatus()).isEqualTo(201);
    assertThat(send("203.0.113.9", "POST", "/api/cases", false, 201).getStatus()).isEqualTo(201);
    MockHttpServletResponse refused = send("203.0.113.9", "POST", "/api/cases", false, 201);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    assertThat(refused.getContentAsString()).contains("Too many new cases");
    assertThat(send("203.0.113.9", "GET", "/api/cases/SC-2026-000001", false, 200).getStatus()).isEqualTo(200);
    assertThat(send("203.0.113.10", "POST", "/api/cases", false, 201).getStatus()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(61));
    assertThat(send("203.0.113.9", "POST", "/api/cases", false, 201).getStatus()).isEqualTo(201);
  }

  @Test
  void theMachineItselfIsNotLimited() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(send("127.0.0.1", "GET", "/engine-rest/task", true, 401).getStatus()).isEqualTo(401);
      assertThat(send("::1", "POST", "/api/cases", false, 201).getStatus()).isEqualTo(201);
    }
  }
}
