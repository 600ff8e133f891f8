package io.aftersales.logistics;

/** The carrier (parcel service). Returns the id of the recorded external request. */
public interface CarrierPort {
  Long request(ShipmentKind kind, String caseNumber, String reference, String details);
}
