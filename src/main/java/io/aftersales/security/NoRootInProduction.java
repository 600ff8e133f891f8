package io.aftersales.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the production profile ({@code postgres}) as the operating system's root user, before
 * anything else starts: should a future hole in the engine or a library let someone run a command again
 * (as CVE-2026-109432 did), it runs as an unprivileged service user, not as root. README shows how to
 * run under a dedicated user. The demo run and the tests are not affected.
 */
class NoRootInProduction implements EnvironmentPostProcessor {
  static final String PRODUCTION_PROFILE = "postgres";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    refuseRoot(environment.getActiveProfiles(), currentUid(), System.getProperty("user.name"));
  }

  static void refuseRoot(String[] activeProfiles, long uid, String userName) {
    boolean production = Arrays.asList(activeProfiles).contains(PRODUCTION_PROFILE);
    if (production && (uid == 0 || "root".equals(userName))) {
      throw new IllegalStateException("Aftersales does not run as root in production (profile '" + PRODUCTION_PROFILE
          + "'): start it as a dedicated service user, e.g. 'useradd --system aftersales' and "
          + "'sudo -u aftersales java -jar aftersales.jar' (see README, Production).");
    }
  }

  /** The numeric user id on Unix (root is 0 whatever its name); -1 where the JDK cannot tell. */
  static long currentUid() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid();
    } catch (RuntimeException | LinkageError e) {
      return -1;
    }
  }
}
