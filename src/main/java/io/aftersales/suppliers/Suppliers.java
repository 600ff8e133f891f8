package io.aftersales.suppliers;

import io.aftersales.integration.ExternalRequests;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.masterdata.Supplier;
import io.aftersales.stock.Stock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: purchase orders and supplier claims, idempotent per case and SKU. */
@Service
@Transactional
public class Suppliers {
  private final PurchaseOrderRepository orders;
  private final SupplierClaimRepository claims;
  private final SupplierPortalPort portal;
  private final MasterData masterData;
  private final Stock stock;
  private final ExternalRequests requests;
  private final Clock clock;

  Suppliers(PurchaseOrderRepository orders, SupplierClaimRepository claims, SupplierPortalPort portal,
      MasterData masterData, Stock stock, ExternalRequests requests, Clock clock) {
    this.orders = orders;
    this.claims = claims;
    this.portal = portal;
    this.masterData = masterData;
    this.stock = stock;
    this.requests = requests;
    this.clock = clock;
  }

  /** Orders a part from the product's supplier for a case. */
  public PurchaseOrder orderFromSupplier(String caseNumber, String sku, int quantity) {
    return orders.findFirstByCaseNumberAndSku(caseNumber, sku).orElseGet(() -> {
      Supplier supplier = masterData.productBySku(sku).map(Product::getSupplier).orElse(null);
      String number =
          String.format("PO-%d-%06d", clock.instant().atZone(ZoneOffset.UTC).getYear(), orders.nextNumber());
      PurchaseOrder order = orders.save(new PurchaseOrder(number, caseNumber,
          supplier == null ? null : supplier.getId(), sku, quantity, clock.instant()));
      order.sentAs(portal.sendPurchaseOrder(order, supplier == null ? "(no supplier on file)" : supplier.getName()));
      return order;
    });
  }

  /** The ordered goods arrived: they go into stock and the order is closed. */
  public PurchaseOrder confirmDelivery(String purchaseOrderNumber) {
    PurchaseOrder order = orders.findByNumber(purchaseOrderNumber)
        .orElseThrow(() -> new IllegalArgumentException("No purchase order " + purchaseOrderNumber));
    if (order.getStatus() != PurchaseOrder.Status.DELIVERED) {
      order.delivered(clock.instant());
      stock.receive(order.getSku(), order.getQuantity(), order.getCaseNumber(), order.getNumber());
      if (order.getExternalRequestId() != null) requests.complete(order.getExternalRequestId(), "delivered");
    }
    return order;
  }

  /** Files a claim against the product's supplier for defective units. */
  public SupplierClaim fileClaim(String caseNumber, String sku, int quantity, String reason) {
    return claims.findFirstByCaseNumberAndSku(caseNumber, sku).orElseGet(() -> {
      Supplier supplier = masterData.productBySku(sku).map(Product::getSupplier).orElse(null);
      SupplierClaim claim = claims.save(new SupplierClaim(caseNumber, supplier == null ? null : supplier.getId(), sku,
          quantity, reason, clock.instant()));
      claim.filedAs(portal.fileClaim(claim, supplier == null ? "(no supplier on file)" : supplier.getName()));
      return claim;
    });
  }

  /** The supplier answered: the amount it credits us (zero = rejected). */
  public SupplierClaim settleClaim(Long claimId, BigDecimal amountRecovered) {
    SupplierClaim claim = claims.findById(claimId)
        .orElseThrow(() -> new IllegalArgumentException("No supplier claim " + claimId));
    if (claim.getStatus() == SupplierClaim.Status.FILED) {
      claim.settle(amountRecovered, clock.instant());
      if (claim.getExternalRequestId() != null) {
        requests.complete(claim.getExternalRequestId(), "recovered " + amountRecovered);
      }
    }
    return claim;
  }
}
