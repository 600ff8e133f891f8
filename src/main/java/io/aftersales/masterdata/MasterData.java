package io.aftersales.masterdata;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.Session;
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
  private final EntityManager entityManager;

  MasterData(CustomerRepository customers, ProductRepository products, SupplierRepository suppliers,
      SalesOrderRepository orders, EntityManager entityManager) {
    this.customers = customers;
    this.products = products;
    this.suppliers = suppliers;
    this.orders = orders;
    this.entityManager = entityManager;
  }

  /** The customer a contact belongs to, and what the agent should check about the contact details. */
  public record CustomerMatch(Customer customer, String contactNote) {}

  /**
   * The customer who wrote. An email address identifies a customer on its own: a different address is
   * a different customer, whatever phone number comes with it, so one person's case and mail never go
   * to another. Without an email, a (normalised) phone number matches only a customer known by that
   * phone alone. A phone that is also on file for someone else is not merged but noted for the agent.
   * Parallel first contacts from one new address register one customer (insert-if-absent on the
   * unique address), and all of them succeed.
   */
  public CustomerMatch matchCustomer(String givenName, String email, String phone) {
    String name = io.aftersales.shared.Texts.shorten(io.aftersales.shared.Texts.storable(givenName), 200);
    String address = normalizeEmail(email);
    String number = normalizePhone(phone);
    Customer customer;
    if (address != null) {
      customers.insertIfAbsentByEmail(name, address, number);
      customer = customers.findByEmailIgnoreCase(address).orElseThrow();
    } else if (number != null) {
      customers.insertIfAbsentByPhoneOnly(name, number);
      customer = customers.findPhoneOnly(number).orElseThrow();
    } else {
      throw new IllegalArgumentException("A customer needs an email address or a phone number");
    }
    String note = contactNote(customer, number);
    customer.complete(name, number);
    return new CustomerMatch(customer, note);
  }

  private String contactNote(Customer customer, String number) {
    if (number == null) return null;
    List<String> notes = new ArrayList<>();
    if (customer.getEmail() != null && customer.getPhone() != null && !customer.getPhone().equals(number)) {
      notes.add("Phone " + number + " differs from the one on file (" + customer.getPhone() + ").");
    }
    for (Customer other : customers.findByPhone(number)) {
      if (other.getId().equals(customer.getId())) continue;
      notes.add("Phone " + number + " is also on file for " + describe(other) + ", not linked: confirm who wrote "
          + "before sharing details of that customer's orders.");
      break;
    }
    return notes.isEmpty() ? null : String.join(" ", notes);
  }

  private static String describe(Customer c) {
    String who = c.getName() != null && !c.getName().isBlank() ? c.getName() : "customer";
    return who + (c.getEmail() != null ? " <" + c.getEmail() + ">" : "") + " (customer #" + c.getId() + ")";
  }

  static String normalizeEmail(String email) {
    return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  /** Digits with an optional leading '+'; null when fewer than 5 digits remain (e.g. a phone of "()- "). */
  public static String normalizePhone(String phone) {
    if (phone == null) return null;
    String trimmed = phone.strip();
    String digits = trimmed.replaceAll("\\D", "");
    if (digits.length() < 5) return null;
    return (trimmed.startsWith("+") ? "+" : "") + digits;
  }

  @Transactional(readOnly = true)
  public Optional<Product> productBySku(String sku) {
    return sku == null || sku.isBlank() ? Optional.empty() : byNaturalId(Product.class, sku.trim());
  }

  @Transactional(readOnly = true)
  public Optional<SalesOrder> orderByNumber(String orderNumber) {
    return orderNumber == null || orderNumber.isBlank()
        ? Optional.empty()
        : byNaturalId(SalesOrder.class, orderNumber.trim());
  }

  /**
   * By SKU or order number: Hibernate's natural-id loader runs prepared SQL, where a query is translated anew on
   * each call (a fifth of the CPU of opening a case, JFR profile of the intake benchmark).
   */
  private <T> Optional<T> byNaturalId(Class<T> type, String naturalId) {
    return entityManager.unwrap(Session.class).bySimpleNaturalId(type).loadOptional(naturalId);
  }

  public Customer saveCustomer(Customer customer) {
    return customers.save(customer);
  }

  public Supplier saveSupplier(Supplier supplier) {
    return suppliers.save(supplier);
  }

  public Product saveProduct(Product product) {
    return products.save(product);
  }

  public SalesOrder saveOrder(SalesOrder order) {
    return orders.save(order);
  }

  @Transactional(readOnly = true)
  public boolean isEmpty() { return products.count() == 0; }
}
