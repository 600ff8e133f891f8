/**
 * Warehouse stock of products and spare parts: what is on hand, what is reserved for a case, and
 * every movement (reservation, pick, receipt, restock of a returned item, scrap).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stock")
package io.aftersales.stock;
