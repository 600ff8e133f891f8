package io.aftersales.warranty;

import io.aftersales.shared.IsoDurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.warranty.*}: the service levels of warranty-claim and supplier-claim (ISO 8601). They become
 * timer variables when a claim starts, so a running claim keeps its values; a wrong value fails the start-up.
 */
@ConfigurationProperties("aftersales.warranty")
record WarrantySettings(
    /** No documents yet after this: the customer is reminded. */
    @DefaultValue("P5D") String reminderAfter,
    /** Counted from the reminder: the claim closes as abandoned. */
    @DefaultValue("P14D") String abandonAfter,
    /** OLA of the assessment: afterwards a team lead expedites it. */
    @DefaultValue("P2D") String assessmentOla,
    /** The supplier has not settled a claim after this: a team lead chases. */
    @DefaultValue("P30D") String settlementOverdueAfter) {

  WarrantySettings {
    IsoDurations.checked("aftersales.warranty.reminder-after", reminderAfter);
    IsoDurations.checked("aftersales.warranty.abandon-after", abandonAfter);
    IsoDurations.businessChecked("aftersales.warranty.assessment-ola", assessmentOla);
    IsoDurations.checked("aftersales.warranty.settlement-overdue-after", settlementOverdueAfter);
  }
}
