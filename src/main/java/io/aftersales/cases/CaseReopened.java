package io.aftersales.cases;

import java.time.Instant;

/**
 * A customer's reply reopened a case that had closed within {@code aftersales.cases.reopen-within}. Published inside
 * the reopening transaction: the service levels run again, an open survey of the closing is void.
 */
public record CaseReopened(Long caseId, String caseNumber, Instant at) {}
