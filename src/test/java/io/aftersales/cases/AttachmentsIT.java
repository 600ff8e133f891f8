package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import io.aftersales.TasklistBrowsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Photos and receipts from the customer's side: uploaded with the case's token, checked by their bytes, all or none,
 * each file once (also when sent in parallel), read back by the customer and the staff who work the case.
 */
class AttachmentsIT extends IntegrationTestSupport {
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'};
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes();

  @Autowired
  ObjectMapper json;

  @RegisterExtension
  final TasklistBrowsers browsers = new TasklistBrowsers(() -> rest.getRootUri(), DEMO_PASSWORD);

  private JsonNode openCase(String email) throws Exception {
    return json.readTree(post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"File Customer","email":"%s"},"subject":"Dented pan",
         "message":"Photo follows."}""".formatted(email), json()).getBody());
  }

  private static ByteArrayResource file(String name, byte[] bytes) {
    return new ByteArrayResource(bytes) {
      @Override
      public String getFilename() { return name; }
    };
  }

  private ResponseEntity<String> upload(String number, String token, ByteArrayResource... files) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (token != null) headers.set("X-Case-Token", token);
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    for (ByteArrayResource f : files)
      parts.add("files", f);
    parts.add("source", "STATUS_PAGE");
    return rest.exchange("/api/cases/" + number + "/attachments", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class);
  }

  private int stored(String number) {
    return count("select count(*) from aftersales.attachment a join aftersales.service_case c on c.id = a.case_id"
        + " where c.case_number = ?", number);
  }

  @Test
  void aCustomerAttachesPhotosAndReceiptsOnceAndStaffOfTheCaseReadThem() throws Exception {
    JsonNode opened = openCase(uniqueEmail("files"));
    String number = opened.get("caseNumber").asText();
    String token = opened.get("accessToken").asText();

    ResponseEntity<String> first = upload(number, token, file("dent.jpg", JPEG), file("receipt.pdf", PDF));
    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(first.getBody()).get("attachments").findValuesAsText("contentType"))
        .containsExactly("image/jpeg", "application/pdf");
    // The same photo again, under another name: kept once.
    JsonNode again = json.readTree(upload(number, token, file("same-photo.jpg", JPEG)).getBody());
    assertThat(again.get("attachments").get(0).get("duplicate").asBoolean()).isTrue();
    assertThat(stored(number)).isEqualTo(2);

    // All or none: a program beside a photo refuses the upload, naming the file; nothing of it is kept.
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1};
    ResponseEntity<String> mixed = upload(number, token, file("ok.png", png), file("tool.exe", "MZ..".getBytes()));
    assertThat(mixed.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(mixed.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(mixed.getBody()).contains("\"field\":\"files[1]\"", "tool.exe");
    // A photo with an SVG's name and a script inside is judged by its bytes: refused.
    assertThat(upload(number, token, file("x.jpg", "<svg onload=alert(1)>".getBytes())).getStatusCode())
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    byte[] huge = Arrays.copyOf(JPEG, 10 * 1024 * 1024 + 1);
    ResponseEntity<String> tooLarge = upload(number, token, file("huge.jpg", huge));
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.getBody()).contains("files[0]", "10 MB");
    assertThat(upload(number, token).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(stored(number)).isEqualTo(2);

    // Without the case's token nothing is accepted or shown.
    assertThat(upload(number, "wrong", file("a.jpg", JPEG)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(upload(number, null, file("a.jpg", JPEG)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/cases/" + number + "/attachments", new HttpHeaders()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // The customer reads them back with the token header; a photo is shown, never run.
    HttpHeaders customer = new HttpHeaders();
    customer.set("X-Case-Token", token);
    JsonNode list = json.readTree(get("/api/cases/" + number + "/attachments", customer).getBody());
    assertThat(list.findValuesAsText("fileName")).containsExactly("dent.jpg", "receipt.pdf");
    long photo = list.get(0).get("id").asLong();
    ResponseEntity<byte[]> bytes = rest.exchange("/api/cases/" + number + "/attachments/" + photo, HttpMethod.GET,
        new HttpEntity<>(customer), byte[].class);
    assertThat(bytes.getBody()).isEqualTo(JPEG);
    assertThat(bytes.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
    assertThat(bytes.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(bytes.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
    assertThat(rest.exchange("/api/cases/" + number + "/attachments/" + list.get(1).get("id").asLong(),
        HttpMethod.GET, new HttpEntity<>(customer), byte[].class).getHeaders().getContentDisposition().isAttachment())
        .isTrue();

    // Staff who work the case see them in the case view; the warehouse does not.
    assertThat(get("/api/desk/cases/" + number, jsonAs("anna")).getBody()).contains("dent.jpg", "receipt.pdf");
    assertThat(rest.exchange("/api/cases/" + number + "/attachments/" + photo, HttpMethod.GET,
        new HttpEntity<>(jsonAs("anna")), byte[].class).getBody()).isEqualTo(JPEG);
    assertThat(get("/api/cases/" + number + "/attachments", jsonAs("walter")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // The auditor's trail names each file with its fingerprint.
    assertThat(get("/api/audit/cases/" + number, jsonAs("audrey")).getBody()).contains("ATTACHMENT_ADDED",
        "dent.jpg", "receipt.pdf", "sha256");
  }

  @Test
  void theSameFileSentManyTimesAtOnceIsKeptOnce() throws Exception {
    JsonNode opened = openCase(uniqueEmail("files-parallel"));
    String number = opened.get("caseNumber").asText();
    String token = opened.get("accessToken").asText();
    List<Integer> statuses = inParallel(8, i -> upload(number, token, file("dent-" + i + ".jpg", JPEG))
        .getStatusCode().value());
    assertThat(statuses).containsOnly(201);
    assertThat(stored(number)).isEqualTo(1);
  }

  @Test
  void aCustomerAttachesAPhotoOnTheStatusPage() throws Exception {
    JsonNode opened = openCase(uniqueEmail("files-browser"));
    String number = opened.get("caseNumber").asText();
    Path photo = Files.createTempFile("dent-", ".jpg");
    Files.write(photo, JPEG);
    WebDriver browser = browsers.open("customer");
    browsers.step("status-page");
    browser.get(rest.getRootUri() + "/status.html#case=" + number + "&token=" + opened.get("accessToken").asText());
    TasklistBrowsers.waiting(browser).until(d -> d.findElement(By.id("files-form")).isDisplayed());
    // Where the case stands, in words.
    assertThat(browser.findElement(By.id("stage-title")).getText()).isEqualTo("We have your request");
    browser.findElement(By.id("files")).sendKeys(photo.toString());
    browser.findElement(By.id("files-submit")).click();
    TasklistBrowsers.waiting(browser).withMessage(() -> "the photo listed on the status page")
        .until(d -> d.findElement(By.id("files-list")).getText().contains(photo.getFileName().toString()));
    assertThat(browser.findElement(By.id("files-status")).getText()).contains("1 file(s) attached");
    assertThat(stored(number)).isEqualTo(1);
  }

  @Test
  void aCustomerSendsTheWebFormWithAReceipt() throws Exception {
    Path receipt = Files.createTempFile("receipt-", ".pdf");
    Files.write(receipt, PDF);
    String email = uniqueEmail("files-form");
    WebDriver browser = browsers.open("customer-form");
    browsers.step("contact-form");
    browser.get(rest.getRootUri() + "/contact.html");
    TasklistBrowsers.waiting(browser).until(d -> d.findElement(By.id("name")).isDisplayed());
    browser.findElement(By.id("name")).sendKeys("Form Customer");
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("subject")).sendKeys("Kettle leaks");
    browser.findElement(By.id("message")).sendKeys("It leaks from the bottom; the receipt is attached.");
    browser.findElement(By.id("files")).sendKeys(receipt.toString());
    browser.findElement(By.id("submit")).click();
    TasklistBrowsers.waiting(browser).withMessage(() -> "the confirmation says the receipt is attached")
        .until(d -> d.findElement(By.id("files-note")).getText().contains("1 file(s) attached"));
    String number = browser.findElement(By.id("case-number")).getText();
    assertThat(jdbc.queryForList("select a.file_name from aftersales.attachment a join aftersales.service_case c"
        + " on c.id = a.case_id where c.case_number = ?", String.class, number))
        .containsExactly(receipt.getFileName().toString());
  }
}
