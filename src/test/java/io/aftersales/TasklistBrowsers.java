package io.aftersales;

import io.aftersales.security.IdentitySetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real Chromium browsers logged in to Camunda Tasklist, for the browser tests ({@code @RegisterExtension}): each
 * test checks chromium is installed (CI must install it), quits its browsers afterwards, and on a failure saves a
 * screenshot and the page source of the step it was in (target/browser/&lt;test&gt;-&lt;step&gt;.png/.html).
 */
public final class TasklistBrowsers implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Duration WAIT = Duration.ofSeconds(30);
  public static final String MY_TASKS = IdentitySetup.MY_TASKS_FILTER;

  private final Supplier<String> rootUri;
  private final String password;
  private final List<WebDriver> browsers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();
  /** The step running and the browser it drives: on a failure, what is saved as evidence. */
  private String step = "start";
  private WebDriver current;

  /** @param rootUri the application's address, asked when a browser logs in (after Spring started it) */
  public TasklistBrowsers(Supplier<String> rootUri, String password) {
    this.rootUri = rootUri;
    this.password = password;
  }

  /** Names the step that follows, for the evidence of a failure. */
  public void step(String name) {
    this.step = name;
  }

  /** Per test, not per class: an aborted test is reported as skipped, with its reason. */
  @Override
  public void beforeEach(ExtensionContext context) {
    List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).toList();
    if (missing.isEmpty()) return;
    String reason = "Browser tests need Debian's chromium and chromedriver; missing: " + missing;
    if (System.getenv("CI") != null) Assertions.fail("CI must install chromium: see .ci/run. " + reason);
    Assumptions.abort(reason + " (apt-get install chromium chromium-driver)");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (WebDriver browser : browsers) {
      try {
        browser.quit();
      } catch (RuntimeException e) {
        // the next browser is quit all the same
      }
    }
    browsers.clear();
    for (Path profile : profiles) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temp directory left behind is no test failure
      }
    }
    profiles.clear();
    current = null;
    step = "start";
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    try {
      saveEvidence(context.getRequiredTestMethod().getName());
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
    throw failure;
  }

  /** A fresh chromium with its own profile (no shared session), not logged in: a customer's browser, say. */
  public WebDriver open(String who) throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("tasklist-browser-" + who + "-");
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString()); // with binary and driver given, Selenium Manager is never asked
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(service, options);
    browsers.add(browser);
    current = browser;
    return browser;
  }

  /** A fresh chromium (own profile, so no shared session) logged in to Tasklist through its login form. */
  public WebDriver login(String user) throws IOException {
    WebDriver browser = loginTo(user, "tasklist");
    waiting(browser).withMessage(() -> user + " sees Tasklist's filters").until(d -> filterNames(d).contains(MY_TASKS));
    return browser;
  }

  /** A fresh chromium logged in to a Camunda webapp ({@code tasklist}, {@code cockpit}) through its login form. */
  public WebDriver loginTo(String user, String app) throws IOException {
    WebDriver browser = open(user);
    browser.get(rootUri.get() + "/camunda/app/" + app + "/");
    By username = By.cssSelector("input[ng-model='username'], form[name='signinForm'] input[type='text']");
    By secret = By.cssSelector("input[ng-model='password'], form[name='signinForm'] input[type='password']");
    // Type into each field and check it holds what was typed: the login form may still be rendering (focus
    // can jump), and a slow machine must not turn "anna" + "demo" into a user "annademo".
    waiting(browser).withMessage(() -> "the login form takes " + user).until(d -> {
      var name = d.findElement(username);
      var pass = d.findElement(secret);
      if (!name.isDisplayed() || !pass.isDisplayed()) return false;
      name.clear();
      name.sendKeys(user);
      pass.clear();
      pass.sendKeys(password);
      return user.equals(name.getDomProperty("value")) && password.equals(pass.getDomProperty("value"));
    });
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    waiting(browser).withMessage(() -> user + " is logged in to " + app)
        .until(d -> d.findElements(By.cssSelector("form[name='signinForm']")).isEmpty());
    return browser;
  }

  /** The filters' names as listed (without the task count Tasklist appends to the selected one). */
  @SuppressWarnings("unchecked")
  public static List<String> filterNames(WebDriver browser) {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('.task-filter h4.name a'))"
            + ".map(function (a) { return a.firstChild ? a.firstChild.textContent.trim() : ''; });");
  }

  public static void selectFilter(WebDriver browser, String name) {
    By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4/a[normalize-space(text())='" + name + "']]");
    waiting(browser).until(ExpectedConditions.elementToBeClickable(filter)).click();
    waiting(browser).withMessage(() -> "filter " + name + " selected")
        .until(d -> d.findElement(filter).getDomAttribute("class").contains("active"));
  }

  public static void openTask(WebDriver browser, String taskId) {
    waiting(browser).until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("[cam-tasks] .tasks-list a[href*='task=" + taskId + "']"))).click();
  }

  public static WebDriverWait waiting(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private void saveEvidence(String test) throws IOException {
    if (current == null) return;
    Path dir = Files.createDirectories(Path.of("target", "browser"));
    Files.write(dir.resolve(test + "-" + step + ".png"), ((TakesScreenshot) current).getScreenshotAs(OutputType.BYTES));
    Files.writeString(dir.resolve(test + "-" + step + ".html"), current.getPageSource());
  }
}
