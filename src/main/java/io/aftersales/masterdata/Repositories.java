package io.aftersales.masterdata;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {
  @Query("select c from Customer c where lower(c.email) = lower(?1)")
  Optional<Customer> findByEmailIgnoreCase(String email);

  @Query("select c from Customer c where c.phone = ?1 and c.email is null")
  Optional<Customer> findPhoneOnly(String phone);

  @Query("select c from Customer c where c.phone = ?1 order by c.id")
  java.util.List<Customer> findByPhone(String phone);

  /** Registers a customer by address unless a concurrent or earlier contact already did (unique address). */
  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
  @Query(nativeQuery = true, value = """
      insert into aftersales.customer (name, email, phone, type, created_at) values (?1, ?2, ?3, 'CONSUMER', now())
      on conflict ((lower(email))) do nothing""")
  int insertIfAbsentByEmail(String name, String email, String phone);

  /** Registers a customer known only by phone unless one exists (unique phone among customers without email). */
  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
  @Query(nativeQuery = true, value = """
      insert into aftersales.customer (name, email, phone, type, created_at) values (?1, null, ?2, 'CONSUMER', now())
      on conflict (phone) where email is null do nothing""")
  int insertIfAbsentByPhoneOnly(String name, String phone);
}

interface ProductRepository extends JpaRepository<Product, Long> {}

interface SupplierRepository extends JpaRepository<Supplier, Long> {}

interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {}
