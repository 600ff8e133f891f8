package io.aftersales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The production profile takes nothing from the demo that a company must set itself: its secrets and the
 * payment instructions customers receive. Without them the application does not start; with them it uses them.
 */
class ProductionProfileTest {
  private static StandardEnvironment production(Map<String, Object> variables) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    for (var source : new YamlPropertySourceLoader().load("postgres",
        new ClassPathResource("application-postgres.yaml"))) {
      environment.getPropertySources().addAfter("variables", source);
    }
    for (var source : new YamlPropertySourceLoader().load("defaults", new ClassPathResource("application.yaml"))) {
      environment.getPropertySources().addLast(source);
    }
    return environment;
  }

  @Test
  void withoutItsOwnPaymentInstructionsAndSecretsProductionDoesNotStart() throws Exception {
    StandardEnvironment environment = production(Map.of());
    for (String required : new String[]{"aftersales.spare-parts.payment-instructions", "aftersales.intake.token-secret",
        "camunda.bpm.admin-user.password", "spring.datasource.url", "aftersales.public-base-url"}) {
      assertThatThrownBy(() -> environment.getRequiredProperty(required)).as(required)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AFTERSALES_");
    }
  }

  @Test
  void theCompanysOwnPaymentInstructionsAreUsed() throws Exception {
    StandardEnvironment environment =
        production(Map.of("AFTERSALES_PAYMENT_INSTRUCTIONS", "Pay to DE89 3704 0044 0532 0130 00"));
    assertThat(environment.getRequiredProperty("aftersales.spare-parts.payment-instructions"))
        .isEqualTo("Pay to DE89 3704 0044 0532 0130 00").doesNotContain("DE00");
  }

  @Test
  void productionSendsTheEnginesBatchesAsMultiRowInserts() throws Exception {
    // The pool binds this into the PostgreSQL driver's connection properties (as the tests' pool does).
    assertThat(
        production(Map.of()).getProperty("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts"))
        .isEqualTo("true");
  }

  @Test
  void productionCookiesTravelOnlyOverHttps() throws Exception {
    StandardEnvironment environment = production(Map.of());
    for (String secure : new String[]{"server.servlet.session.cookie.secure",
        "camunda.bpm.webapp.session-cookie.enable-secure-cookie", "camunda.bpm.webapp.csrf.enable-secure-cookie"}) {
      assertThat(environment.getProperty(secure)).as(secure).isEqualTo("true");
    }
  }
}
