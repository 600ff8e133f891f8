package io.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class NoRootInProductionTest {

  @Test
  void productionRefusesRootByUidOrName() {
    assertThatThrownBy(() -> NoRootInProduction.refuseRoot(new String[]{"postgres"}, 0, "admin"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dedicated service user");
    assertThatThrownBy(() -> NoRootInProduction.refuseRoot(new String[]{"other", "postgres"}, -1, "root"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aServiceUserOrTheDemoRunStarts() {
    assertThatCode(() -> NoRootInProduction.refuseRoot(new String[]{"postgres"}, 998, "aftersales"))
        .doesNotThrowAnyException();
    assertThatCode(() -> NoRootInProduction.refuseRoot(new String[]{}, 0, "root")).doesNotThrowAnyException();
  }

  @Test
  @SuppressWarnings("deprecation")
  void itIsWiredIntoStartUpAndReadsTheRealUser() {
    MockEnvironment production = new MockEnvironment();
    production.setActiveProfiles("postgres");
    boolean root = NoRootInProduction.currentUid() == 0 || "root".equals(System.getProperty("user.name"));
    if (root) {
      assertThatThrownBy(() -> new NoRootInProduction().postProcessEnvironment(production, new SpringApplication()))
          .isInstanceOf(IllegalStateException.class);
    } else {
      assertThatCode(() -> new NoRootInProduction().postProcessEnvironment(production, new SpringApplication()))
          .doesNotThrowAnyException();
    }
    assertThat(org.springframework.core.io.support.SpringFactoriesLoader.loadFactoryNames(
        org.springframework.boot.env.EnvironmentPostProcessor.class, getClass().getClassLoader()))
        .contains(NoRootInProduction.class.getName());
  }
}
