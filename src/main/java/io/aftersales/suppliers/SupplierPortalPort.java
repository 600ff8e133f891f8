package io.aftersales.suppliers;

/** A supplier's ordering or claims portal. Returns the id of the recorded request. */
public interface SupplierPortalPort {
  Long sendPurchaseOrder(PurchaseOrder order, String supplierName);

  Long fileClaim(SupplierClaim claim, String supplierName);
}
