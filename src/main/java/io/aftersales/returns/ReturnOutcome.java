package io.aftersales.returns;

/** The result of decision return-outcome (BusinessRuleTask_DecideReturnOutcome). */
record ReturnOutcome(String outcome, Integer refundPercent, String disposition) {
  boolean refunds() {
    return "FULL_REFUND".equals(outcome) || "PARTIAL_REFUND".equals(outcome);
  }
}
