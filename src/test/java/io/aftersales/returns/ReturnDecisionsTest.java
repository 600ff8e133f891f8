package io.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The two decisions of the return procedure, one assertion per rule, evaluated as Camunda evaluates
 * them (FEEL). Afterwards every rule of both tables must have matched at least once.
 */
class ReturnDecisionsTest {
  private static final String WINDOW_FILE = "processes/returns/return-window.dmn";
  private static final String OUTCOME_FILE = "processes/returns/return-outcome.dmn";
  private static final Set<String> MATCHED_RULES = new HashSet<>();
  private static final DmnEngine DMN;

  static {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().forEach(rule -> MATCHED_RULES.add(rule.getId()));
      }
    }));
    DMN = configuration.buildEngine();
  }

  private static DmnDecision decision(String file, String id) {
    try (InputStream in = ReturnDecisionsTest.class.getClassLoader().getResourceAsStream(file)) {
      return DMN.parseDecision(id, in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> ruleIds(String file) {
    try (InputStream in = ReturnDecisionsTest.class.getClassLoader().getResourceAsStream(file)) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      Set<String> ids = new HashSet<>();
      model.getModelElementsByType(Rule.class).forEach(r -> ids.add(r.getId()));
      return ids;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void everyRuleMatchedAtLeastOnce() {
    assertThat(MATCHED_RULES).containsAll(ruleIds(WINDOW_FILE)).containsAll(ruleIds(OUTCOME_FILE));
  }

  @Nested
  class ReturnWindow {
    private final DmnDecision decision = decision(WINDOW_FILE, ReturnHandlingProcess.DECISION_RETURN_WINDOW);

    private Map<String, Object> evaluate(String channel, String fulfilment, String customerType, Integer days) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("salesChannel", channel);
      variables.put("fulfilment", fulfilment);
      variables.put("customerType", customerType);
      variables.put("daysSinceDelivery", days);
      DmnDecisionTableResult result = DMN.evaluateDecisionTable(decision, variables);
      assertThat(result).as("exactly one result (hit policy FIRST)").hasSize(1);
      return result.getSingleResult().getEntryMap();
    }

    private static void assertWindow(Map<String, Object> result, boolean within, int days, String notePart) {
      assertThat(result).containsEntry("withinReturnWindow", within).containsEntry("returnWindowDays", days);
      assertThat((String) result.get("windowNote")).contains(notePart);
    }

    @Test
    void amazonFbmWithUnknownDeliveryAsksForTheOrderId() {
      assertWindow(evaluate("AMAZON", "FBM", "CONSUMER", null), false, 30, "ask for the Amazon order id");
    }

    @Test
    void amazonFbmFollowsAmazonsThirtyDaysIncludingDayThirty() {
      assertWindow(evaluate("AMAZON", "FBM", "CONSUMER", 3), true, 30, "Amazon's 30-day return policy");
      assertWindow(evaluate("AMAZON", "FBM", "CONSUMER", 30), true, 30, "within 2 business days");
    }

    @Test
    void amazonFbmDayThirtyOneIsOutside() {
      assertWindow(evaluate("AMAZON", "FBM", "CONSUMER", 31), false, 30, "Outside Amazon's 30-day return policy");
    }

    @Test
    void amazonPolicyAppliesToBusinessBuyersToo() {
      assertWindow(evaluate("AMAZON", "FBM", "BUSINESS", 20), true, 30, "Amazon's 30-day return policy");
    }

    @Test
    void businessCustomerWithUnknownDeliveryAsksForTheDate() {
      assertWindow(evaluate("ECOMMERCE", null, "BUSINESS", null), false, 14, "Business customers may return within 14");
    }

    @Test
    void businessCustomersHaveFourteenDaysIncludingDayFourteen() {
      assertWindow(evaluate("ECOMMERCE", null, "BUSINESS", 14), true, 14, "14-day return period for business");
    }

    @Test
    void businessCustomerDayFifteenIsOutside() {
      assertWindow(evaluate("ECOMMERCE", null, "BUSINESS", 15), false, 14, "Outside the 14-day return period");
    }

    @Test
    void consumerWithUnknownDeliveryIsNotWithinAndTheAgentAsks() {
      assertWindow(evaluate("ECOMMERCE", null, "CONSUMER", null), false, 30, "ask the customer for the order number");
      assertWindow(evaluate(null, null, null, null), false, 30, "ask the customer for the order number");
    }

    @Test
    void consumerWithinFourteenDaysHasTheLegalWithdrawalRight() {
      assertWindow(evaluate("ECOMMERCE", null, "CONSUMER", 0), true, 30, "legal withdrawal period");
      assertWindow(evaluate("ECOMMERCE", null, "CONSUMER", 14), true, 30, "legal withdrawal period");
    }

    @Test
    void consumerDaysFifteenToThirtyAreGoodwill() {
      assertWindow(evaluate("ECOMMERCE", null, "CONSUMER", 15), true, 30, "goodwill");
      assertWindow(evaluate("ECOMMERCE", null, "CONSUMER", 30), true, 30, "goodwill");
    }

    @Test
    void consumerDayThirtyOneIsOutside() {
      assertWindow(evaluate("ECOMMERCE", null, "CONSUMER", 31), false, 30, "Outside the 30-day return window");
    }

    @Test
    void anUnknownChannelIsJudgedLikeTheOwnShop() {
      assertWindow(evaluate(null, null, "CONSUMER", 6), true, 30, "legal withdrawal period");
    }
  }

  @Nested
  class Outcome {
    private final DmnDecision decision = decision(OUTCOME_FILE, ReturnHandlingProcess.DECISION_RETURN_OUTCOME);

    private Map<String, Object> evaluate(String condition, String wish) {
      DmnDecisionTableResult result = DMN.evaluateDecisionTable(decision,
          Map.of("itemCondition", condition, "customerWish", wish));
      assertThat(result).as("exactly one rule (hit policy UNIQUE)").hasSize(1);
      return result.getSingleResult().getEntryMap();
    }

    @Test
    void newItemRefundedInFullAndRestocked() {
      assertThat(evaluate("NEW", "REFUND")).isEqualTo(
          Map.of("outcome", "FULL_REFUND", "refundPercent", 100, "disposition", "RESTOCK"));
    }

    @Test
    void newItemReplacedAndRestocked() {
      assertThat(evaluate("NEW", "REPLACEMENT")).isEqualTo(
          Map.of("outcome", "REPLACEMENT", "refundPercent", 0, "disposition", "RESTOCK"));
    }

    @Test
    void openedItemRefundedInFullAndRefurbished() {
      assertThat(evaluate("OPENED", "REFUND")).isEqualTo(
          Map.of("outcome", "FULL_REFUND", "refundPercent", 100, "disposition", "REFURBISH"));
    }

    @Test
    void openedItemReplacedAndRefurbished() {
      assertThat(evaluate("OPENED", "REPLACEMENT")).isEqualTo(
          Map.of("outcome", "REPLACEMENT", "refundPercent", 0, "disposition", "REFURBISH"));
    }

    @Test
    void damagedItemHalfRefundedAndScrapped() {
      assertThat(evaluate("DAMAGED", "REFUND")).isEqualTo(
          Map.of("outcome", "PARTIAL_REFUND", "refundPercent", 50, "disposition", "SCRAP"));
    }

    @Test
    void anItemDamagedOnDeliveryIsRefundedInFullOrReplaced() {
      // Transport damage is the seller's risk: the customer gets what the agent promised, not a reduction.
      assertThat(evaluate("DAMAGED_ON_DELIVERY", "REFUND")).isEqualTo(
          Map.of("outcome", "FULL_REFUND", "refundPercent", 100, "disposition", "SCRAP"));
      assertThat(evaluate("DAMAGED_ON_DELIVERY", "REPLACEMENT")).isEqualTo(
          Map.of("outcome", "REPLACEMENT", "refundPercent", 0, "disposition", "SCRAP"));
    }

    @Test
    void damagedItemForReplacementIsRefusedAndSentBack() {
      assertThat(evaluate("DAMAGED", "REPLACEMENT")).isEqualTo(
          Map.of("outcome", "REFUSE_AND_SEND_BACK", "refundPercent", 0, "disposition", "NONE"));
    }
  }
}
