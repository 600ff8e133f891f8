package io.aftersales.cases;

import java.time.Instant;

/** The customer wrote again to an open (or just reopened) case. Published inside the transaction that records it. */
public record CustomerWrote(Long caseId, Instant at) {}
