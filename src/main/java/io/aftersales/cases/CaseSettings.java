package io.aftersales.cases;

import io.aftersales.shared.IsoDurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.cases.*}: a customer's reply within {@code reopen-within} (ISO 8601, calendar time) after a case
 * closed reopens it; a later reply opens a new case linked to it. A wrong value fails the start-up.
 */
@ConfigurationProperties("aftersales.cases")
public record CaseSettings(@DefaultValue("P14D") String reopenWithin) {
  public CaseSettings {
    IsoDurations.checked("aftersales.cases.reopen-within", reopenWithin);
  }
}
