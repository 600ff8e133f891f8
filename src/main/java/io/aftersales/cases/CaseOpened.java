package io.aftersales.cases;

/**
 * A case was opened ({@code StartEvent_CaseOpened}). Published inside the opening transaction, so what a
 * listener writes (the acknowledgement in the outbox) commits or rolls back with the case.
 */
public record CaseOpened(Long caseId, String caseNumber) {}
