package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

/** Tomcat answers its own errors with ProblemErrorReportValve; Markdown is served as text. */
class WebConfigTest {
  private final WebConfig config = new WebConfig();

  @Test
  void theHostReportsErrorsAsProblemJson() {
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    config.problemErrorPages().customize(factory);
    assertThat(factory.getTomcatContextCustomizers()).hasSize(1);

    StandardHost host = new StandardHost();
    StandardContext context = new StandardContext();
    context.setParent(host);
    factory.getTomcatContextCustomizers().forEach(customizer -> customizer.customize(context));
    assertThat(host.getErrorReportValveClass()).isEqualTo(ProblemErrorReportValve.class.getName());

    // A context outside a host (none in Spring Boot's Tomcat, but the customizer must not fail on it).
    StandardContext orphan = new StandardContext();
    factory.getTomcatContextCustomizers().forEach(customizer -> customizer.customize(orphan));
    assertThat(orphan.getParent()).isNull();
    assertThat(new StandardHost().getErrorReportValveClass()).isEqualTo(ErrorReportValve.class.getName());
  }

  @Test
  void markdownIsPlainText() {
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    config.markdownAsText().customize(factory);
    assertThat(factory.getMimeMappings().get("md")).isEqualTo("text/plain;charset=UTF-8");
    // ... and every standard type stays (html, css, pdf): the mapping adds, it does not replace.
    assertThat(factory.getMimeMappings().get("html")).isEqualTo("text/html");
    assertThat(factory.getMimeMappings().get("pdf")).isEqualTo("application/pdf");
  }
}
