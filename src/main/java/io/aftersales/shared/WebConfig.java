package io.aftersales.shared;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfig {
  /** SOPs are Markdown; browsers show text/plain inline instead of downloading it. */
  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> markdownAsText() {
    return factory -> {
      MimeMappings mappings = new MimeMappings(MimeMappings.DEFAULT);
      mappings.add("md", "text/plain;charset=UTF-8");
      factory.setMimeMappings(mappings);
    };
  }
}
