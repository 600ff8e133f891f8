package io.aftersales.cases;

/**
 * Where a case stands, in the customer's words, and what we expect from them, if anything. A model marks the
 * elements where a case waits or is worked on with the extension property {@code customerStage} (Camunda Modeler:
 * Extension properties), so a process owner moves a stage with the model. Listed in order of precedence: when a case
 * stands at several elements at once, the first of them here is shown (what the customer must do comes first).
 */
public enum CaseStage {
  WAITING_FOR_ANSWER("We are waiting for your answer",
      "We asked you a question about your request.",
      "Please answer our question (by email or on this page)."), WAITING_FOR_DOCUMENTS(
          "We are waiting for your receipt",
          "To check the warranty we need your proof of purchase (receipt or invoice) and, if possible, photos.",
          "Please send your receipt or invoice (attach it on this page or reply to our email)."), AWAITING_PAYMENT(
              "Your quote awaits payment",
              "We sent you a quote for the part.",
              "Please pay the quote as described in our email."), WAITING_FOR_PARCEL("We are waiting for your parcel",
                  "Your return or pick-up is arranged.",
                  "Please hand over the parcel with the label and RMA number we sent you."), ON_ITS_WAY(
                      "Your parcel is on its way", "We have shipped your parcel.", null), SHIPPING(
                          "We are preparing your parcel", "Your part or replacement is being packed and shipped.",
                          null), PREPARING_LABEL("We are arranging the shipment",
                              "We are booking your return label or pick-up.",
                              null), ORDERED_FROM_SUPPLIER("We ordered it from our supplier",
                                  "The part or replacement is not in stock; we ordered it and tell you when it ships.",
                                  null), INSPECTING("We are inspecting your return",
                                      "Your parcel has arrived and our warehouse is checking it.",
                                      null), REPAIRING("Your product is being repaired", "Your unit is being repaired.",
                                          null), REFUNDING("We are refunding you", "Your refund is being issued.",
                                              null), REVIEWING("We are reviewing your request",
                                                  "A colleague is deciding on your request.",
                                                  null), RECEIVED("We have your request",
                                                      "We have received your request and will answer soon.",
                                                      null), IN_PROGRESS("We are working on your request",
                                                          "Your request is being handled.", null), CLOSED("Closed",
                                                              "Your case is closed. If you need more help, please open a new request.",
                                                              null);

  /** The extension property that marks a model element with its stage. */
  public static final String PROPERTY = "customerStage";

  private final String title;
  private final String text;
  private final String expectation;

  CaseStage(String title, String text, String expectation) {
    this.title = title;
    this.text = text;
    this.expectation = expectation;
  }

  public String title() {
    return title;
  }

  public String text() {
    return text;
  }

  /** What the customer should do now, or null when we are the ones working. */
  public String expectation() {
    return expectation;
  }
}
