package io.aftersales.cases;

import io.aftersales.masterdata.Customer;
import io.aftersales.masterdata.OrderLine;
import io.aftersales.masterdata.Product;
import io.aftersales.masterdata.SalesOrder;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What the decisions and procedures need to know about a case, as plain process variables (ids,
 * strings, numbers: never entities). Recomputed when the agent corrects the order or product.
 *
 * @param daysSinceDelivery from the delivery date (or the purchase date if unknown); null if neither is known
 * @param purchasePrice unit price of the product on the order, for refunds; null if unknown
 */
public record CaseFacts(
    String salesChannel,
    String fulfilment,
    String retailerName,
    String customerType,
    String customerName,
    boolean orderKnown,
    String orderNumber,
    String productSku,
    String productName,
    String productCategory,
    Integer warrantyMonths,
    String purchaseDate,
    String deliveryDate,
    Integer daysSinceDelivery,
    Integer monthsSincePurchase,
    Double purchasePrice,
    String serialNumber) {

  static CaseFacts of(ServiceCase c, LocalDate today) {
    SalesOrder order = c.getOrder();
    Product product = c.getProduct();
    if (product == null && order != null && order.getLines().size() == 1) {
      product = order.getLines().get(0).getProduct();
    }
    Customer customer = c.getCustomer();
    LocalDate purchase = c.getPurchaseDate() != null
        ? c.getPurchaseDate()
        : order != null ? order.getPurchaseDate() : null;
    LocalDate delivery = order != null && order.getDeliveryDate() != null ? order.getDeliveryDate() : purchase;
    Double price = null;
    if (order != null && product != null) {
      String sku = product.getSku();
      price = order.getLines().stream().filter(l -> l.getProduct().getSku().equals(sku)).findFirst()
          .map(OrderLine::getUnitPrice).map(p -> p.doubleValue()).orElse(null);
    }
    // A retailer writing about its stock is a business on the retail channel, with or without an order of ours.
    boolean retailer = c.isRetailerSender();
    return new CaseFacts(
        order != null ? order.getSalesChannel().name() : retailer ? "RETAILER" : null,
        order == null || order.getFulfilment() == null ? null : order.getFulfilment().name(),
        order != null && order.getRetailerName() != null
            ? order.getRetailerName()
            : retailer ? customer.getName() : null,
        retailer ? "BUSINESS" : customer.getType().name(),
        customer.getName(),
        order != null,
        order != null ? order.getOrderNumber() : c.getOrderReference(),
        product != null ? product.getSku() : c.getProductReference(),
        product == null ? null : product.getName(),
        product == null ? null : product.getCategory(),
        product == null ? null : product.getWarrantyMonths(),
        purchase == null ? null : purchase.toString(),
        delivery == null ? null : delivery.toString(),
        delivery == null ? null : (int) ChronoUnit.DAYS.between(delivery, today),
        purchase == null ? null : monthsSince(purchase, today),
        price,
        c.getSerialNumber());
  }

  /** Whole months since the purchase, as every warranty and charge decision counts them. */
  public static int monthsSince(LocalDate purchase, LocalDate today) {
    return (int) ChronoUnit.MONTHS.between(purchase, today);
  }

  /** Facts only the triage decision reads: its history keeps them as inputs; no form or gateway needs them later. */
  private static final java.util.Set<String> DECISION_ONLY =
      java.util.Set.of("fulfilment", "customerType", "productCategory", "orderKnown");

  /** Facts the review form shows (and the routing decision reads too). */
  private static final java.util.Set<String> REVIEW_FORM =
      java.util.Set.of("salesChannel", "customerName", "orderNumber", "productSku");

  /**
   * The facts the service case itself reads (the triage decision's inputs and the review form): fewer variables
   * in the transaction that opens every case. The decision-only ones are transient: the decision reads them in the
   * same transaction and records them with its inputs, and no variable row or history of them is written. The
   * procedures load all facts ({@link #toVariables}).
   */
  public Map<String, Object> toCaseVariables() {
    Map<String, Object> v = toVariables();
    v.keySet().removeIf(name -> !REVIEW_FORM.contains(name) && !DECISION_ONLY.contains(name));
    DECISION_ONLY.forEach(name -> v.put(name, Variables.untypedValue(v.get(name), true)));
    return v;
  }

  /** The facts as process variables; names are declared in {@link ServiceCaseProcess}. */
  public Map<String, Object> toVariables() {
    Map<String, Object> v = new HashMap<>();
    v.put("salesChannel", salesChannel);
    v.put("fulfilment", fulfilment);
    v.put("retailerName", retailerName);
    v.put("customerType", customerType);
    v.put("customerName", customerName);
    v.put("orderKnown", orderKnown);
    v.put("orderNumber", orderNumber);
    v.put("productSku", productSku);
    v.put("productName", productName);
    v.put("productCategory", productCategory);
    v.put("warrantyMonths", warrantyMonths);
    v.put("purchaseDate", purchaseDate);
    v.put("deliveryDate", deliveryDate);
    v.put("daysSinceDelivery", daysSinceDelivery);
    v.put("monthsSincePurchase", monthsSincePurchase);
    v.put("purchasePrice", purchasePrice);
    v.put("serialNumber", serialNumber);
    return v;
  }
}
