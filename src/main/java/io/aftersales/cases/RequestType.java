package io.aftersales.cases;

/** What the customer wants; {@code null} on a case until the customer or triage says. */
public enum RequestType {
  RETURN, WARRANTY, SPARE_PART, INFORMATION
}
