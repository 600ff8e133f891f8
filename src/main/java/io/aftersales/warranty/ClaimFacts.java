package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The facts of a claim every customer mail and back-office request needs, read from the process variables in one
 * place so the delegates stay one line.
 */
record ClaimFacts(Long caseId, String caseNumber, String customerName, String salesChannel, String retailerName,
    String orderNumber, String productSku, String productName, String purchaseDate, Integer monthsSincePurchase,
    BigDecimal purchasePrice, String serialNumber, String shippingAddress) {

  static ClaimFacts of(VariableScope execution) {
    return new ClaimFacts(CASE_ID.from(execution), CASE_NUMBER.from(execution), CUSTOMER_NAME.fromOrNull(execution),
        SALES_CHANNEL.fromOrNull(execution), RETAILER_NAME.fromOrNull(execution), ORDER_NUMBER.fromOrNull(execution),
        PRODUCT_SKU.fromOrNull(execution), PRODUCT_NAME.fromOrNull(execution), PURCHASE_DATE.fromOrNull(execution),
        MONTHS_SINCE_PURCHASE.fromOrNull(execution), PURCHASE_PRICE.fromOrNull(execution),
        SERIAL_NUMBER.fromOrNull(execution), SHIPPING_ADDRESS.fromOrNull(execution));
  }

  /** "your Electric kettle 1.7 l", or "your product" when we could not identify it. */
  String product() {
    return productName == null || productName.isBlank() ? "your product" : "your " + productName;
  }
}
