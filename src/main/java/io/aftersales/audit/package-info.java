/**
 * The auditor's trail: any case, open or closed, found by case number, customer or the days it was opened, with
 * everything that happened to it in time order, as JSON, CSV and a printable page ({@code /audit.html}). Read-only;
 * only auditors and team leads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package io.aftersales.audit;
