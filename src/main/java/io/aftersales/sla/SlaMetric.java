package io.aftersales.sla;

/** What a clock measures, in the words the team leads and the customer page use. */
enum SlaMetric {
  FIRST_REPLY("First reply"), NEXT_REPLY("Next reply"), RESOLUTION("Resolution"), OLA("Turnaround");

  private final String words;

  SlaMetric(String words) {
    this.words = words;
  }

  String words() {
    return words;
  }

  /** The facts of a case a policy is chosen by. */
  record CaseProfile(String priority, String sourceChannel, String salesChannel, String requestType) {}
}
