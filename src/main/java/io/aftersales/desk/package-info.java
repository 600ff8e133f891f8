/**
 * The staff desk: the case at a glance ({@code /case.html}, also the "Case" tab of every task in Tasklist) and the
 * one-step search by case, RMA, order, tracking number or customer. Staff see the cases their groups may work on or
 * have worked on; team leads and auditors all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff desk")
package io.aftersales.desk;
