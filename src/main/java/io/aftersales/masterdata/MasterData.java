package io.aftersales.masterdata;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: look up and register customers, products, suppliers and orders. */
@Service
@Transactional
public class MasterData {
  private final CustomerRepository customers;
  private final ProductRepository products;
  private final SupplierRepository suppliers;
  private final SalesOrderRepository orders;

  MasterData(CustomerRepository customers, ProductRepository products, SupplierRepository suppliers,
      SalesOrderRepository orders) {
    this.customers = customers;
    this.products = products;
    this.suppliers = suppliers;
    this.orders = orders;
  }

  /**
   * The customer with this email (case-insensitive) or else this phone number; a new consumer if
   * neither is known. Contact details the existing record lacks are filled in.
   */
  public Customer findOrRegisterCustomer(String name, String email, String phone) {
    String normalizedEmail = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    String normalizedPhone = phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s()-]", "");
    Optional<Customer> known = Optional.empty();
    if (normalizedEmail != null) known = customers.findByEmailIgnoreCase(normalizedEmail);
    if (known.isEmpty() && normalizedPhone != null) known = customers.findFirstByPhoneOrderByIdAsc(normalizedPhone);
    if (known.isPresent()) {
      known.get().complete(name, normalizedEmail, normalizedPhone);
      return known.get();
    }
    return customers.save(new Customer(name, normalizedEmail, normalizedPhone, CustomerType.CONSUMER));
  }

  @Transactional(readOnly = true)
  public Optional<Customer> customer(Long id) { return customers.findById(id); }

  @Transactional(readOnly = true)
  public Optional<Product> productBySku(String sku) {
    return sku == null || sku.isBlank() ? Optional.empty() : products.findBySku(sku.trim());
  }

  @Transactional(readOnly = true)
  public Optional<SalesOrder> orderByNumber(String orderNumber) {
    return orderNumber == null || orderNumber.isBlank() ? Optional.empty() : orders.findByOrderNumber(orderNumber.trim());
  }

  public Customer saveCustomer(Customer customer) { return customers.save(customer); }

  public Supplier saveSupplier(Supplier supplier) { return suppliers.save(supplier); }

  public Product saveProduct(Product product) { return products.save(product); }

  public SalesOrder saveOrder(SalesOrder order) { return orders.save(order); }

  @Transactional(readOnly = true)
  public boolean isEmpty() { return products.count() == 0; }
}
