package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.TasklistBrowsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer's pages under their content security policy, in Chromium: the status page's own script and
 * stylesheet load, its script reaches our API, and the case shows (a policy too strict would leave it loading).
 */
class CustomerPagesBrowserIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;

  @RegisterExtension
  final TasklistBrowsers browsers = new TasklistBrowsers(() -> rest.getRootUri(), DEMO_PASSWORD);

  @Test
  void theStatusPageShowsTheCaseUnderItsPolicy() throws Exception {
    String created = post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"Lena Vogt","email":"%s"},"requestType":"RETURN",
         "subject":"Lid does not close","message":"The lid of my kettle does not close any more."}"""
        .formatted(uniqueEmail("lena")), json()).getBody();
    var body = json.readTree(created);
    String number = body.get("caseNumber").asText();

    browsers.step("customer opens the status page");
    WebDriver browser = browsers.open("customer");
    String token = body.get("accessToken").asText();
    browser.get(rest.getRootUri() + "/status.html#case=" + number + "&token=" + token);
    showsTheCase(browser, number);
    assertThat(browser.findElement(By.id("case-title")).getText()).contains(number);
    // Our stylesheet was allowed (a blocked one would not be in the document's style sheets).
    assertThat((Long) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.styleSheets).filter(s => s.href && s.href.endsWith('/assets/app.css'))"
            + ".reduce((n, s) => n + s.cssRules.length, 0)"))
        .isPositive();

    browsers.step("an older link with the token in the query still opens the case, and loses the token");
    browser.get(rest.getRootUri() + "/status.html?case=" + number + "&token=" + token);
    showsTheCase(browser, number);
    assertThat(browser.getCurrentUrl()).doesNotContain("?").contains("#case=" + number);

    browsers.step("the customer types case number and token on the start page");
    browser.get(rest.getRootUri() + "/");
    browser.findElement(By.id("check-case")).sendKeys(number);
    browser.findElement(By.id("check-token")).sendKeys(token);
    browser.findElement(By.cssSelector("form.case-lookup button[type=submit]")).click();
    showsTheCase(browser, number);
    // The form opened the case by fragment: the token never went to the server in an address.
    assertThat(browser.getCurrentUrl()).doesNotContain("?").doesNotContain("token=" + token + "&");
    assertThat((String) ((JavascriptExecutor) browser).executeScript("return window.location.search")).isEmpty();
  }

  private static void showsTheCase(WebDriver browser, String number) {
    TasklistBrowsers.waiting(browser).withMessage(() -> "the status page shows case " + number)
        .until(d -> d.findElement(By.id("case")).isDisplayed()
            && d.findElement(By.id("case-title")).getText().contains(number));
    assertThat(browser.findElement(By.id("case-subject")).getText()).isEqualTo("Lid does not close");
  }
}
