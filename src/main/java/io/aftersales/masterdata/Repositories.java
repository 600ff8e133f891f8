package io.aftersales.masterdata;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {
  @Query("select c from Customer c where lower(c.email) = lower(?1)")
  Optional<Customer> findByEmailIgnoreCase(String email);

  Optional<Customer> findFirstByPhoneOrderByIdAsc(String phone);
}

interface ProductRepository extends JpaRepository<Product, Long> {
  Optional<Product> findBySku(String sku);
}

interface SupplierRepository extends JpaRepository<Supplier, Long> {
  Optional<Supplier> findByName(String name);
}

interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {
  Optional<SalesOrder> findByOrderNumber(String orderNumber);
}
