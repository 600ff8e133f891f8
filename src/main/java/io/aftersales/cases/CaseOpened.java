package io.aftersales.cases;

/**
 * A case was opened ({@code StartEvent_CaseOpened}). Published inside the opening transaction, so what a
 * listener writes (the acknowledgement in the outbox) commits or rolls back with the case.
 *
 * @param statusUrl the customer's personal link to the case page; it holds the access token, which is stored
 *     nowhere else, so it lives in memory only
 */
public record CaseOpened(Long caseId, String caseNumber, String statusUrl) {
  @Override
  public String toString() {
    return "CaseOpened[caseId=" + caseId + ", caseNumber=" + caseNumber + "]"; // never the token in a log
  }
}
