package io.aftersales.returns;

/** What ServiceTask_RequestBulkPickup hands to logistics' task. */
record BulkPickup(String rmaNumber, Long shipmentId) {}
