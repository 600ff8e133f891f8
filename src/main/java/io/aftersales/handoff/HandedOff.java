package io.aftersales.handoff;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the person booked, as confirmed in the hand-off's task.
 *
 * @param recordId the shipment's or refund's id (Logistics, Finance)
 * @param carrier and {@code trackingNumber}: shipments
 * @param labelUrl link to the label or QR code, if the carrier portal gave one (return labels)
 * @param collectionDate the agreed collection day (pickups)
 * @param paymentReference and {@code amount}: refunds
 */
public record HandedOff(Long recordId, String carrier, String trackingNumber, String labelUrl, LocalDate collectionDate,
    String paymentReference, BigDecimal amount) {}
