package io.aftersales.handoff;

import io.aftersales.logistics.ShipmentKind;

/**
 * What a procedure hands off, one value per thing a person books by hand. A call activity names it in its
 * input {@code handoffKind}; it decides who does it (the form, the group) and how it is recorded.
 */
public enum HandoffKind {
  /** Prepaid label for the customer to send an item to us (return, defective unit for repair). */
  RETURN_LABEL,
  /** Collection of defective stock at a retailer (bulk return); needs the collection date. */
  PICKUP,
  /** A new unit instead of the returned or defective one. */
  REPLACEMENT,
  /** A spare part to the customer (sold, or free under the warranty). */
  SPARE_PART,
  /** A refused return back to the customer. */
  SEND_BACK,
  /** A defective unit to the supplier's repair service. */
  TO_SUPPLIER,
  /** A repaired unit back to the customer. */
  REPAIRED_UNIT,
  /** Money back to the customer, in the shop back end or (Amazon orders) in Seller Central. */
  REFUND;

  /** A shipment logistics books with a carrier; otherwise a refund finance issues. */
  public boolean isShipment() {
    return this != REFUND;
  }

  /** The shipment's kind: the same name (one name per kind, from the model to the shipment record). */
  ShipmentKind shipmentKind() {
    return ShipmentKind.valueOf(name());
  }

  /** The kind a call activity names; an unknown name is a modelling error (incident), not a silent default. */
  static HandoffKind named(String name) {
    if (name == null) throw new IllegalStateException("The call activity gives no handoffKind");
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Unknown handoffKind " + name + "; one of " + java.util.Arrays.toString(values()));
    }
  }
}
