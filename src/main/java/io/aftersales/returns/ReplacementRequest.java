package io.aftersales.returns;

import java.math.BigDecimal;

/** A replacement was reserved, or - none in stock - a full refund replaces it. */
record ReplacementRequest(boolean reserved, String outcome, Integer refundPercent,
    BigDecimal refundAmount) {

  static ReplacementRequest inStock() {
    return new ReplacementRequest(true, "REPLACEMENT", 0, null);
  }

  static ReplacementRequest refundInstead(BigDecimal fullRefund) {
    return new ReplacementRequest(false, "FULL_REFUND", 100, fullRefund);
  }
}
