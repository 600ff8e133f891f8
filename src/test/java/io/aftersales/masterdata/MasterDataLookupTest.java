package io.aftersales.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** Look-ups by SKU and order number, registration, and the master data entities themselves. */
class MasterDataLookupTest {
  private final CustomerRepository customers = mock(CustomerRepository.class);
  private final ProductRepository products = mock(ProductRepository.class);
  private final SupplierRepository suppliers = mock(SupplierRepository.class);
  private final SalesOrderRepository orders = mock(SalesOrderRepository.class);
  private final Session session = mock(Session.class, RETURNS_DEEP_STUBS);
  private final EntityManager entityManager = mock(EntityManager.class);
  private final MasterData masterData = new MasterData(customers, products, suppliers, orders, entityManager);

  {
    when(entityManager.unwrap(Session.class)).thenReturn(session);
  }

  private static final Supplier SUPPLIER = new Supplier("Kettle Works", "claims@kettleworks.example");
  private static final Product KETTLE = new Product("KW-KET-17", "Kettle", "KETTLE", 24, SUPPLIER,
      new BigDecimal("49.90"));

  @Test
  void aProductIsFoundByItsTrimmedSku() {
    when(session.bySimpleNaturalId(Product.class).loadOptional(any())).thenReturn(Optional.empty());
    when(session.bySimpleNaturalId(Product.class).loadOptional("KW-KET-17")).thenReturn(Optional.of(KETTLE));
    assertThat(masterData.productBySku("  KW-KET-17 ")).containsSame(KETTLE);
    assertThat(masterData.productBySku("KW-NONE")).isEmpty();
  }

  @Test
  void noSkuFindsNoProductWithoutAsking() {
    assertThat(masterData.productBySku(null)).isEmpty();
    assertThat(masterData.productBySku(" ")).isEmpty();
    verify(entityManager, never()).unwrap(any());
  }

  @Test
  void anOrderIsFoundByItsTrimmedNumber() {
    SalesOrder order = new SalesOrder("WEB-1001", SalesChannel.ECOMMERCE, null, null, null, LocalDate.of(2025, 11, 3),
        null);
    when(session.bySimpleNaturalId(SalesOrder.class).loadOptional(any())).thenReturn(Optional.empty());
    when(session.bySimpleNaturalId(SalesOrder.class).loadOptional("WEB-1001")).thenReturn(Optional.of(order));
    assertThat(masterData.orderByNumber("\tWEB-1001 ")).containsSame(order);
    assertThat(masterData.orderByNumber("WEB-9")).isEmpty();
  }

  @Test
  void noOrderNumberFindsNoOrderWithoutAsking() {
    assertThat(masterData.orderByNumber(null)).isEmpty();
    assertThat(masterData.orderByNumber("")).isEmpty();
    verify(entityManager, never()).unwrap(any());
  }

  @Test
  void registeringReturnsWhatTheRepositoryStored() {
    Customer maria = new Customer("Maria", "maria@example.com", null, CustomerType.CONSUMER);
    SalesOrder order = new SalesOrder("WEB-1", SalesChannel.ECOMMERCE, null, null, maria, null, null);
    Customer storedCustomer = new Customer("Maria", "maria@example.com", null, CustomerType.CONSUMER);
    Supplier storedSupplier = new Supplier("S", "s@x");
    Product storedProduct = new Product("P", "P", "C", 12, null, BigDecimal.ONE);
    SalesOrder storedOrder = new SalesOrder("WEB-1", SalesChannel.ECOMMERCE, null, null, maria, null, null);
    when(customers.save(maria)).thenReturn(storedCustomer);
    when(suppliers.save(SUPPLIER)).thenReturn(storedSupplier);
    when(products.save(KETTLE)).thenReturn(storedProduct);
    when(orders.save(order)).thenReturn(storedOrder);
    assertThat(masterData.saveCustomer(maria)).isSameAs(storedCustomer);
    assertThat(masterData.saveSupplier(SUPPLIER)).isSameAs(storedSupplier);
    assertThat(masterData.saveProduct(KETTLE)).isSameAs(storedProduct);
    assertThat(masterData.saveOrder(order)).isSameAs(storedOrder);
  }

  @Test
  void masterDataIsEmptyWithoutProducts() {
    when(products.count()).thenReturn(0L);
    assertThat(masterData.isEmpty()).isTrue();
    when(products.count()).thenReturn(1L);
    assertThat(masterData.isEmpty()).isFalse();
  }

  @Test
  void aCustomerKnownByPhoneOnlyIsNotToldThatThePhoneDiffers() {
    Customer paul = new Customer("Paul", null, "+491701111111", CustomerType.CONSUMER);
    ReflectionTestUtils.setField(paul, "id", 2L);
    when(customers.findPhoneOnly("+491702222222")).thenReturn(Optional.of(paul));
    assertThat(masterData.matchCustomer("Paul", null, "+491702222222").contactNote()).isNull();
  }

  @Test
  void aCustomerWithoutPhoneOnFileIsNotToldThatThePhoneDiffers() {
    Customer maria = new Customer("Maria", "maria@example.com", null, CustomerType.CONSUMER);
    ReflectionTestUtils.setField(maria, "id", 1L);
    when(customers.findByEmailIgnoreCase("maria@example.com")).thenReturn(Optional.of(maria));
    assertThat(masterData.matchCustomer("Maria", "maria@example.com", "+491702222222").contactNote()).isNull();
    assertThat(maria.getPhone()).as("filled in").isEqualTo("+491702222222");
  }

  @Test
  void onlyTheFirstOtherCustomerWithThePhoneIsNamedAfterTheDifferingPhone() {
    Customer maria = new Customer("Maria", "maria@example.com", "+491701111111", CustomerType.CONSUMER);
    ReflectionTestUtils.setField(maria, "id", 1L);
    Customer paul = new Customer(null, null, "+491702222222", CustomerType.CONSUMER);
    ReflectionTestUtils.setField(paul, "id", 7L);
    Customer lena = new Customer("Lena", "lena@example.com", "+491702222222", CustomerType.CONSUMER);
    ReflectionTestUtils.setField(lena, "id", 8L);
    when(customers.findByEmailIgnoreCase("maria@example.com")).thenReturn(Optional.of(maria));
    when(customers.findByPhone("+491702222222")).thenReturn(List.of(paul, lena));

    assertThat(masterData.matchCustomer("Maria", "maria@example.com", "+491702222222").contactNote()).isEqualTo(
        "Phone +491702222222 differs from the one on file (+491701111111). Phone +491702222222 is also on file for"
            + " customer (customer #7), not linked: confirm who wrote before sharing details of that customer's orders.");
  }

  // --- the entities ---

  @Test
  void aProductKnowsWhetherItIsASparePart() {
    assertThat(KETTLE.isSparePart()).isFalse();
    Product seal = new Product("KW-SEAL", "Seal", Product.SPARE_PART_CATEGORY, 6, SUPPLIER, new BigDecimal("4.90"));
    assertThat(seal.isSparePart()).isTrue();
    assertThat(new Product("X", "X", null, 0, null, null).isSparePart()).isFalse();
    assertThat(seal.getSku()).isEqualTo("KW-SEAL");
    assertThat(seal.getName()).isEqualTo("Seal");
    assertThat(seal.getCategory()).isEqualTo("SPARE_PART");
    assertThat(seal.getWarrantyMonths()).isEqualTo(6);
    assertThat(seal.getSupplier()).isSameAs(SUPPLIER);
    assertThat(seal.getListPrice()).isEqualByComparingTo("4.90");
    assertThat(seal.getId()).isNull();
    ReflectionTestUtils.setField(seal, "id", 3L);
    assertThat(seal.getId()).isEqualTo(3L);
  }

  @Test
  void anOrderHoldsItsChannelDatesAndLines() {
    Customer maria = new Customer("Maria", "maria@example.com", null, CustomerType.CONSUMER);
    SalesOrder order = new SalesOrder("AMZ-1", SalesChannel.AMAZON, Fulfilment.FBM, "Amazon.de", maria,
        LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 5));
    assertThat(order.addLine(KETTLE, 2, new BigDecimal("44.00"))).isSameAs(order);
    assertThat(order.getOrderNumber()).isEqualTo("AMZ-1");
    assertThat(order.getSalesChannel()).isEqualTo(SalesChannel.AMAZON);
    assertThat(order.getFulfilment()).isEqualTo(Fulfilment.FBM);
    assertThat(order.getRetailerName()).isEqualTo("Amazon.de");
    assertThat(order.getCustomer()).isSameAs(maria);
    assertThat(order.getPurchaseDate()).isEqualTo(LocalDate.of(2025, 11, 3));
    assertThat(order.getDeliveryDate()).isEqualTo(LocalDate.of(2025, 11, 5));
    assertThat(order.getLines()).singleElement().satisfies(line -> {
      assertThat(line.getProduct()).isSameAs(KETTLE);
      assertThat(line.getQuantity()).isEqualTo(2);
      assertThat(line.getUnitPrice()).isEqualByComparingTo("44.00");
      assertThat(line.getId()).isNull();
    });
    ReflectionTestUtils.setField(order, "id", 4L);
    assertThat(order.getId()).isEqualTo(4L);
  }

  @Test
  void aSupplierAndACustomerKeepWhatTheyWereGiven() {
    assertThat(SUPPLIER.getName()).isEqualTo("Kettle Works");
    assertThat(SUPPLIER.getEmail()).isEqualTo("claims@kettleworks.example");
    Customer c = new Customer("Maria", null, null, CustomerType.BUSINESS);
    assertThat(c.getType()).isEqualTo(CustomerType.BUSINESS);
    assertThat(c.getName()).isEqualTo("Maria");
    assertThat(c.getCreatedAt()).isNotNull();
  }
}
