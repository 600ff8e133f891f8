package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.masterdata.Customer;
import io.aftersales.masterdata.CustomerType;
import io.aftersales.masterdata.Fulfilment;
import io.aftersales.masterdata.Product;
import io.aftersales.masterdata.SalesChannel;
import io.aftersales.masterdata.SalesOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/** The facts decisions see: order, product, dates and price, whatever the case knows. */
class CaseFactsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final Product KETTLE = new Product("KW-KET-17", "Kettle", "KETTLE", 24, null, new BigDecimal("49.90"));
  private static final Product PAN = new Product("KW-PAN-28", "Pan 28", "COOKWARE", 36, null, new BigDecimal("79.00"));

  private static ServiceCase aCase(CustomerType type) {
    return new ServiceCase("SC-2026-000001", SourceChannel.EMAIL, null,
        new Customer("Maria", "maria@example.com", null, type), "Kettle", "hash",
        Instant.parse("2026-03-01T08:00:00Z"));
  }

  private static SalesOrder order(Fulfilment fulfilment, LocalDate delivered) {
    return new SalesOrder("AMZ-1", SalesChannel.AMAZON, fulfilment, "Amazon.de", null, LocalDate.of(2025, 2, 10),
        delivered);
  }

  @Test
  void aCaseWithoutOrderOrProductKeepsTheReferencesAsGiven() {
    ServiceCase c = aCase(CustomerType.BUSINESS);
    c.linkPurchase(null, "ORD-UNKNOWN", null, "SKU-UNKNOWN", "SN-9", null);

    CaseFacts facts = CaseFacts.of(c, TODAY);

    assertThat(facts).isEqualTo(new CaseFacts(null, null, null, "BUSINESS", "Maria", false, "ORD-UNKNOWN",
        "SKU-UNKNOWN", null, null, null, null, null, null, null, null, "SN-9"));
  }

  @Test
  void theOnlyProductOfTheOrderIsTheCasesProductWithItsPriceAndTheOrdersDates() {
    ServiceCase c = aCase(CustomerType.CONSUMER);
    SalesOrder order = order(Fulfilment.FBA, LocalDate.of(2025, 2, 12)).addLine(KETTLE, 1, new BigDecimal("45.50"));
    c.linkPurchase(order, "AMZ-1", null, null, null, null);

    CaseFacts facts = CaseFacts.of(c, TODAY);

    assertThat(facts.salesChannel()).isEqualTo("AMAZON");
    assertThat(facts.fulfilment()).isEqualTo("FBA");
    assertThat(facts.retailerName()).isEqualTo("Amazon.de");
    assertThat(facts.orderKnown()).isTrue();
    assertThat(facts.orderNumber()).isEqualTo("AMZ-1");
    assertThat(facts.productSku()).isEqualTo("KW-KET-17");
    assertThat(facts.productName()).isEqualTo("Kettle");
    assertThat(facts.productCategory()).isEqualTo("KETTLE");
    assertThat(facts.warrantyMonths()).isEqualTo(24);
    assertThat(facts.purchaseDate()).isEqualTo("2025-02-10");
    assertThat(facts.deliveryDate()).isEqualTo("2025-02-12");
    assertThat(facts.daysSinceDelivery()).isEqualTo(383);
    assertThat(facts.monthsSincePurchase()).isEqualTo(12);
    assertThat(facts.purchasePrice()).isEqualTo(45.5);
  }

  @Test
  void anOrderOfSeveralProductsNamesNoneByItself() {
    ServiceCase c = aCase(CustomerType.CONSUMER);
    SalesOrder order = order(null, null).addLine(KETTLE, 1, new BigDecimal("45.50")).addLine(PAN, 2, BigDecimal.TEN);
    c.linkPurchase(order, "AMZ-1", null, "KW-???", null, null);

    CaseFacts facts = CaseFacts.of(c, TODAY);

    assertThat(facts.fulfilment()).isNull();
    assertThat(facts.productSku()).isEqualTo("KW-???");
    assertThat(facts.productName()).isNull();
    assertThat(facts.warrantyMonths()).isNull();
    assertThat(facts.purchasePrice()).isNull();
    assertThat(facts.deliveryDate()).as("the purchase date when the delivery is unknown").isEqualTo("2025-02-10");
  }

  @Test
  void theNamedProductsPriceIsTakenFromItsOwnLine() {
    ServiceCase c = aCase(CustomerType.CONSUMER);
    SalesOrder order = order(Fulfilment.FBM, null).addLine(KETTLE, 1, new BigDecimal("45.50"))
        .addLine(PAN, 2, new BigDecimal("70.25"));
    c.linkPurchase(order, "AMZ-1", PAN, "KW-PAN-28", null, LocalDate.of(2026, 2, 20));

    CaseFacts facts = CaseFacts.of(c, TODAY);

    assertThat(facts.fulfilment()).isEqualTo("FBM");
    assertThat(facts.productSku()).isEqualTo("KW-PAN-28");
    assertThat(facts.purchasePrice()).isEqualTo(70.25);
    assertThat(facts.purchaseDate()).as("the date the customer gave wins").isEqualTo("2026-02-20");
    assertThat(facts.deliveryDate()).isEqualTo("2026-02-20");
    assertThat(facts.daysSinceDelivery()).isEqualTo(10);
    assertThat(facts.monthsSincePurchase()).isEqualTo(0);
  }

  @Test
  void aProductNotOnTheOrderHasNoPrice() {
    ServiceCase c = aCase(CustomerType.CONSUMER);
    c.linkPurchase(order(null, null).addLine(KETTLE, 1, BigDecimal.ONE), "AMZ-1", PAN, "KW-PAN-28", null, null);
    assertThat(CaseFacts.of(c, TODAY).purchasePrice()).isNull();
  }

  @Test
  void aProductWithoutOrderHasNoPriceButItsFacts() {
    ServiceCase c = aCase(CustomerType.CONSUMER);
    c.linkPurchase(null, null, PAN, "KW-PAN-28", null, LocalDate.of(2025, 3, 2));
    CaseFacts facts = CaseFacts.of(c, TODAY);
    assertThat(facts.productName()).isEqualTo("Pan 28");
    assertThat(facts.productCategory()).isEqualTo("COOKWARE");
    assertThat(facts.warrantyMonths()).isEqualTo(36);
    assertThat(facts.purchasePrice()).isNull();
    assertThat(facts.orderKnown()).isFalse();
    assertThat(facts.monthsSincePurchase()).isEqualTo(12);
    assertThat(facts.daysSinceDelivery()).isEqualTo(365);
  }

  @Test
  void monthsAreWholeMonths() {
    assertThat(CaseFacts.monthsSince(LocalDate.of(2025, 1, 15), LocalDate.of(2026, 1, 15))).isEqualTo(12);
    assertThat(CaseFacts.monthsSince(LocalDate.of(2025, 1, 15), LocalDate.of(2026, 1, 14))).isEqualTo(11);
    assertThat(CaseFacts.monthsSince(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28))).isEqualTo(0);
    assertThat(CaseFacts.monthsSince(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1))).isEqualTo(0);
  }

  @Test
  void everyFactIsAProcessVariable() {
    CaseFacts facts = new CaseFacts("AMAZON", "FBA", "Amazon.de", "CONSUMER", "Maria", true, "AMZ-1", "KW-KET-17",
        "Kettle", "KETTLE", 24, "2025-02-10", "2025-02-12", 383, 12, 45.5, "SN-1");
    Map<String, Object> expected = new HashMap<>();
    expected.put("salesChannel", "AMAZON");
    expected.put("fulfilment", "FBA");
    expected.put("retailerName", "Amazon.de");
    expected.put("customerType", "CONSUMER");
    expected.put("customerName", "Maria");
    expected.put("orderKnown", true);
    expected.put("orderNumber", "AMZ-1");
    expected.put("productSku", "KW-KET-17");
    expected.put("productName", "Kettle");
    expected.put("productCategory", "KETTLE");
    expected.put("warrantyMonths", 24);
    expected.put("purchaseDate", "2025-02-10");
    expected.put("deliveryDate", "2025-02-12");
    expected.put("daysSinceDelivery", 383);
    expected.put("monthsSincePurchase", 12);
    expected.put("purchasePrice", 45.5);
    expected.put("serialNumber", "SN-1");
    assertThat(facts.toVariables()).isEqualTo(expected);
    // The service case gets only what its decision and forms read.
    assertThat(facts.toCaseVariables()).containsOnlyKeys("salesChannel", "fulfilment", "customerType", "customerName",
        "orderKnown", "orderNumber", "productSku", "productCategory");
    // Those only the triage decision reads are transient: no variable row, no variable history.
    facts.toCaseVariables().forEach((name, value) -> {
      boolean decisionOnly =
          java.util.Set.of("fulfilment", "customerType", "productCategory", "orderKnown").contains(name);
      assertThat(value instanceof TypedValue typed && typed.isTransient()).as(name + " transient")
          .isEqualTo(decisionOnly);
      assertThat(value instanceof TypedValue typed ? typed.getValue() : value).as(name).isEqualTo(expected.get(name));
    });
  }
}
