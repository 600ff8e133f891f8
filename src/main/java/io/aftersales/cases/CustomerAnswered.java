package io.aftersales.cases;

import java.time.Instant;

/**
 * A person answered the customer (first answer, reply or closing answer; never the automatic acknowledgement or a
 * procedure's notice). Published inside the transaction that records the message.
 */
public record CustomerAnswered(Long caseId, Instant at) {}
