package io.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code SECURITY.md} true: every advisory row has a status; a "fixed" row's artifact is on the
 * class path at least at the fixed version (a downgrade or a lost override fails here); a "mitigated" row
 * names tests that exist; a class named "absent" really is not on the class path.
 */
class SecurityRegisterTest {
  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*((?:CVE|GHSA)-[^|\\s]+)[^|]*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|(.*)\\|\\s*$");
  private static final Pattern FIXED = Pattern.compile("fixed:?\\s*`?([\\w.-]+):([\\w.-]+)`?\\s+`?([\\w.-]+)`?");
  private static final Pattern TEST_NAME = Pattern.compile("`([A-Z]\\w*(?:Test|IT|Tests))(?:#(\\w+))?`");
  private static final Pattern ABSENT = Pattern.compile("absent:\\s*([\\w.$]+)");

  record Advisory(String id, String component, String status, String guard) {}

  static List<Advisory> register;

  @BeforeAll
  static void readRegister() throws IOException {
    register = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("SECURITY.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        register.add(new Advisory(row.group(1), row.group(2).trim(), row.group(4).trim(), row.group(5).trim()));
      }
    }
  }

  @Test
  void everyKnownAdvisoryHasExactlyOneRowAndAStatus() {
    assertThat(register).hasSizeGreaterThanOrEqualTo(100);
    Set<String> ids = new HashSet<>();
    for (Advisory advisory : register) {
      assertThat(ids.add(advisory.id())).as("listed twice: " + advisory.id()).isTrue();
      assertThat(advisory.status()).as(advisory.id())
          .matches("(?i)^(fixed|mitigated|not affected|accepted)\\b.*");
      assertThat(advisory.guard()).as(advisory.id() + " needs its proof or reason").isNotBlank();
    }
    assertThat(ids).contains("CVE-2026-109432", "CVE-2026-77226");
  }

  @Test
  void fixedMeansTheClassPathHoldsTheFixedVersion() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> jars = Arrays.asList(classPath.split(File.pathSeparator));
    int checked = 0;
    for (Advisory advisory : register) {
      if (!advisory.status().toLowerCase().startsWith("fixed")) continue;
      Matcher fixed = FIXED.matcher(advisory.status());
      assertThat(fixed.find()).as(advisory.id() + ": write 'fixed: group:artifact version'").isTrue();
      String group = fixed.group(1);
      String artifact = fixed.group(2);
      String version = fixed.group(3);
      Optional<String> shipped = versionOnClassPath(jars, group, artifact);
      assertThat(shipped).as(advisory.id() + ": " + group + ":" + artifact + " on the class path").isPresent();
      assertThat(compare(shipped.get(), version)).as(advisory.id() + ": " + artifact + " " + shipped.get()
          + " must be at least " + version).isGreaterThanOrEqualTo(0);
      checked++;
    }
    assertThat(checked).isPositive();
  }

  @Test
  void mitigatedNamesTestsThatExist() throws IOException {
    for (Advisory advisory : register) {
      if (!advisory.status().toLowerCase().startsWith("mitigated")) continue;
      Matcher test = TEST_NAME.matcher(advisory.guard());
      assertThat(test.find()).as(advisory.id() + " names no test").isTrue();
      do {
        Path source = findTestSource(test.group(1));
        assertThat(source).as(advisory.id() + ": test " + test.group(1)).isNotNull();
        if (test.group(2) != null) {
          assertThat(Files.readString(source)).as(advisory.id() + ": " + test.group(1) + "#" + test.group(2))
              .contains("void " + test.group(2) + "(");
        }
      } while (test.find());
    }
  }

  @Test
  void absentClassesAreNotOnTheClassPath() {
    for (Advisory advisory : register) {
      Matcher absent = ABSENT.matcher(advisory.guard());
      while (absent.find()) {
        String name = absent.group(1).replaceAll("\\.$", "");
        assertThat(loadable(name)).as(advisory.id() + ": " + name + " is said to be absent").isFalse();
      }
    }
  }

  @Test
  void noGeneralPurposeScriptEngineIsOnTheClassPath() {
    // A deployed model could run such a script; none of ours needs one (README: expression surfaces).
    List<String> engines = new javax.script.ScriptEngineManager().getEngineFactories().stream()
        .flatMap(f -> f.getNames().stream()).map(String::toLowerCase).toList();
    assertThat(engines).noneMatch(n -> n.contains("groovy") || n.contains("javascript") || n.contains("js")
        || n.contains("nashorn") || n.contains("graal") || n.contains("python") || n.contains("ruby"));
    for (String absent : List.of("groovy.lang.GroovyShell", "org.graalvm.polyglot.Context",
        "org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory", "org.python.util.PythonInterpreter")) {
      assertThat(loadable(absent)).as(absent).isFalse();
    }
  }

  @Test
  void theVersionComparisonIsNumeric() {
    assertThat(compare("10.1.62", "10.1.55")).isPositive();
    assertThat(compare("6.6.53.Final", "6.6.26")).isPositive();
    assertThat(compare("2.21.5", "2.21.5")).isZero();
    assertThat(compare("42.7.7", "42.7.11")).isNegative();
  }

  static Optional<String> versionOnClassPath(List<String> jars, String group, String artifact) {
    String directory = "/" + group.replace('.', '/') + "/" + artifact + "/";
    for (String jar : jars) {
      String path = jar.replace('\\', '/');
      int at = path.indexOf(directory);
      if (at >= 0 && path.endsWith(".jar")) {
        String rest = path.substring(at + directory.length());
        return Optional.of(rest.substring(0, rest.indexOf('/')));
      }
    }
    return Optional.empty();
  }

  static int compare(String a, String b) {
    String[] left = a.split("\\D+");
    String[] right = b.split("\\D+");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      long x = i < left.length && !left[i].isEmpty() ? Long.parseLong(left[i]) : 0;
      long y = i < right.length && !right[i].isEmpty() ? Long.parseLong(right[i]) : 0;
      if (x != y) return Long.compare(x, y);
    }
    return 0;
  }

  private static Path findTestSource(String simpleName) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      return files.filter(p -> p.getFileName().toString().equals(simpleName + ".java")).findFirst().orElse(null);
    }
  }

  private static boolean loadable(String className) {
    try {
      Class.forName(className, false, SecurityRegisterTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
