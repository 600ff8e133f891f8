package io.aftersales.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/triage/case-triage.dmn, and that the first matching rule wins. */
class CaseTriageDecisionTest {
  private static DmnEngine dmn;
  private static DmnDecision triage;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = CaseTriageDecisionTest.class.getResourceAsStream("/processes/triage/case-triage.dmn")) {
      triage = dmn.parseDecision("case-triage", in);
    }
  }

  private static DmnDecisionResultEntries decide(String requestType, String salesChannel, String fulfilment,
      String customerType, String productCategory, boolean orderKnown) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("requestType", requestType);
    facts.put("salesChannel", salesChannel);
    facts.put("fulfilment", fulfilment);
    facts.put("customerType", customerType);
    facts.put("productCategory", productCategory);
    facts.put("orderKnown", orderKnown);
    return dmn.evaluateDecision(triage, facts).getSingleResult();
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} {4} known={5} -> {6} {7}")
  @CsvSource(nullValues = "null", value = {
      // rule 1: Amazon FBM returns are urgent (Seller Central deadline)
      "RETURN,      AMAZON,    FBM,  CONSUMER, TEXTILE,         true,  return-handling,    HIGH",
      // rule 2: FBA returns go through Amazon
      "RETURN,      AMAZON,    FBA,  CONSUMER, SMALL_APPLIANCE, true,  return-handling,    NORMAL",
      // rule 3: a retailer returning defective stock
      "RETURN,      RETAILER,  null, BUSINESS, SMALL_APPLIANCE, true,  return-handling,    HIGH",
      // rule 4: a consumer who bought in a shop
      "RETURN,      RETAILER,  null, CONSUMER, SMALL_APPLIANCE, true,  return-handling,    LOW",
      // rule 5: no order known
      "RETURN,      null,      null, CONSUMER, null,            false, return-handling,    NORMAL",
      // rule 6: own shop
      "RETURN,      ECOMMERCE, null, CONSUMER, COOKWARE,        true,  return-handling,    NORMAL",
      // rule 7: electrical appliance under warranty: safety first
      "WARRANTY,    ECOMMERCE, null, CONSUMER, SMALL_APPLIANCE, true,  warranty-claim,     HIGH",
      // rule 8: any other warranty claim, any channel
      "WARRANTY,    RETAILER,  null, CONSUMER, COOKWARE,        true,  warranty-claim,     NORMAL",
      "WARRANTY,    null,      null, CONSUMER, null,            false, warranty-claim,     NORMAL",
      // rule 9
      "SPARE_PART,  AMAZON,    FBA,  CONSUMER, SMALL_APPLIANCE, true,  spare-part-request, NORMAL",
      // rule 10
      "INFORMATION, ECOMMERCE, null, CONSUMER, COOKWARE,        true,  none,               LOW",
      // rule 11: the customer did not say what they want
      "null,        ECOMMERCE, null, CONSUMER, COOKWARE,        true,  manual,             NORMAL",
  })
  void routesEachKindOfCase(String requestType, String salesChannel, String fulfilment, String customerType,
      String productCategory, boolean orderKnown, String procedure, String priority) {
    DmnDecisionResultEntries result = decide(requestType, salesChannel, fulfilment, customerType, productCategory,
        orderKnown);
    assertThat((String) result.getEntry("procedure")).isEqualTo(procedure);
    assertThat((String) result.getEntry("priority")).isEqualTo(priority);
    assertThat((String) result.getEntry("triageNote")).isNotBlank();
  }

  @Test
  void theFirstMatchingRuleWins() {
    // An Amazon FBM return without a known order still gets Amazon's deadline (rule 1 before rule 5).
    assertThat((String) decide("RETURN", "AMAZON", "FBM", "CONSUMER", null, false).getEntry("priority"))
        .isEqualTo("HIGH");
  }

  @Test
  void theTableStillHasTheElevenRulesTestedAbove() {
    assertThat(triage.getDecisionLogic()).isNotNull();
    assertThat(((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) triage.getDecisionLogic()).getRules())
        .hasSize(11);
  }
}
