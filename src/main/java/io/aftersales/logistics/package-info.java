/**
 * Shipments for after-sales: return labels, pickups, replacement and spare-part shipments, send-backs.
 * The carrier is reached through {@link io.aftersales.logistics.CarrierPort}; its built-in adapter
 * ({@code ManualCarrierAdapter}) records the request for the {@code logistics} group, who book it in
 * the carrier's portal and enter the tracking number in Tasklist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Logistics")
package io.aftersales.logistics;
