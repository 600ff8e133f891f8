package io.aftersales.suppliers;

import io.aftersales.integration.ExternalRequests;
import io.aftersales.integration.ExternalSystem;
import org.springframework.stereotype.Component;

/**
 * Built-in supplier adapter: no supplier portal is connected, so purchase orders are recorded for
 * {@code purchasing} and claims for {@code supplier-management}, who place them by hand.
 */
@Component
record ManualSupplierPortalAdapter(ExternalRequests requests) implements SupplierPortalPort {
  @Override
  public Long sendPurchaseOrder(PurchaseOrder order, String supplierName) {
    return requests.record(ExternalSystem.SUPPLIER_PORTAL, "PURCHASE_ORDER", order.getCaseNumber(), order.getNumber(),
        "Order " + order.getQuantity() + " x " + order.getSku() + " from " + supplierName, "purchasing").getId();
  }

  @Override
  public Long fileClaim(SupplierClaim claim, String supplierName) {
    return requests.record(ExternalSystem.SUPPLIER_PORTAL, "SUPPLIER_CLAIM", claim.getCaseNumber(),
        "CLAIM-" + claim.getId(), "Claim " + claim.getQuantity() + " x " + claim.getSku() + " against " + supplierName
            + ": " + claim.getReason(),
        "supplier-management").getId();
  }
}
