/**
 * Business time: opening hours, public holidays (jollyday) and closing days per place, and the {@code businessTime}
 * helper bean through which models count service levels in business hours and days.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business calendar")
package io.aftersales.calendar;
