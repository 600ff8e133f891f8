/**
 * Purchasing and supplier management: purchase orders for parts that are out of stock, and claims
 * against suppliers for defective units so the brand recovers its cost. Suppliers' portals are
 * reached through {@link io.aftersales.suppliers.SupplierPortalPort}; its built-in adapter records
 * the request for {@code purchasing} or {@code supplier-management}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Suppliers")
package io.aftersales.suppliers;
