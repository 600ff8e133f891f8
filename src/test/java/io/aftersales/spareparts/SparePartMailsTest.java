package io.aftersales.spareparts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aftersales.cases.CaseFacts;
import io.aftersales.finance.PaymentRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The text choices in {@link SparePartMails} that SparePartServiceTest does not reach through the service. */
class SparePartMailsTest {
  private static final Instant LATE_EVENING_UTC = Instant.parse("2026-11-23T23:30:00Z");
  private final SparePartSettings settings = new SparePartSettings("P3D", "P10D", "P10D", "Pay by transfer.",
      ZoneId.of("Europe/Berlin"));

  private static SparePartOrder identified() {
    SparePartOrder order = new SparePartOrder("pi-1", 1L, "SC-2026-000001", 1, "SA-BLEND-900", LATE_EVENING_UTC);
    order.identified("SP-JAR-900", "Blender jar 1.5 l", 2, "LOST", new BigDecimal("24.90"),
        "Li Chen\nMain St 1\n10115 Berlin", LATE_EVENING_UTC);
    return order;
  }

  @Test
  void aClosedRequestGivesCustomerCaresMessageOrOurs() {
    assertThat(SparePartMails.closed("Li Chen", " The part is discontinued. ")).isEqualTo(
        "Hello Li Chen,\n\nThe part is discontinued.\n\nIf you have any questions, just reply to this email.");
    assertThat(SparePartMails.closed(null, " "))
        .startsWith("Hello,\n\nunfortunately we cannot offer a spare part for your product.");
  }

  @Test
  void aQuoteWithoutANoteOrShopNameStillSaysWhyAndWhomToPay() {
    SparePartOrder order = identified();
    order.quoted(null, LATE_EVENING_UTC, LATE_EVENING_UTC);
    PaymentRequest request = mock(PaymentRequest.class);
    when(request.getReference()).thenReturn("PAY-SC-2026-000001-1");
    when(request.getAmount()).thenReturn(new BigDecimal("49.80"));
    CaseFacts boughtInAShop = new CaseFacts("RETAILER", null, null, "CONSUMER", "Li Chen", true, "302-1",
        "SA-BLEND-900", "Blender 900 W", "SMALL_APPLIANCE", 36, "2026-11-01", "2026-11-03", 20, 0, 89.0, null);
    assertThat(SparePartMails.quote("Li Chen", order, null, request, boughtInAShop, settings))
        .contains("Why there is a charge: it is not covered by the warranty.\n")
        .contains("not through the shop, so please pay us as described below")
        .contains("Please pay by 24 November 2026.", "we send the part to:\nLi Chen\nMain St 1\n10115 Berlin\n");
  }

  @Test
  void theReminderAndTheExpiryNameAmountReferenceAndTheDueDateInTheConfiguredTimeZone() {
    SparePartOrder order = identified();
    order.quoted("Lost", LATE_EVENING_UTC, LATE_EVENING_UTC);
    assertThat(SparePartMails.paymentReminder("Li Chen", order, settings))
        .contains("your payment of 49.80 EUR for 2 x Blender jar 1.5 l (SP-JAR-900).")
        .contains("Payment reference: PAY-SC-2026-000001-1\n", "Please pay by 24 November 2026; after that");
    assertThat(SparePartMails.quoteExpired("Li Chen", order))
        .contains("(payment reference PAY-SC-2026-000001-1), so the quote has now expired")
        .contains("Please do not pay this reference any more.");
  }

  @Test
  void theCustomerLearnsWhyNothingIsOwed() {
    SparePartOrder paid = identified();
    paid.quoted("Lost", LATE_EVENING_UTC, LATE_EVENING_UTC);
    paid.paid("BANK-1", LATE_EVENING_UTC);
    assertThat(SparePartMails.partShipped("Li Chen", paid, "DHL", "0034043"))
        .contains("on its way. Thank you for your payment (reference PAY-SC-2026-000001-1). \n");

    SparePartOrder goodwill = identified();
    goodwill.chargeSettled(true, "Goodwill: key account");
    assertThat(SparePartMails.partOrdered("Li Chen", goodwill, "P10D"))
        .contains("As a goodwill gesture, the part is free of charge. The part you need, 2 x Blender jar 1.5 l")
        .contains("We expect it within about 10 days.");

    SparePartOrder warranty = identified();
    warranty.chargeSettled(true, "Within the warranty period");
    assertThat(SparePartMails.partOrdered("Li Chen", warranty, "P10D"))
        .contains("\n\nThe part is free of charge under the warranty. The part you need");
  }

  @Test
  void aDeliveryUpdateGivesTheSuppliersNewDateOrNone() {
    assertThat(SparePartMails.deliveryUpdate("Li Chen", identified(), "2026-12-24T10:00:00Z"))
        .contains("deliver 2 x Blender jar 1.5 l (SP-JAR-900).\n", "promises delivery by 24 December 2026.");
    assertThat(SparePartMails.deliveryUpdate("Li Chen", identified(), null))
        .contains("promises delivery as soon as possible.");
  }
}
