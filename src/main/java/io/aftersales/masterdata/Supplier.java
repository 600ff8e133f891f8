package io.aftersales.masterdata;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Supplier {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String name;
  private String email;

  protected Supplier() {}

  public Supplier(String name, String email) {
    this.name = name;
    this.email = email;
  }

  public Long getId() { return id; }
  public String getName() { return name; }
  public String getEmail() { return email; }
}
