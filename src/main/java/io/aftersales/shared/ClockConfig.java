package io.aftersales.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfig {
  /** One clock for all timestamps, so tests can pin time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
