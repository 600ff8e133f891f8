package io.aftersales.returns;

/** The warehouse's findings on a consumer return (UserTask_InspectReturnedItem). */
record Inspection(String productSku, String itemCondition, String notes) {}
