package io.aftersales.returns;

/** The warehouse's count of a retailer's bulk return (UserTask_InspectBulkReturn). */
record BulkInspection(String productSku, Integer unitsReceived, Integer unitsDefective, String notes) {}
