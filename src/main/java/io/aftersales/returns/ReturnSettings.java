package io.aftersales.returns;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
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
    this.decisionOla = checked("aftersales.returns.decision-ola", decisionOla);
    this.shipmentTimeout = checked("aftersales.returns.shipment-timeout", shipmentTimeout);
    this.inspectionOla = checked("aftersales.returns.inspection-ola", inspectionOla);
    this.customerAnswerTimeout = checked("aftersales.returns.customer-answer-timeout", customerAnswerTimeout);
    this.returnAddress = returnAddress;
  }

  ReturnTimers timers() {
    return new ReturnTimers(decisionOla, shipmentTimeout, inspectionOla, customerAnswerTimeout);
  }

  String returnAddress() {
    return returnAddress;
  }

  /** An ISO 8601 duration as Camunda timers take it, e.g. PT24H, P2D, P30D. */
  static String checked(String property, String value) {
    if (value == null || !value.matches("P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?")) {
      throw new IllegalArgumentException(property + " must be an ISO 8601 duration such as PT24H or P30D, not " + value);
    }
    return value;
  }

  /** "30 days", "24 hours" - for mails and notes; the raw value if it is not a plain day or hour count. */
  static String describe(String isoDuration) {
    try {
      Period period = Period.parse(isoDuration);
      if (period.getYears() == 0 && period.getMonths() == 0) return plural(period.getDays(), "day");
    } catch (DateTimeParseException notAPeriod) {
      // hours, minutes: a Duration
    }
    try {
      Duration duration = Duration.parse(isoDuration);
      if (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
        return duration.toHours() % 24 == 0 ? plural(duration.toDays(), "day") : plural(duration.toHours(), "hour");
      }
    } catch (DateTimeParseException notADuration) {
      // fall through
    }
    return isoDuration;
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
