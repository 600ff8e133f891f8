/**
 * Hand-offs to outside systems: "an outside system must do X, a person does it there by hand, the customer is
 * told". One called model, {@code processes/handoff/outside-system-handoff.bpmn} (key
 * {@code outside-system-handoff}), serves every procedure: {@code logistics} books shipments in the carrier's
 * portal ({@code forms/handoff/book-shipment.form}, {@code sop/handoff/book-shipment.md}), {@code finance}
 * issues refunds in the shop back end or Seller Central ({@code forms/handoff/issue-refund.form},
 * {@code sop/handoff/issue-refund.md}).
 *
 * <p>A procedure calls it with a {@link io.aftersales.handoff.HandoffKind} and implements
 * {@link io.aftersales.handoff.HandoffParty}: what exactly to request, and what to record and tell the
 * customer once it is done. The outside system is reached through Logistics and Finance, whose built-in
 * adapters record the request (visible in the outside-system list while the person works).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hand-off")
package io.aftersales.handoff;
