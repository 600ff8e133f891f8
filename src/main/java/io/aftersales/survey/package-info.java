/**
 * The customer's voice after a case: the two-question satisfaction survey (by email with one-click score links, or on
 * the status page), its answers kept with the case, and service recovery ({@code processes/survey/service-recovery.bpmn})
 * for a low score or an unsolved problem.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Satisfaction survey")
package io.aftersales.survey;
