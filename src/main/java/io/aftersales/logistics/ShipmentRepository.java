package io.aftersales.logistics;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShipmentRepository extends JpaRepository<Shipment, Long> {
  Optional<Shipment> findByCaseNumberAndKindAndReference(String caseNumber, ShipmentKind kind, String reference);
}
