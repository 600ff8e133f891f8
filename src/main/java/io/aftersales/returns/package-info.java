/**
 * Returns: a customer sends a product back (withdrawal or dissatisfaction), or a retailer returns
 * defective stock in bulk. Process {@code processes/returns/return-handling.bpmn} (key
 * {@code return-handling}, called by service-case with the case number as business key), decisions
 * {@code processes/returns/return-window.dmn} and {@code return-outcome.dmn}. Roles (lanes):
 * {@code crm-frontend}, {@code team-lead}, {@code warehouse}, {@code logistics}, {@code finance}.
 * Forms: {@code forms/returns/*.form}. SOPs: {@code sop/returns/*.md}, overview
 * {@code sop/returns/return-handling.md}.
 *
 * <p>{@link io.aftersales.returns.ReturnAuthorization} is the RMA record; {@code ReturnService} holds
 * every operation of the model and composes the customer mails ({@code ReturnMails}); the delegates
 * are thin. Carrier, shop and Seller Central are reached only through Logistics and Finance, whose
 * manual adapters hand the work to the responsible group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Returns")
package io.aftersales.returns;
