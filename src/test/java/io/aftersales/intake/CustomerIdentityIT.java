package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 6, promise 1 and 3: a case belongs to the person who wrote, also when contacts arrive in parallel. */
class CustomerIdentityIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;

  private static String uniquePhone() {
    return "+49 171 " + (1_000_000 + (int) (Math.random() * 8_999_999));
  }

  private ResponseEntity<String> contact(String channel, String name, String email, String phone, String subject) {
    String customer = "{\"name\":\"" + name + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\"")
        + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}";
    return post("/api/cases", "{\"channel\":\"" + channel + "\",\"customer\":" + customer + ",\"subject\":\"" + subject
        + "\",\"message\":\"Please help me with this.\"}", json());
  }

  private String caseNumber(ResponseEntity<String> created) throws Exception {
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("caseNumber").asText();
  }

  private String customerEmailOf(String caseNumber) {
    return jdbc.queryForObject("select u.email from aftersales.service_case c join aftersales.customer u"
        + " on u.id = c.customer_id where c.case_number = ?", String.class, caseNumber);
  }

  @Test
  void anotherAddressWithAKnownPhoneIsAnotherCustomerAndTheAgentIsTold() throws Exception {
    String phone = uniquePhone();
    String alice = uniqueEmail("alice");
    String bob = uniqueEmail("bob");
    String aliceCase = caseNumber(contact("WEB_FORM", "Alice", alice, phone, "Alice kettle"));
    String bobCase = caseNumber(contact("WEB_FORM", "Bob", bob, phone, "Bob private matter"));

    assertThat(customerEmailOf(aliceCase)).isEqualTo(alice);
    assertThat(customerEmailOf(bobCase)).isEqualTo(bob);
    // Each hears only of their own case.
    assertThat(awaitMail(bob, bobCase, 1).get(0).getSubject()).contains("Bob private matter");
    awaitMail(alice, aliceCase, 1);
    Thread.sleep(500);
    assertThat(mailTo(alice, "Bob private matter")).isEmpty();
    assertThat(mailTo(alice, bobCase)).isEmpty();

    // The agent sees that the phone is also someone else's, on the case and in the review form.
    String note = jdbc.queryForObject("select contact_note from aftersales.service_case where case_number = ?",
        String.class, bobCase);
    assertThat(note).contains("also on file for Alice").contains(alice);
    String task = taskOf(bobCase, "UserTask_ReviewCase", "anna").orElseThrow();
    JsonNode vars = json.readTree(get("/engine-rest/task/" + task + "/form-variables", jsonAs("anna")).getBody());
    assertThat(vars.get("contactNote").get("value").asText()).contains("also on file");
    assertThat(jdbc.queryForObject("select contact_note from aftersales.service_case where case_number = ?",
        String.class, aliceCase)).isNull();
  }

  @Test
  void anOrderOfAnotherBuyerIsShownToTheAgent() throws Exception {
    // EC-100001 is a demo order of another customer; a stranger quoting it is told apart from the buyer.
    ResponseEntity<String> created = post("/api/cases", "{\"channel\":\"WEB_FORM\",\"customer\":{\"name\":\"Stranger\","
        + "\"email\":\"" + uniqueEmail("stranger") + "\"},\"orderNumber\":\"EC-100001\",\"subject\":\"Refund please\","
        + "\"message\":\"Refund my order.\"}", json());
    String number = caseNumber(created);
    assertThat(jdbc.queryForObject("select contact_note from aftersales.service_case where case_number = ?",
        String.class, number)).startsWith("Buyer differs: order EC-100001 was placed by");
  }

  @Test
  void aPhoneOnlyContactNeverReachesACustomerKnownByEmail() throws Exception {
    String phone = uniquePhone();
    String alice = uniqueEmail("alice");
    String aliceCase = caseNumber(contact("WEB_FORM", "Alice", alice, phone, "Alice blender"));
    String chatCase = caseNumber(contact("WHATSAPP", "Someone", null, phone, "Where is my order"));

    assertThat(customerEmailOf(chatCase)).isNull();
    assertThat(jdbc.queryForObject("select contact_note from aftersales.service_case where case_number = ?",
        String.class, chatCase)).contains("also on file for Alice");
    awaitMail(alice, aliceCase, 1);
    Thread.sleep(500);
    assertThat(mailTo(alice, chatCase)).isEmpty();
    // The same number again joins its own phone-only customer, not Alice.
    String again = caseNumber(contact("WHATSAPP", "Someone", null, phone.replace(" ", ""), "Second question"));
    assertThat(count("select count(distinct customer_id) from aftersales.service_case where case_number in (?, ?)",
        chatCase, again)).isEqualTo(1);
  }

  @Test
  void aPhoneWithoutDigitsIsNoPhone() throws Exception {
    for (String phone : List.of("()- ()", "+ ( ) - -", "12 34")) {
      ResponseEntity<String> refused = contact("WHATSAPP", "X", null, phone, "No number");
      assertThat(refused.getStatusCode()).as(phone).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("customer.phone");
    }
  }

  @Test
  void parallelFirstContactsFromOneNewAddressAllOpenTheirCasesUnderOneCustomer() throws Exception {
    String email = uniqueEmail("rush");
    String phone = uniquePhone();
    List<ResponseEntity<String>> byEmail = inParallel(16, i -> contact("WEB_FORM", "Rush", email, null, "Rush " + i));
    List<ResponseEntity<String>> byPhone = inParallel(8, i -> contact("WHATSAPP", "Chat", null, phone, "Chat " + i));

    for (ResponseEntity<String> answer : byEmail)
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    for (ResponseEntity<String> answer : byPhone)
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(count("select count(*) from aftersales.customer where lower(email) = lower(?)", email)).isEqualTo(1);
    assertThat(count("select count(*) from aftersales.service_case c join aftersales.customer u on u.id = c.customer_id"
        + " where lower(u.email) = lower(?)", email)).isEqualTo(16);
    String normalised = "+" + phone.replaceAll("\\D", "");
    assertThat(count("select count(*) from aftersales.customer where phone = ? and email is null", normalised))
        .isEqualTo(1);
    assertThat(count("select count(*) from aftersales.service_case c join aftersales.customer u on u.id = c.customer_id"
        + " where u.phone = ? and u.email is null", normalised)).isEqualTo(8);
  }
}
