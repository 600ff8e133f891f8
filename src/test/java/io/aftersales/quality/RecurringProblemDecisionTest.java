package io.aftersales.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rule of processes/quality/recurring-problem.dmn, and no alert where no rule matches. */
class RecurringProblemDecisionTest {
  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = RecurringProblemDecisionTest.class.getResourceAsStream(
        "/processes/quality/recurring-problem.dmn")) {
      decision = engine.parseDecisions(dmn).stream()
          .filter(d -> d.getKey().equals(QualityInvestigationProcess.DECISION)).findFirst().orElseThrow();
    }
  }

  private static DmnDecisionResult decide(String category, String type) {
    Map<String, Object> v = new HashMap<>();
    v.put("productCategory", category);
    v.put("requestType", type);
    return engine.evaluateDecision(decision, v);
  }

  private static void rule(String category, String type, int threshold, int days) {
    var result = decide(category, type).getSingleResult();
    assertThat(((Number) result.getEntry("threshold")).intValue()).as(category + " " + type).isEqualTo(threshold);
    assertThat(((Number) result.getEntry("windowDays")).intValue()).isEqualTo(days);
  }

  @Test
  void electricalWarrantyProblemsAlertSoonestThenWarrantiesSparePartsAndReturns() {
    rule("SMALL_APPLIANCE", "WARRANTY", 5, 30);
    rule("COOKWARE", "WARRANTY", 10, 30);
    rule("SMALL_APPLIANCE", "RETURN", 25, 30);
    rule("TEXTILE", "RETURN", 25, 30);
    rule("SMALL_APPLIANCE", "SPARE_PART", 15, 30);
    rule(null, "WARRANTY", 10, 30);
  }

  @Test
  void questionsAndUnknownTypesRaiseNoAlert() {
    assertThat(decide("SMALL_APPLIANCE", "INFORMATION")).isEmpty();
    assertThat(decide("COOKWARE", null)).isEmpty();
  }
}
