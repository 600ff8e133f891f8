package io.aftersales.spareparts;

import io.aftersales.shared.IsoDurations;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.spare-parts.*}: the service levels of spare-part-request (ISO 8601; they become timer variables
 * when a request starts), how customers pay a quote, and the time zone of dates in customer mails. A wrong value
 * fails the start-up. The production profile requires its own payment instructions (no demo IBAN in a real mail).
 */
@ConfigurationProperties("aftersales.spare-parts")
public record SparePartSettings(
    /** A quote unpaid this long: the customer is reminded. */
    @DefaultValue("P3D") String paymentReminderAfter,
    /** Counted from the reminder: the quote is cancelled (day 13 by default). */
    @DefaultValue("P10D") String paymentCancelAfter,
    /** Purchasing chases the supplier every period while a delivery is outstanding. */
    @DefaultValue("P10D") String supplierDeliveryOla,
    @DefaultValue(DEMO_PAYMENT_INSTRUCTIONS) String paymentInstructions,
    @DefaultValue("Europe/Berlin") ZoneId timeZone) {

  static final String DEMO_PAYMENT_INSTRUCTIONS = "Please transfer the amount to our account"
      + " (Aftersales Demo GmbH, IBAN DE02 1001 0010 0123 4567 89, BIC PBNKDEFF) and give the payment reference"
      + " exactly as shown, so that we can match your payment.";

  public SparePartSettings {
    IsoDurations.checked("aftersales.spare-parts.payment-reminder-after", paymentReminderAfter);
    IsoDurations.checked("aftersales.spare-parts.payment-cancel-after", paymentCancelAfter);
    IsoDurations.checked("aftersales.spare-parts.supplier-delivery-ola", supplierDeliveryOla);
    if (paymentInstructions == null || paymentInstructions.isBlank()) {
      throw new IllegalArgumentException("aftersales.spare-parts.payment-instructions must be set");
    }
  }
}
