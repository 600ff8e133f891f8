package io.aftersales.finance;

import java.math.BigDecimal;

/** Where a refund is executed: the own shop's back end or Amazon Seller Central. Returns the request id. */
public interface RefundPort {
  Long requestRefund(String salesChannel, String caseNumber, String reference, BigDecimal amount);
}
