package io.aftersales.survey;

import io.aftersales.shared.IsoDurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.survey.*}: how long a survey link is valid, and how long a customer who got a survey gets no
 * other (ISO 8601, calendar time). A wrong value fails the start-up.
 */
@ConfigurationProperties("aftersales.survey")
record SurveySettings(@DefaultValue("P28D") String validFor, @DefaultValue("P30D") String quietPeriod) {
  SurveySettings {
    IsoDurations.checked("aftersales.survey.valid-for", validFor);
    IsoDurations.checked("aftersales.survey.quiet-period", quietPeriod);
  }
}
