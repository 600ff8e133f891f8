package io.aftersales.demo;

import io.aftersales.masterdata.Customer;
import io.aftersales.masterdata.CustomerType;
import io.aftersales.masterdata.Fulfilment;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.masterdata.SalesChannel;
import io.aftersales.masterdata.SalesOrder;
import io.aftersales.masterdata.Supplier;
import io.aftersales.security.Groups;
import io.aftersales.stock.Stock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users (one or two per role, password from {@code aftersales.demo.password}) and master
 * data: suppliers, products with warranty periods, customers and orders from every sales channel,
 * dated relative to today so return windows and warranties are in a realistic state.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "aftersales.demo.data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  record DemoUser(String id, String firstName, String lastName, String group) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("anna", "Anna", "Agent", Groups.CRM_FRONTEND),
      new DemoUser("chris", "Chris", "Agent", Groups.CRM_FRONTEND),
      new DemoUser("tara", "Tara", "Lead", Groups.TEAM_LEAD),
      new DemoUser("walter", "Walter", "Warehouse", Groups.WAREHOUSE),
      new DemoUser("lisa", "Lisa", "Logistics", Groups.LOGISTICS),
      new DemoUser("simon", "Simon", "Supplier", Groups.SUPPLIER_MANAGEMENT),
      new DemoUser("paula", "Paula", "Purchasing", Groups.PURCHASING),
      new DemoUser("finn", "Finn", "Finance", Groups.FINANCE),
      new DemoUser("otto", "Otto", "Owner", Groups.PROCESS_OWNER),
      new DemoUser("audrey", "Audrey", "Auditor", Groups.AUDITOR));

  private static final BigDecimal PRICE_KW_PAN_28 = new BigDecimal("49.90");
  private static final BigDecimal PRICE_SA_KETTLE_17 = new BigDecimal("39.90");
  private static final BigDecimal PRICE_SA_BLEND_900 = new BigDecimal("89.00");
  private static final BigDecimal PRICE_TX_TOWEL_SET = new BigDecimal("29.95");
  private static final BigDecimal PRICE_SP_LID_28 = new BigDecimal("12.50");
  private static final BigDecimal PRICE_SP_JAR_900 = new BigDecimal("24.90");

  private final IdentityService identity;
  private final MasterData masterData;
  private final Stock stock;
  private final Clock clock;
  private final String password;

  DemoData(IdentityService identity, MasterData masterData, Stock stock, Clock clock,
      @Value("${aftersales.demo.password}") String password) {
    this.identity = identity;
    this.masterData = masterData;
    this.stock = stock;
    this.clock = clock;
    this.password = password;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@aftersales.local");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(demo.id(), demo.group());
      }
    }
    if (masterData.isEmpty()) {
      createMasterData();
      createStock();
      log.info("Demo master data created");
    }
  }

  private void createStock() {
    // Spare jar out of stock on purpose: a request for it goes through a purchase order.
    stock.set("KW-PAN-28", 40);
    stock.set("SA-KETTLE-17", 25);
    stock.set("SA-BLEND-900", 10);
    stock.set("TX-TOWEL-SET", 60);
    stock.set("SP-LID-28", 15);
    stock.set("SP-JAR-900", 0);
  }

  private void createMasterData() {
    LocalDate today = LocalDate.now(clock);
    Supplier cookware = masterData.saveSupplier(new Supplier("Ruhr Cookware GmbH", "claims@ruhr-cookware.example"));
    Supplier appliances = masterData.saveSupplier(new Supplier("Shenzhen Home Appliances Ltd.", "rma@sz-home.example"));
    Supplier textiles = masterData.saveSupplier(new Supplier("Porto Textiles Lda.", "quality@porto-textiles.example"));

    Product pan = masterData
        .saveProduct(new Product("KW-PAN-28", "Frying pan 28 cm, ceramic", "COOKWARE", 24, cookware, PRICE_KW_PAN_28));
    Product kettle = masterData.saveProduct(
        new Product("SA-KETTLE-17", "Electric kettle 1.7 l", "SMALL_APPLIANCE", 24, appliances, PRICE_SA_KETTLE_17));
    Product blender = masterData.saveProduct(
        new Product("SA-BLEND-900", "Blender 900 W", "SMALL_APPLIANCE", 36, appliances, PRICE_SA_BLEND_900));
    Product towels = masterData
        .saveProduct(new Product("TX-TOWEL-SET", "Bath towel set (4)", "TEXTILE", 12, textiles, PRICE_TX_TOWEL_SET));
    masterData.saveProduct(
        new Product("SP-LID-28", "Glass lid 28 cm (spare part)", "SPARE_PART", 6, cookware, PRICE_SP_LID_28));
    masterData.saveProduct(
        new Product("SP-JAR-900", "Blender jar 1.5 l (spare part)", "SPARE_PART", 6, appliances, PRICE_SP_JAR_900));

    Customer maria = masterData
        .saveCustomer(new Customer("Maria Rossi", "maria.rossi@example.com", "+49 170 1111111", CustomerType.CONSUMER));
    Customer jonas = masterData
        .saveCustomer(new Customer("Jonas Weber", "jonas.weber@example.com", "+49 170 2222222", CustomerType.CONSUMER));
    Customer li = masterData.saveCustomer(new Customer("Li Chen", "li.chen@example.com", null, CustomerType.CONSUMER));
    Customer cafe = masterData
        .saveCustomer(new Customer("Café Central GmbH", "einkauf@cafe-central.example", null, CustomerType.BUSINESS));

    masterData.saveOrder(new SalesOrder("EC-100001", SalesChannel.ECOMMERCE, null, null, maria,
        today.minusDays(9), today.minusDays(6)).addLine(pan, 1, new BigDecimal("49.90")));
    masterData.saveOrder(new SalesOrder("EC-100002", SalesChannel.ECOMMERCE, null, null, jonas,
        today.minusMonths(14), today.minusMonths(14).plusDays(2)).addLine(kettle, 1, new BigDecimal("39.90")));
    masterData.saveOrder(new SalesOrder("302-1234567-7654321", SalesChannel.AMAZON, Fulfilment.FBA, null, li,
        today.minusDays(12), today.minusDays(10)).addLine(blender, 1, new BigDecimal("89.00")));
    masterData.saveOrder(new SalesOrder("305-7654321-1234567", SalesChannel.AMAZON, Fulfilment.FBM, null, maria,
        today.minusDays(5), today.minusDays(3)).addLine(towels, 2, new BigDecimal("29.95")));
    masterData.saveOrder(new SalesOrder("RT-KAUFHOF-55012", SalesChannel.RETAILER, null, "Kaufhaus Demo, Cologne",
        jonas, today.minusMonths(8), today.minusMonths(8)).addLine(blender, 1, new BigDecimal("99.00")));
    masterData.saveOrder(new SalesOrder("EC-090017", SalesChannel.ECOMMERCE, null, null, cafe,
        today.minusMonths(30), today.minusMonths(30).plusDays(3)).addLine(kettle, 6, new BigDecimal("35.00")));
  }
}
