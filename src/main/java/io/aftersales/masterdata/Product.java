package io.aftersales.masterdata;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import org.hibernate.annotations.NaturalId;

@Entity
public class Product {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @NaturalId
  private String sku;
  private String name;
  private String category;
  private int warrantyMonths;
  @ManyToOne(fetch = FetchType.LAZY)
  private Supplier supplier;
  private BigDecimal listPrice;

  protected Product() {}

  public Product(String sku, String name, String category, int warrantyMonths, Supplier supplier,
      BigDecimal listPrice) {
    this.sku = sku;
    this.name = name;
    this.category = category;
    this.warrantyMonths = warrantyMonths;
    this.supplier = supplier;
    this.listPrice = listPrice;
  }

  /** The category of products sold as spare parts (they ship as one; whole units are replacements). */
  public static final String SPARE_PART_CATEGORY = "SPARE_PART";

  public boolean isSparePart() { return SPARE_PART_CATEGORY.equals(category); }

  public Long getId() { return id; }
  public String getSku() { return sku; }
  public String getName() { return name; }
  public String getCategory() { return category; }
  public int getWarrantyMonths() { return warrantyMonths; }
  public Supplier getSupplier() { return supplier; }
  public BigDecimal getListPrice() { return listPrice; }
}
