/**
 * Recurring problems: when cases of one product and request type pass a threshold within a window (decision
 * {@code recurring-problem}, per product category), one quality investigation opens for supplier management and the
 * process owners ({@code processes/quality/quality-investigation.bpmn}), they are alerted by mail, and later cases join
 * it instead of raising new alerts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recurring problems")
package io.aftersales.quality;
