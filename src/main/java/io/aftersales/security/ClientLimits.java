package io.aftersales.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits per client (its address, after a trusted proxy's X-Forwarded-For), never per account:
 * <ul>
 *   <li>wrong passwords: after {@code loginFailures} failed logins (HTTP basic anywhere, or the webapps' login form)
 *       within {@code loginWindow}, that client's further login attempts get 429 until the oldest failure is out
 *       of the window. The engine's own per-account lock is off (application.yaml), so guessing at a colleague's
 *       password can slow the guesser down but never lock the colleague out;
 *   <li>the public intake: at most {@code intakeRequests} new cases per client within {@code intakeWindow}.
 * </ul>
 * The machine itself (loopback: health checks, a local chatbot bridge) is not limited. Counts are per node, in
 * memory: a cluster of n nodes allows n times as much, which still stops guessing at scale.
 */
class ClientLimits extends OncePerRequestFilter {
  static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
  private static final int MAX_CLIENTS = 100_000;

  record Settings(int loginFailures, Duration loginWindow, int intakeRequests, Duration intakeWindow) {}

  private final ObjectMapper json;
  private final Clock clock;
  private final Window logins;
  private final Window intake;

  ClientLimits(Settings settings, ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
    this.logins = new Window(settings.loginFailures(), settings.loginWindow());
    this.intake = new Window(settings.intakeRequests(), settings.intakeWindow());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = request.getRemoteAddr();
    if (client == null || loopback(client)) {
      chain.doFilter(request, response);
      return;
    }
    long now = clock.millis();
    boolean login = isLoginAttempt(request);
    if (login) {
      long wait = logins.waitMillis(client, now);
      if (wait > 0) {
        refuse(response, wait, "too-many-failed-logins", "Too many failed logins",
            "Too many wrong passwords from your address. Wait, then try again with the right password.");
        return;
      }
    }
    if ("POST".equals(request.getMethod()) && "/api/cases".equals(request.getRequestURI())) {
      long wait = intake.waitMillis(client, now);
      if (wait > 0) {
        refuse(response, wait, "too-many-requests", "Too many requests",
            "Too many new cases from your address in a short time. Please wait a moment and send it again.");
        return;
      }
      intake.record(client, now);
    }
    chain.doFilter(request, response);
    if (login && response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) logins.record(client, clock.millis());
  }

  private static boolean isLoginAttempt(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
        || "POST".equals(request.getMethod()) && request.getRequestURI().startsWith(WEBAPP_LOGIN)
            && request.getRequestURI().contains("/login/");
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress(); // a literal address: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private void refuse(HttpServletResponse response, long waitMillis, String type, String title, String detail)
      throws IOException {
    response.setHeader("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
    SecurityConfig.write(response, json, HttpStatus.TOO_MANY_REQUESTS, type, title, detail);
  }

  /** Events per client in a sliding window. */
  static final class Window {
    private final int limit;
    private final long periodMillis;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    Window(int limit, Duration period) {
      this.limit = limit;
      this.periodMillis = period.toMillis();
    }

    /** How long this client must wait before its next event counts (0: now). */
    long waitMillis(String client, long now) {
      Deque<Long> times = events.get(client);
      if (times == null) return 0;
      synchronized (times) {
        while (!times.isEmpty() && times.peekFirst() <= now - periodMillis)
          times.pollFirst();
        return times.size() < limit ? 0 : times.peekFirst() + periodMillis - now;
      }
    }

    void record(String client, long now) {
      if (events.size() > MAX_CLIENTS) events.clear(); // a flood of addresses must not exhaust memory
      Deque<Long> times = events.computeIfAbsent(client, c -> new ArrayDeque<>());
      synchronized (times) {
        times.addLast(now);
        while (times.size() > limit)
          times.pollFirst();
      }
    }
  }
}
