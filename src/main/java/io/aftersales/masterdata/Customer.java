package io.aftersales.masterdata;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class Customer {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String name;
  private String email;
  private String phone;
  @Enumerated(EnumType.STRING)
  private CustomerType type;
  private Instant createdAt;

  protected Customer() {}

  public Customer(String name, String email, String phone, CustomerType type) {
    this.name = name;
    this.email = MasterData.normalizeEmail(email);
    this.phone = MasterData.normalizePhone(phone);
    this.type = type;
    this.createdAt = Instant.now();
  }

  public Long getId() { return id; }
  public String getName() { return name; }
  public String getEmail() { return email; }
  public String getPhone() { return phone; }
  public CustomerType getType() { return type; }
  public Instant getCreatedAt() { return createdAt; }

  /** Fills in a name or phone number a later message revealed; an email address is never changed here. */
  void complete(String name, String phone) {
    if (this.name == null || this.name.isBlank()) this.name = name;
    if (this.phone == null) this.phone = phone;
  }
}
