/**
 * Service levels: the customer's SLA clocks (first reply, next reply, resolution) chosen by policy, paused while the
 * case waits on the customer, with a warning and a breach that reach the team leads; the departments' OLA clocks per
 * back-office step, recorded so a report can say which department made a customer's target fail.
 * Timers run in {@code processes/sla/service-level-clock.bpmn}, escalations in {@code sla-escalation.bpmn}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service levels")
package io.aftersales.sla;
