package io.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.cases.RequestType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The limits of {@code POST /api/cases} as Bean Validation enforces them; every refusal names its field. */
class IntakeRequestValidationTest {
  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  private static IntakeRequest.Contact contact(String name, String email, String phone) {
    return new IntakeRequest.Contact(name, email, phone);
  }

  private static IntakeRequest request(IntakeRequest.Contact customer) {
    return new IntakeRequest(IntakeRequest.ApiChannel.WEB_FORM, customer, "WEB-1001", "KW-PAN-28", "SN-1",
        LocalDate.of(2025, 11, 3), RequestType.WARRANTY, "Kettle leaks", "It leaks at the handle.");
  }

  private static IntakeRequest valid() {
    return request(contact("Maria Muster", "maria@example.com", "+49 170 1234567"));
  }

  private static IntakeRequest withOrder(String orderNumber, String productSku, String serialNumber) {
    IntakeRequest r = valid();
    return new IntakeRequest(r.channel(), r.customer(), orderNumber, productSku, serialNumber, r.purchaseDate(),
        r.requestType(), r.subject(), r.message());
  }

  private static IntakeRequest withPurchaseDate(LocalDate date) {
    IntakeRequest r = valid();
    return new IntakeRequest(r.channel(), r.customer(), r.orderNumber(), r.productSku(), r.serialNumber(), date,
        r.requestType(), r.subject(), r.message());
  }

  private static IntakeRequest withText(String subject, String message) {
    IntakeRequest r = valid();
    return new IntakeRequest(r.channel(), r.customer(), r.orderNumber(), r.productSku(), r.serialNumber(),
        r.purchaseDate(), r.requestType(), subject, message);
  }

  /** The property paths of all violations. */
  private static Set<String> violations(IntakeRequest request) {
    Set<ConstraintViolation<IntakeRequest>> found = validator.validate(request);
    return found.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
  }

  @Test
  void aCompleteRequestIsValid() {
    assertThat(violations(valid())).isEmpty();
  }

  @Test
  void onlyChannelContactSubjectAndMessageAreRequired() {
    IntakeRequest minimal = new IntakeRequest(IntakeRequest.ApiChannel.CHAT, contact(null, "maria@example.com", null),
        null, null, null, null, null, "Kettle", "It leaks.");
    assertThat(violations(minimal)).isEmpty();
  }

  @Test
  void aMissingChannelOrCustomerIsRefusedByName() {
    IntakeRequest r = valid();
    assertThat(violations(new IntakeRequest(null, r.customer(), null, null, null, null, null, "s", "m")))
        .containsExactly("channel");
    assertThat(violations(new IntakeRequest(r.channel(), null, null, null, null, null, null, "s", "m")))
        .containsExactly("customer");
  }

  @Test
  void aBlankOrMissingSubjectOrMessageIsRefusedByName() {
    assertThat(violations(withText("   ", "It leaks."))).containsExactly("subject");
    assertThat(violations(withText(null, "It leaks."))).containsExactly("subject");
    assertThat(violations(withText("Kettle", "\n\t "))).containsExactly("message");
    assertThat(violations(withText("Kettle", ""))).containsExactly("message");
  }

  @Test
  void aSubjectMayHave300Characters() {
    assertThat(violations(withText("s".repeat(300), "m"))).isEmpty();
    assertThat(violations(withText("s".repeat(301), "m"))).containsExactly("subject");
  }

  @Test
  void aMessageMayHave20000Characters() {
    assertThat(violations(withText("s", "m".repeat(20_000)))).isEmpty();
    assertThat(violations(withText("s", "m".repeat(20_001)))).containsExactly("message");
  }

  @Test
  void orderNumberSkuAndSerialNumberMayHave64CharactersEach() {
    String ok = "x".repeat(64);
    String tooLong = "x".repeat(65);
    assertThat(violations(withOrder(ok, ok, ok))).isEmpty();
    assertThat(violations(withOrder(tooLong, ok, ok))).containsExactly("orderNumber");
    assertThat(violations(withOrder(ok, tooLong, ok))).containsExactly("productSku");
    assertThat(violations(withOrder(ok, ok, tooLong))).containsExactly("serialNumber");
  }

  @Test
  void aNameMayHave200Characters() {
    assertThat(violations(request(contact("n".repeat(200), "maria@example.com", null)))).isEmpty();
    assertThat(violations(request(contact("n".repeat(201), "maria@example.com", null))))
        .containsExactly("customer.name");
  }

  @Test
  void anEmailMustBeAnAddress() {
    assertThat(violations(request(contact("Maria", "maria.example.com", null)))).containsExactly("customer.email");
    assertThat(violations(request(contact("Maria", "maria@", null)))).containsExactly("customer.email");
    assertThat(violations(request(contact("Maria", "Maria Muster <maria@example.com>", null))))
        .containsExactly("customer.email");
  }

  @Test
  void anEmailMayHave320CharactersButNoMore() {
    String label = "d".repeat(60);
    String longest = "m".repeat(64) + "@" + String.join(".", label, label, label, label, "example", "com");
    assertThat(longest).hasSize(320);
    assertThat(violations(request(contact("Maria", longest, null)))).isEmpty();
    assertThat(violations(request(contact("Maria", "m" + longest, null)))).containsExactly("customer.email");
  }

  @Test
  void somethingToAnswerToIsRequiredEitherAnEmailOrAPhone() {
    assertThat(violations(request(contact("Maria", null, null)))).containsExactly("customer.emailOrPhone");
    assertThat(violations(request(contact("Maria", "", null)))).containsExactly("customer.emailOrPhone");
    assertThat(violations(request(contact("Maria", null, "+49 170 1234567")))).isEmpty();
    assertThat(violations(request(contact("Maria", "maria@example.com", null)))).isEmpty();
  }

  @Test
  void aPhoneInTheUsualFormatsIsAccepted() {
    for (String phone : new String[]{"+49 170 1234567", "+49 (0)170 123-4567", "0170-1234567", "12345",
        "123456789012345"}) {
      assertThat(violations(request(contact("Maria", null, phone)))).as(phone).isEmpty();
    }
  }

  @Test
  void aPhoneOfOnlyPunctuationOrTooFewOrTooManyDigitsIsRefused() {
    for (String phone : new String[]{"()- ", "1234", "+49 170 12345678901", "tel. 0170 1234567",
        "0170/1234567", "0170 1234567 ext. 5"}) {
      assertThat(violations(request(contact("Maria", "maria@example.com", phone)))).as(phone)
          .containsExactly("customer.phone");
    }
  }

  @Test
  void aPhoneMayHave30Characters() {
    String thirty = "+49 - 170 - 123 - 4567 - - - -";
    assertThat(thirty).hasSize(30);
    assertThat(violations(request(contact("Maria", null, thirty)))).isEmpty();
    assertThat(violations(request(contact("Maria", null, thirty + "-")))).containsExactly("customer.phone");
  }

  @Test
  void aBlankPhoneIsNeitherAPhoneNorSomethingToAnswerTo() {
    assertThat(violations(request(contact("Maria", null, "   "))))
        .containsExactlyInAnyOrder("customer.phone", "customer.emailOrPhone");
  }

  @Test
  void aPurchaseDateMayBeTodayButNotInTheFuture() {
    assertThat(violations(withPurchaseDate(LocalDate.now()))).isEmpty();
    assertThat(violations(withPurchaseDate(LocalDate.now().plusDays(2)))).containsExactly("purchaseDate");
  }

  @Test
  void aPurchaseDateMustLieBetween1900And2999() {
    assertThat(violations(withPurchaseDate(LocalDate.of(1900, 1, 1)))).isEmpty();
    assertThat(violations(withPurchaseDate(LocalDate.of(1899, 12, 31)))).containsExactly("purchaseDate");
    assertThat(violations(withPurchaseDate(LocalDate.of(-4800, 1, 1)))).containsExactly("purchaseDate");
    Set<ConstraintViolation<IntakeRequest>> future = validator.validate(withPurchaseDate(LocalDate.of(3000, 1, 1)));
    assertThat(future).extracting(ConstraintViolation::getMessage)
        .contains("must be a date between 1900-01-01 and 2999-12-31");
  }
}
