package io.aftersales.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftersales.logistics.ShipmentKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One name per kind: every hand-off that ships is a shipment kind of the same name, and back. */
class HandoffKindTest {
  @Test
  void everyShipmentKindIsAHandoffKindOfTheSameName() {
    assertThat(Arrays.stream(HandoffKind.values()).filter(HandoffKind::isShipment).map(HandoffKind::shipmentKind))
        .containsExactlyInAnyOrder(ShipmentKind.values());
  }

  @Test
  void aCallActivityMustNameAKnownKind() {
    assertThat(HandoffKind.named("TO_SUPPLIER")).isEqualTo(HandoffKind.TO_SUPPLIER);
    assertThatThrownBy(() -> HandoffKind.named(null)).hasMessageContaining("no handoffKind");
    assertThatThrownBy(() -> HandoffKind.named("to_supplier")).hasMessageContaining("Unknown handoffKind to_supplier");
  }
}
