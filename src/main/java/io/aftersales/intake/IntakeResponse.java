package io.aftersales.intake;

/**
 * The answer to {@code POST /api/cases}.
 *
 * @param accessToken lets the customer read the case and reply without an account; shown once
 */
record IntakeResponse(String caseNumber, String accessToken, String statusUrl) {}
