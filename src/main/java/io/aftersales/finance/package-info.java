/**
 * Money in after-sales: refunds (own shop or, for Amazon orders, Seller Central — always issued by
 * a person), credit notes to retailers, and payment requests for quoted spare parts. Refunds reach
 * the shop back end or Seller Central through {@link io.aftersales.finance.RefundPort}, whose
 * built-in adapter records the request for the {@code finance} group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance")
package io.aftersales.finance;
