package io.aftersales.returns;

import java.math.BigDecimal;

/** The facts a return is recorded with (ServiceTask_PrepareReturn), from the case's process variables. */
record ReturnRequest(
    Long caseId,
    String caseNumber,
    String processInstanceId,
    String customerName,
    String salesChannel,
    String fulfilment,
    String customerType,
    String retailerName,
    String orderNumber,
    String productSku,
    String productName,
    BigDecimal purchasePrice,
    Integer daysSinceDelivery) {}
