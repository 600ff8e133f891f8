package io.aftersales.cases;

/** The status a customer sees on the case status page. */
public enum CaseStatus {
  /** Opened, acknowledged or about to be; no human has answered yet. */
  NEW,
  /** A human answered; the case is being worked. */
  IN_PROGRESS, CLOSED
}
