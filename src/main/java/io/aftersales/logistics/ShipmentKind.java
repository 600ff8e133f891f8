package io.aftersales.logistics;

/** What a shipment is for; the same names as the outside-system hand-off's kinds that ship something. */
public enum ShipmentKind {
  /** Prepaid label for the customer to send an item back to us. */
  RETURN_LABEL,
  /** Collection at a retailer (bulk return of defective stock). */
  PICKUP, REPLACEMENT, SPARE_PART,
  /** A refused return sent back to the customer. */
  SEND_BACK,
  /** A defective unit to the supplier's repair service. */
  TO_SUPPLIER,
  /** A repaired unit back to the customer. */
  REPAIRED_UNIT
}
