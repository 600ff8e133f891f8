package io.aftersales.shared;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfig {
  /** Errors Tomcat answers itself, before any servlet, are problem+json too (ProblemErrorReportValve). */
  @Bean
  WebServerFactoryCustomizer<org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> problemErrorPages() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  /** SOPs are Markdown; browsers show text/plain inline instead of downloading it. */
  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> markdownAsText() {
    return factory -> {
      // lazyCopy, not new MimeMappings(DEFAULT): that constructor copies the lazy default's empty map, and Tomcat
      // would then know no type but .md.
      MimeMappings mappings = MimeMappings.lazyCopy(MimeMappings.DEFAULT);
      mappings.add("md", "text/plain;charset=UTF-8");
      factory.setMimeMappings(mappings);
    };
  }
}
