package io.aftersales.cases;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer's link to their case page. Its base is the configured public address
 * ({@code aftersales.public-base-url}, required in production); without one (the demo) the address the customer
 * used for this request, else this server's own port, so a link is never a dead default.
 */
@Component
public class CaseLinks {
  private final String configured;
  private volatile String local = "http://localhost:8080";

  public CaseLinks(@Value("${aftersales.public-base-url:}") String configured) {
    this.configured = configured == null ? "" : configured.strip();
  }

  @EventListener
  void serverStarted(WebServerInitializedEvent event) {
    local = "http://localhost:" + event.getWebServer().getPort();
  }

  /** {@code <base>/status.html#case=..&token=..}: the token in the fragment, which browsers never send to a server. */
  public String statusUrl(String caseNumber, String token) {
    return UriComponentsBuilder.fromUriString(base()).path("/status.html")
        .fragment("case=" + caseNumber + "&token=" + token).build().toUriString();
  }

  /**
   * {@code <base><page>#<fragment>}: another page of the customer's (the survey), its secret in the fragment, which
   * browsers never send to a server.
   */
  public String pageUrl(String page, String fragment) {
    return UriComponentsBuilder.fromUriString(base()).path(page).fragment(fragment).build().toUriString();
  }

  private String base() {
    if (!configured.isEmpty()) return configured;
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString();
    }
    return local;
  }
}
