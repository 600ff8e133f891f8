package io.aftersales.spareparts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule of processes/spareparts/spare-part-charge.dmn (both decisions), with the boundaries
 * of the warranty period: a consumer's 24 months are over after 24 full months, not after 23.
 */
class SparePartChargeDecisionTest {
  private static DmnEngine engine;
  private static DmnDecision charge;
  private static DmnDecision warrantyPeriod;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = SparePartChargeDecisionTest.class.getResourceAsStream(
        "/processes/spareparts/spare-part-charge.dmn")) {
      List<DmnDecision> decisions = engine.parseDecisions(dmn);
      charge = decisions.stream().filter(d -> d.getKey().equals(SparePartRequestProcess.DECISION_CHARGE))
          .findFirst().orElseThrow();
      warrantyPeriod = decisions.stream()
          .filter(d -> d.getKey().equals(SparePartRequestProcess.DECISION_WARRANTY_PERIOD)).findFirst().orElseThrow();
    }
  }

  private static Map<String, Object> facts(String reason, Integer monthsSincePurchase, Integer warrantyMonths,
      String customerType, String salesChannel) {
    Map<String, Object> v = new HashMap<>();
    v.put("partReason", reason);
    v.put("monthsSincePurchase", monthsSincePurchase);
    v.put("warrantyMonths", warrantyMonths);
    v.put("customerType", customerType);
    v.put("salesChannel", salesChannel);
    return v;
  }

  private static DmnDecisionResult decide(String reason, Integer months, Integer warranty, String type,
      String channel) {
    return engine.evaluateDecision(charge, facts(reason, months, warranty, type, channel));
  }

  private static Object period(String type, Integer warrantyMonths) {
    return engine.evaluateDecisionTable(warrantyPeriod, facts(null, null, warrantyMonths, type, null))
        .getSingleResult().getSingleEntry();
  }

  private static void assertFree(DmnDecisionResult result, boolean free, String notePart) {
    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().<Boolean>getEntry("free")).isEqualTo(free);
    assertThat(result.getSingleResult().<String>getEntry("chargeNote")).contains(notePart);
  }

  // spare-part-warranty-period

  @Test
  void businessCustomersGetTheProductWarranty() {
    assertThat(period("BUSINESS", 12)).isEqualTo(12);
  }

  @Test
  void businessCustomersOfAnUnknownProductHaveNoWarrantyPeriod() {
    Object months = engine.evaluateDecisionTable(warrantyPeriod, facts(null, null, null, "BUSINESS", null))
        .getSingleResult().getEntry("warrantyPeriodMonths");
    assertThat(months).isNull();
  }

  @Test
  void consumersKeepALongerProductWarranty() {
    assertThat(period("CONSUMER", 36)).isEqualTo(36);
    assertThat(period("CONSUMER", 24)).isEqualTo(24);
  }

  @Test
  void consumersGetAtLeastTheLegalGuarantee() {
    assertThat(period("CONSUMER", 12)).isEqualTo(24);
    assertThat(period("CONSUMER", null)).isEqualTo(24);
    assertThat(period(null, 6)).isEqualTo(24);
  }

  // spare-part-charge

  @Test
  void lostAndWornPartsAreAlwaysCharged() {
    assertFree(decide("LOST", 0, 24, "CONSUMER", "ECOMMERCE"), false, "Lost and worn");
    assertFree(decide("WEAR", 3, 36, "CONSUMER", "AMAZON"), false, "Lost and worn");
  }

  @Test
  void anUnknownPurchaseDateIsChargedUntilProven() {
    assertFree(decide("DEFECT", null, 24, "CONSUMER", null), false, "free if the customer proves purchase");
    assertFree(decide("DEFECT", 3, null, "BUSINESS", "ECOMMERCE"), false, "could not confirm the purchase date");
  }

  @Test
  void aDefectAfterTheWarrantyIsCharged() {
    assertFree(decide("DEFECT", 24, 24, "CONSUMER", "ECOMMERCE"), false, "warranty period of the product has ended");
    assertFree(decide("DEFECT", 36, 36, "CONSUMER", "AMAZON"), false, "has ended");
    assertFree(decide("DEFECT", 12, 12, "BUSINESS", "ECOMMERCE"), false, "has ended");
    // The demo business customer: kettles (24 months), 30 months old.
    assertFree(decide("DEFECT", 30, 24, "BUSINESS", "ECOMMERCE"), false, "has ended");
  }

  @Test
  void aDefectWithinTheWarrantyIsFreeInTheOwnShop() {
    assertFree(decide("DEFECT", 23, 24, "CONSUMER", "ECOMMERCE"), true, "order in our shop");
    assertFree(decide("DEFECT", 0, 24, "CONSUMER", "ECOMMERCE"), true, "free");
    // Towels have 12 months, but a consumer gets the legal 24.
    assertFree(decide("DEFECT", 13, 12, "CONSUMER", "ECOMMERCE"), true, "free");
    assertFree(decide("DEFECT", 11, 12, "BUSINESS", "ECOMMERCE"), true, "free");
  }

  @Test
  void aDefectWithinTheWarrantyIsFreeOnAmazonByTheOrderId() {
    assertFree(decide("DEFECT", 35, 36, "CONSUMER", "AMAZON"), true, "Amazon order id");
  }

  @Test
  void aDefectWithinTheWarrantyIsFreeForRetailerBuyersOnTheReceipt() {
    assertFree(decide("DEFECT", 8, 36, "CONSUMER", "RETAILER"), true, "retailer's receipt");
  }

  @Test
  void aDefectWithinTheWarrantyIsFreeOnProofWhenTheOrderIsNotOnFile() {
    assertFree(decide("DEFECT", 5, 24, "CONSUMER", null), true, "customer's proof of purchase");
  }

  @Test
  void aRequestWithoutReasonIsCharged() {
    assertFree(decide(null, 1, 24, "CONSUMER", "ECOMMERCE"), false, "No reason");
  }
}
