package io.aftersales.masterdata;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.NaturalId;

@Entity
@Table(name = "sales_order")
public class SalesOrder {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @NaturalId
  private String orderNumber;
  @Enumerated(EnumType.STRING)
  private SalesChannel salesChannel;
  @Enumerated(EnumType.STRING)
  private Fulfilment fulfilment;
  private String retailerName;
  @ManyToOne(fetch = FetchType.LAZY)
  private Customer customer;
  private LocalDate purchaseDate;
  private LocalDate deliveryDate;
  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
  private List<OrderLine> lines = new ArrayList<>();

  protected SalesOrder() {}

  public SalesOrder(String orderNumber, SalesChannel salesChannel, Fulfilment fulfilment, String retailerName,
      Customer customer, LocalDate purchaseDate, LocalDate deliveryDate) {
    this.orderNumber = orderNumber;
    this.salesChannel = salesChannel;
    this.fulfilment = fulfilment;
    this.retailerName = retailerName;
    this.customer = customer;
    this.purchaseDate = purchaseDate;
    this.deliveryDate = deliveryDate;
  }

  public SalesOrder addLine(Product product, int quantity, BigDecimal unitPrice) {
    lines.add(new OrderLine(this, product, quantity, unitPrice));
    return this;
  }

  public Long getId() { return id; }
  public String getOrderNumber() { return orderNumber; }
  public SalesChannel getSalesChannel() { return salesChannel; }
  public Fulfilment getFulfilment() { return fulfilment; }
  public String getRetailerName() { return retailerName; }
  public Customer getCustomer() { return customer; }
  public LocalDate getPurchaseDate() { return purchaseDate; }
  public LocalDate getDeliveryDate() { return deliveryDate; }
  public List<OrderLine> getLines() { return lines; }
}
