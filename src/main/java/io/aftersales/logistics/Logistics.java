package io.aftersales.logistics;

import io.aftersales.integration.ExternalRequests;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: request a shipment (recorded and passed to the carrier) and confirm it. */
@Service
@Transactional
public class Logistics {
  private final ShipmentRepository shipments;
  private final CarrierPort carrier;
  private final ExternalRequests requests;
  private final Clock clock;

  Logistics(ShipmentRepository shipments, CarrierPort carrier, ExternalRequests requests, Clock clock) {
    this.shipments = shipments;
    this.carrier = carrier;
    this.requests = requests;
    this.clock = clock;
  }

  /** Idempotent per case, kind and reference (e.g. the RMA number): a retried job finds the first one. */
  public Shipment request(ShipmentKind kind, String caseNumber, String reference, String details) {
    return shipments.findByCaseNumberAndKindAndReference(caseNumber, kind, reference).orElseGet(() -> {
      Shipment shipment = shipments.save(new Shipment(caseNumber, kind, reference, details, clock.instant()));
      shipment.requestedAs(carrier.request(kind, caseNumber, reference, details));
      return shipment;
    });
  }

  /** Logistics booked it with the carrier: records carrier and tracking number, closes the request. */
  public Shipment confirm(Long shipmentId, String carrierName, String trackingNumber) {
    Shipment shipment = shipments.findById(shipmentId)
        .orElseThrow(() -> new IllegalArgumentException("No shipment " + shipmentId));
    shipment.confirm(carrierName, trackingNumber, clock.instant());
    if (shipment.getExternalRequestId() != null) {
      requests.complete(shipment.getExternalRequestId(), carrierName + " " + trackingNumber);
    }
    return shipment;
  }
}
