package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class CaseLinksTest {
  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  private static void during(String scheme, String host, int port) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
    request.setScheme(scheme);
    request.setServerName(host);
    request.setServerPort(port);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  @Test
  void theConfiguredPublicAddressWinsAndTheTokenStaysInTheFragment() {
    during("http", "internal-node-7", 8080);
    assertThat(new CaseLinks(" https://service.example.com ").statusUrl("SC-2026-000001", "t0k-en_"))
        .isEqualTo("https://service.example.com/status.html#case=SC-2026-000001&token=t0k-en_");
  }

  @Test
  void withoutOneTheLinkFollowsTheAddressTheCustomerUsed() {
    during("https", "care.example.org", 443);
    assertThat(new CaseLinks("").statusUrl("SC-2026-000002", "abc"))
        .isEqualTo("https://care.example.org/status.html#case=SC-2026-000002&token=abc");
  }

  @Test
  void outsideARequestItIsThisServersOwnPortNeverADeadDefault() {
    CaseLinks links = new CaseLinks(null);
    assertThat(links.statusUrl("SC-2026-000003", "abc")).startsWith("http://localhost:8080/status.html#");
    WebServer server = mock(WebServer.class);
    when(server.getPort()).thenReturn(41234);
    WebServerInitializedEvent started = mock(WebServerInitializedEvent.class);
    when(started.getWebServer()).thenReturn(server);
    links.serverStarted(started);
    assertThat(links.statusUrl("SC-2026-000003", "abc"))
        .isEqualTo("http://localhost:41234/status.html#case=SC-2026-000003&token=abc");
  }

  @Test
  void anotherCustomerPageKeepsItsSecretInTheFragmentToo() {
    assertThat(new CaseLinks("https://service.example").pageUrl("/survey.html", "t=abc&score=2"))
        .isEqualTo("https://service.example/survey.html#t=abc&score=2");
  }
}
