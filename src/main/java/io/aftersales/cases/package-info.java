/**
 * The service case: its record (number, channel, type, priority, status, customer, order, product,
 * message thread, timestamps) and the main process {@code processes/cases/service-case.bpmn}
 * (key {@code service-case}) that every contact runs through. Roles: {@code crm-frontend}.
 * Forms: {@code forms/cases/*.form}. SOPs: {@code sop/cases/*.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service cases")
package io.aftersales.cases;
