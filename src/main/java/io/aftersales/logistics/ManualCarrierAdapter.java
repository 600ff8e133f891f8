package io.aftersales.logistics;

import io.aftersales.integration.ExternalRequests;
import io.aftersales.integration.ExternalSystem;
import org.springframework.stereotype.Component;

/**
 * Built-in carrier adapter: no carrier API is connected, so the request is recorded for the
 * {@code logistics} group, who book it in the carrier's portal by hand (the next user task).
 */
@Component
record ManualCarrierAdapter(ExternalRequests requests) implements CarrierPort {
  @Override
  public Long request(ShipmentKind kind, String caseNumber, String reference, String details) {
    return requests.record(ExternalSystem.CARRIER, kind.name(), caseNumber, reference, details, "logistics").getId();
  }
}
