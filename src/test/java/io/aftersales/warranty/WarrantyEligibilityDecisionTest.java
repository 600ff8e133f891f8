package io.aftersales.warranty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule of processes/warranty/warranty-eligibility.dmn, with the boundaries: 23 vs 24 months for consumers,
 * the product warranty's last month, business customers at the product warranty, proof and date missing.
 */
class WarrantyEligibilityDecisionTest {
  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/warranty/warranty-eligibility.dmn"))) {
      decision = dmn.parseDecision("warranty-eligibility", in);
    }
  }

  /** A consumer who bought in our own shop, order known, product with 24 months warranty. */
  private static Map<String, Object> claim() {
    Map<String, Object> v = new HashMap<>();
    v.put("customerType", "CONSUMER");
    v.put("salesChannel", "ECOMMERCE");
    v.put("proofOfPurchase", true);
    v.put("monthsSincePurchase", 14);
    v.put("warrantyMonths", 24);
    v.put("productCategory", "SMALL_APPLIANCE");
    return v;
  }

  private static Map<String, Object> with(Object... keyValues) {
    Map<String, Object> v = claim();
    for (int i = 0; i < keyValues.length; i += 2)
      v.put((String) keyValues[i], keyValues[i + 1]);
    return v;
  }

  private static DmnDecisionRuleResult evaluate(Map<String, Object> variables) {
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, variables);
    assertThat(result.getResultList()).as("hit policy FIRST gives exactly one result").hasSize(1);
    return result.getSingleResult();
  }

  @Test
  void aRetailPurchaseWithoutTheShopsReceiptNeedsIt() {
    var r = evaluate(with("salesChannel", "RETAILER", "proofOfPurchase", false, "monthsSincePurchase", 8,
        "warrantyMonths", 36));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("DOCUMENTS_MISSING");
    assertThat(r.<String>getEntry("missingDocuments")).contains("shop's receipt");
  }

  @Test
  void anUnknownOrderNeedsTheOrderNumberOrAReceipt() {
    var r = evaluate(with("salesChannel", null, "proofOfPurchase", false, "monthsSincePurchase", null,
        "warrantyMonths", null, "productCategory", null));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("DOCUMENTS_MISSING");
    assertThat(r.<String>getEntry("missingDocuments")).contains("order number or the receipt");
  }

  @Test
  void aMissingProofFlagCountsAsNoProof() {
    var r = evaluate(with("proofOfPurchase", null));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("DOCUMENTS_MISSING");
  }

  @Test
  void aProvenPurchaseWithoutDateNeedsTheDate() {
    var r = evaluate(with("salesChannel", "RETAILER", "monthsSincePurchase", null));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("DOCUMENTS_MISSING");
    assertThat(r.<String>getEntry("missingDocuments")).contains("purchase date");
  }

  @Test
  void aBusinessClaimForAnUnknownProductNeedsTheProduct() {
    var r = evaluate(with("customerType", "BUSINESS", "warrantyMonths", null));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("DOCUMENTS_MISSING");
    assertThat(r.<String>getEntry("missingDocuments")).contains("article number");
  }

  @Test
  void businessCustomersAreCoveredByTheProductWarrantyUpToItsLastMonth() {
    var r = evaluate(with("customerType", "BUSINESS", "monthsSincePurchase", 23));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("ELIGIBLE");
    assertThat(r.<String>getEntry("eligibilityNote")).contains("product warranty of 24 months");
    assertThat(r.<String>getEntry("missingDocuments")).isNull();
  }

  @Test
  void businessCustomersGetNoLegalGuaranteeBeyondTheProductWarranty() {
    // A TEXTILE product with 12 months: 13 months is expired for a business, covered for a consumer.
    var business = evaluate(with("customerType", "BUSINESS", "monthsSincePurchase", 12, "warrantyMonths", 12,
        "productCategory", "TEXTILE"));
    assertThat(business.<String>getEntry("eligibility")).isEqualTo("EXPIRED");
    assertThat(business.<String>getEntry("eligibilityNote")).contains("12 months").contains("consumers only");
    var consumer = evaluate(with("monthsSincePurchase", 12, "warrantyMonths", 12, "productCategory", "TEXTILE"));
    assertThat(consumer.<String>getEntry("eligibility")).isEqualTo("ELIGIBLE");
  }

  @Test
  void businessKettlesThirtyMonthsOldAreExpired() {
    var r = evaluate(with("customerType", "BUSINESS", "monthsSincePurchase", 30));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("EXPIRED");
  }

  @Test
  void aLongerProductWarrantyCoversConsumersBeyondTwoYears() {
    var r = evaluate(with("monthsSincePurchase", 35, "warrantyMonths", 36));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("ELIGIBLE");
    assertThat(r.<String>getEntry("eligibilityNote")).contains("own warranty of 36 months");
    assertThat(evaluate(with("monthsSincePurchase", 36, "warrantyMonths", 36)).<String>getEntry("eligibility"))
        .isEqualTo("EXPIRED");
  }

  @Test
  void consumersAreCoveredByTheLegalGuaranteeThroughMonth23() {
    var r = evaluate(with("monthsSincePurchase", 23));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("ELIGIBLE");
    assertThat(r.<String>getEntry("eligibilityNote")).contains("24-month EU legal guarantee");
  }

  @Test
  void consumersAreOutOfCoverageFromMonth24() {
    var r = evaluate(with("monthsSincePurchase", 24));
    assertThat(r.<String>getEntry("eligibility")).isEqualTo("EXPIRED");
    assertThat(r.<String>getEntry("eligibilityNote")).contains("24 months");
  }

  @Test
  void consumersWithAnUnknownProductStillHaveTheLegalGuarantee() {
    assertThat(evaluate(with("warrantyMonths", null, "monthsSincePurchase", 10)).<String>getEntry("eligibility"))
        .isEqualTo("ELIGIBLE");
    assertThat(evaluate(with("customerType", null, "monthsSincePurchase", 10)).<String>getEntry("eligibility"))
        .as("unknown customer type is treated as a consumer").isEqualTo("ELIGIBLE");
  }

  @Test
  void amazonAndOwnShopOrdersAreTheirOwnProof() {
    assertThat(evaluate(with("salesChannel", "AMAZON", "monthsSincePurchase", 3)).<String>getEntry("eligibility"))
        .isEqualTo("ELIGIBLE");
    assertThat(evaluate(with("salesChannel", "ECOMMERCE", "monthsSincePurchase", 14)).<String>getEntry("eligibility"))
        .isEqualTo("ELIGIBLE");
  }
}
