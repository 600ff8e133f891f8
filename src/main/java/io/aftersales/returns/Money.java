package io.aftersales.returns;

import java.math.BigDecimal;

/** Amounts travel as Double process variables (forms may submit whole numbers as Long); the service uses BigDecimal. */
final class Money {
  private Money() {}

  static BigDecimal of(Number value) {
    return value == null ? null : new BigDecimal(value.toString());
  }

  static Double toVariable(BigDecimal amount) {
    return amount == null ? null : amount.doubleValue();
  }
}
