package io.aftersales.returns;

import io.aftersales.shared.IsoDurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.returns.*}: the return procedure's service levels and where customers send returns. The
 * durations (ISO 8601) become timer variables at the start of each return (ServiceTask_PrepareReturn), so a running
 * return keeps the values it started with; a wrong value fails the start-up, not a timer weeks later.
 */
@ConfigurationProperties("aftersales.returns")
record ReturnSettings(
    /** Return not decided within this (business time): a team lead expedites (Amazon FBM allows 2 business days). */
    @DefaultValue("P1D") String decisionOla,
    /** RMA issued but nothing arrived within this: the RMA expires. */
    @DefaultValue("P30D") String shipmentTimeout,
    /** OLA: the warehouse inspects a received return within this (business time of the warehouse). */
    @DefaultValue("P2D") String inspectionOla,
    /** Information asked from the customer did not come within this: the request closes. */
    @DefaultValue("P14D") String customerAnswerTimeout,
    @DefaultValue("Aftersales Returns Centre, Lagerstrasse 12, 50667 Cologne, Germany") String returnAddress) {

  ReturnSettings {
    IsoDurations.businessChecked("aftersales.returns.decision-ola", decisionOla);
    IsoDurations.checked("aftersales.returns.shipment-timeout", shipmentTimeout);
    IsoDurations.businessChecked("aftersales.returns.inspection-ola", inspectionOla);
    IsoDurations.checked("aftersales.returns.customer-answer-timeout", customerAnswerTimeout);
    if (returnAddress == null || returnAddress.isBlank()) {
      throw new IllegalArgumentException("aftersales.returns.return-address must be set");
    }
  }
}
