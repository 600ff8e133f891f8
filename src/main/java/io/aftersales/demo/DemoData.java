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

  private final IdentityService identity;
  private final MasterData masterData;
  private final Clock clock;
  private final String password;

  DemoData(IdentityService identity, MasterData masterData, Clock clock,
      @Value("${aftersales.demo.password}") String password) {
    this.identity = identity;
    this.masterData = masterData;
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
      log.info("Demo master data created");
    }
  }

  private void createMasterData() {
    LocalDate today = LocalDate.now(clock);
    Supplier cookware = masterData.saveSupplier(new Supplier("Ruhr Cookware GmbH", "claims@ruhr-cookware.example"));
    Supplier appliances = masterData.saveSupplier(new Supplier("Shenzhen Home Appliances Ltd.", "rma@sz-home.example"));
    Supplier textiles = masterData.saveSupplier(new Supplier("Porto Textiles Lda.", "quality@porto-textiles.example"));

    Product pan = masterData.saveProduct(new Product("KW-PAN-28", "Frying pan 28 cm, ceramic", "COOKWARE", 24, cookware));
    Product kettle = masterData.saveProduct(new Product("SA-KETTLE-17", "Electric kettle 1.7 l", "SMALL_APPLIANCE", 24, appliances));
    Product blender = masterData.saveProduct(new Product("SA-BLEND-900", "Blender 900 W", "SMALL_APPLIANCE", 36, appliances));
    Product towels = masterData.saveProduct(new Product("TX-TOWEL-SET", "Bath towel set (4)", "TEXTILE", 12, textiles));
    masterData.saveProduct(new Product("SP-LID-28", "Glass lid 28 cm (spare part)", "SPARE_PART", 6, cookware));
    masterData.saveProduct(new Product("SP-JAR-900", "Blender jar 1.5 l (spare part)", "SPARE_PART", 6, appliances));

    Customer maria = masterData.saveCustomer(new Customer("Maria Rossi", "maria.rossi@example.com", "+49 170 1111111", CustomerType.CONSUMER));
    Customer jonas = masterData.saveCustomer(new Customer("Jonas Weber", "jonas.weber@example.com", "+49 170 2222222", CustomerType.CONSUMER));
    Customer li = masterData.saveCustomer(new Customer("Li Chen", "li.chen@example.com", null, CustomerType.CONSUMER));
    Customer cafe = masterData.saveCustomer(new Customer("Café Central GmbH", "einkauf@cafe-central.example", null, CustomerType.BUSINESS));

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
