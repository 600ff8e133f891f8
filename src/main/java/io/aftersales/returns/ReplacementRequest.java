package io.aftersales.returns;

import java.math.BigDecimal;

/** A replacement was reserved and requested, or - none in stock - a full refund replaces it. */
record ReplacementRequest(boolean reserved, Long shipmentId, String outcome, Integer refundPercent,
    BigDecimal refundAmount) {

  static ReplacementRequest reserved(Long shipmentId) {
    return new ReplacementRequest(true, shipmentId, "REPLACEMENT", 0, null);
  }

  static ReplacementRequest refundInstead(BigDecimal fullRefund) {
    return new ReplacementRequest(false, null, "FULL_REFUND", 100, fullRefund);
  }
}
