package io.aftersales.finance;

import io.aftersales.integration.ExternalRequests;
import io.aftersales.integration.ExternalSystem;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Built-in refund adapter: neither the shop back end nor Seller Central is connected, so the refund
 * is recorded for the {@code finance} group, who issue it there by hand and confirm it in Tasklist.
 */
@Component
record ManualRefundAdapter(ExternalRequests requests) implements RefundPort {
  @Override
  public Long requestRefund(String salesChannel, String caseNumber, String reference, BigDecimal amount) {
    ExternalSystem system = "AMAZON".equals(salesChannel) ? ExternalSystem.AMAZON_SELLER_CENTRAL : ExternalSystem.SHOP;
    return requests.record(system, "REFUND", caseNumber, reference, "Refund " + amount + " EUR for " + reference,
        "finance").getId();
  }
}
