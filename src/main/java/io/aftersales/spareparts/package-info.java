/**
 * Spare-part requests: process {@code processes/spareparts/spare-part-request.bpmn} (key
 * {@code spare-part-request}) with its decision {@code processes/spareparts/spare-part-charge.dmn}
 * (free under warranty or charged). Roles: {@code crm-frontend} (identify the part), {@code team-lead}
 * (goodwill), {@code finance} (payments, confirmed through {@code POST /api/payments/{reference}/confirmation}),
 * {@code warehouse} (pick, receive supplier deliveries), {@code purchasing} (chase suppliers),
 * {@code logistics} (ship). Forms: {@code forms/spareparts/*.form}. SOPs: {@code sop/spareparts/*.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Spare parts")
package io.aftersales.spareparts;
