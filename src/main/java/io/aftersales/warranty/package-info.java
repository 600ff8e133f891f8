/**
 * The warranty procedure. Processes: {@code processes/warranty/warranty-claim.bpmn} (key {@code warranty-claim},
 * called by service-case for WARRANTY cases) with the decision {@code processes/warranty/warranty-eligibility.dmn},
 * and {@code processes/warranty/supplier-claim.bpmn} (key {@code supplier-claim}, started by message
 * {@code SupplierClaimRaised} to recover the cost of defective units). Roles: {@code crm-frontend},
 * {@code team-lead}, {@code warehouse}, {@code logistics}, {@code supplier-management}, {@code finance}.
 * Forms: {@code forms/warranty/*.form}. SOPs: {@code sop/warranty/*.md}. State: {@link
 * io.aftersales.warranty.WarrantyClaim} (table {@code warranty_claim}). Timer durations:
 * {@code aftersales.warranty.reminder-after} (P5D), {@code abandon-after} (P14D), {@code assessment-ola} (P2D),
 * {@code settlement-overdue-after} (P30D).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warranty")
package io.aftersales.warranty;
