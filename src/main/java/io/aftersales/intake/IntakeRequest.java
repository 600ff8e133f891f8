package io.aftersales.intake;

import io.aftersales.cases.RequestType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/cases}. Unknown fields and enum values are rejected. */
record IntakeRequest(
    @NotNull ApiChannel channel,
    @NotNull @Valid Contact customer,
    @Size(max = 64) String orderNumber,
    @Size(max = 64) String productSku,
    @Size(max = 64) String serialNumber,
    @PastOrPresent @io.aftersales.shared.DateRange LocalDate purchaseDate,
    RequestType requestType,
    @NotBlank @Size(max = 300) String subject,
    @NotBlank @Size(max = 20_000) String message) {

  record Contact(
      @Size(max = 200) String name,
      @Email @Size(max = 320) String email,
      @Size(max = 30) @Pattern(regexp = "\\+?[ ()-]*(?:[0-9][ ()-]*){5,15}", message = "must be a phone number of 5 to 15 digits like +49 170 1234567") String phone) {

    @AssertTrue(message = "give an email address or a phone number so we can answer")
    boolean isEmailOrPhone() { return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank()); }
  }

  /** The channels that reach us over this API; email arrives through the mailbox. */
  enum ApiChannel {
    WEB_FORM, CHAT, CHATBOT, WHATSAPP, SOCIAL_MEDIA
  }
}
