package io.aftersales.logistics;

public enum ShipmentKind {
  /** Prepaid label for the customer to send an item back to us. */
  RETURN_LABEL,
  /** Collection at a retailer (bulk return of defective stock). */
  PICKUP, REPLACEMENT, SPARE_PART,
  /** A refused return sent back to the customer. */
  SEND_BACK,
  /** A unit sent to or from a supplier or repair partner. */
  REPAIR
}
