package io.aftersales.handoff;

import java.math.BigDecimal;

/**
 * What to request from the outside system.
 *
 * @param reference our reference the person quotes there (RMA number, claim or order reference); with the case
 *     and kind it makes the request idempotent
 * @param details what to book, for whom and where to, in the person's words
 * @param amount the refund in euros (refunds only)
 * @param salesChannel where the refund is issued: AMAZON in Seller Central, otherwise the shop back end
 *     (refunds only)
 */
public record HandoffRequest(String reference, String details, BigDecimal amount, String salesChannel) {
  public static HandoffRequest shipment(String reference, String details) {
    return new HandoffRequest(reference, details, null, null);
  }

  public static HandoffRequest refund(String reference, String details, BigDecimal amount, String salesChannel) {
    return new HandoffRequest(reference, details, amount, salesChannel);
  }
}
