package io.aftersales.cases;

/**
 * A case was closed ({@code ServiceTask_CloseCase}). Published inside the closing transaction, so what a listener
 * writes (the satisfaction survey and its mail in the outbox) commits or rolls back with the closing.
 *
 * @param business whether the customer is a business partner (a retailer), not a consumer
 */
public record CaseClosed(Long caseId, String caseNumber, Long customerId, String customerEmail, boolean business) {}
