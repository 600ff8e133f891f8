package io.aftersales.returns;

import io.aftersales.shared.IsoDurations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Configuration of the return procedure ({@code aftersales.returns.*}). The durations become timer
 * variables at the start of each return (ServiceTask_PrepareReturn), so a running return keeps the
 * values it started with; a wrong value fails the start-up, not a timer weeks later.
 */
@Component
class ReturnSettings {
  private final String decisionOla;
  private final String shipmentTimeout;
  private final String inspectionOla;
  private final String customerAnswerTimeout;
  private final String returnAddress;

  ReturnSettings(
      @Value("${aftersales.returns.decision-ola:PT24H}") String decisionOla,
      @Value("${aftersales.returns.shipment-timeout:P30D}") String shipmentTimeout,
      @Value("${aftersales.returns.inspection-ola:P2D}") String inspectionOla,
      @Value("${aftersales.returns.customer-answer-timeout:P14D}") String customerAnswerTimeout,
      @Value("${aftersales.returns.return-address:Aftersales Returns Centre, Lagerstrasse 12, 50667 Cologne, Germany}")
      String returnAddress) {
    this.decisionOla = IsoDurations.checked("aftersales.returns.decision-ola", decisionOla);
    this.shipmentTimeout = IsoDurations.checked("aftersales.returns.shipment-timeout", shipmentTimeout);
    this.inspectionOla = IsoDurations.checked("aftersales.returns.inspection-ola", inspectionOla);
    this.customerAnswerTimeout = IsoDurations.checked("aftersales.returns.customer-answer-timeout", customerAnswerTimeout);
    this.returnAddress = returnAddress;
  }

  ReturnTimers timers() {
    return new ReturnTimers(decisionOla, shipmentTimeout, inspectionOla, customerAnswerTimeout);
  }

  String returnAddress() {
    return returnAddress;
  }
}
