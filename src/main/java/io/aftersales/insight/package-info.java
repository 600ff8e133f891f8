/**
 * Insight for team leads: the KPIs of a period (filterable, business and calendar time) as JSON, CSV and the
 * dashboard page, and the backlog of unanswered or overdue cases, oldest first. A read model over the case records,
 * the service-level clocks, the surveys and the engine's history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package io.aftersales.insight;
