package io.aftersales.cases;

/**
 * A case as its opener needs to report it.
 *
 * @param accessToken the customer's secret for the status page; only its hash is stored, so it is
 *     known once, here
 */
public record OpenedCase(Long caseId, String caseNumber, String accessToken) {}
