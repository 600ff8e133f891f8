package io.aftersales.warranty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The text choices in {@link WarrantyMails} that WarrantyServiceTest does not reach through the service. */
class WarrantyMailsTest {

  private static ClaimFacts facts(String channel, String productName, String purchaseDate) {
    return new ClaimFacts(42L, "SC-2026-000042", "Jonas Weber", channel, null, "EC-100002", "SA-KETTLE-17",
        productName, purchaseDate, null, new BigDecimal("39.90"), null, null);
  }

  @Test
  void withoutANamedDocumentTheClosedClaimAsksForTheProofOfPurchase() {
    assertThat(WarrantyMails.claimClosed(facts("RETAILER", "Electric kettle 1.7 l", null), null))
        .contains("reply to this email at any time with the proof of purchase and photos of the defect");
  }

  @Test
  void anExpiredWarrantyNamesThePurchaseDateOnlyWhenKnown() {
    assertThat(WarrantyMails.warrantyExpired(facts("ECOMMERCE", "Electric kettle 1.7 l", "2025-09-22"), null))
        .contains("You bought your Electric kettle 1.7 l on 2025-09-22. Unfortunately that period has ended");
    assertThat(WarrantyMails.warrantyExpired(facts("ECOMMERCE", "Electric kettle 1.7 l", null), null))
        .contains("we have checked your warranty claim. Unfortunately that period has ended")
        .doesNotContain("You bought");
  }

  @Test
  void aSparePartOnOrderIsCalledThatAndNotANewUnit() {
    assertThat(WarrantyMails.goodsOrdered(facts("ECOMMERCE", "Electric kettle 1.7 l", null), true))
        .contains("we will send you the spare part for your Electric kettle 1.7 l free of charge");
  }

  @Test
  void withoutALabelLinkTheCustomerWaitsForTheCarriersEmail() {
    assertThat(WarrantyMails.returnLabel(facts("ECOMMERCE", "Electric kettle 1.7 l", null), "DPD", "RL-1", null))
        .contains("1. You will receive the prepaid return label from DPD in a separate email.\n")
        .doesNotContain("Print");
  }

  @Test
  void anUnidentifiedProductIsCalledYourProduct() {
    ClaimFacts unknown = facts("ECOMMERCE", null, null);
    assertThat(WarrantyMails.unitAtSupplier(unknown)).startsWith("Hello Jonas Weber,\n\nyour product has arrived");
    assertThat(WarrantyMails.repairedUnitShipped(unknown, "DHL", "R-1"))
        .startsWith("Hello Jonas Weber,\n\nYour product has been repaired and tested");
  }

  @Test
  void aRefundOutsideAmazonGoesBackToTheOriginalPaymentMethod() {
    assertThat(WarrantyMails.refundIssued(facts("ECOMMERCE", "Electric kettle 1.7 l", null), new BigDecimal("39.9"),
        "FIN-7")).contains("refunded the purchase price of 39.90 EUR under the warranty (reference FIN-7)",
            "original payment method", "within 3 to 5 business days")
        .doesNotContain("Amazon");
  }
}
