package io.aftersales.returns;

import io.aftersales.mail.CustomerMailer;
import io.aftersales.shared.IsoDurations;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The texts customers (and retailers) receive during a return. Each says what happened, what it
 * means for them and what happens next. The mailer adds the case number and signature.
 */
final class ReturnMails {
  private ReturnMails() {}

  static String guidedToAmazon(ReturnAuthorization r) {
    String order = r.getOrderNumber() == null ? "your order" : "order " + r.getOrderNumber();
    return greeting(r) + "thank you for your message about " + product(r) + ".\n\n"
        + "This order was shipped by Amazon, so Amazon takes care of the return and the refund. This is the quickest way:\n"
        + "1. Sign in to your Amazon account and open \"Your Orders\".\n"
        + "2. Choose " + order + " and click \"Return or replace items\".\n"
        + "3. Select the item and the reason, then choose how to send it back. Amazon shows you the label or drop-off code.\n"
        + "4. Amazon refunds you once the item has reached its return centre.\n\n"
        + "We cannot create the return for you, but if anything goes wrong with it, just reply to this email and we will help.\n\n"
        + "If the product is faulty rather than unwanted, our warranty still applies: reply with a short description "
        + "and a photo of the fault, and we will take care of it directly.";
  }

  static String redirectedToRetailer(ReturnAuthorization r) {
    String shop = r.getRetailerName() == null ? "the shop where you bought it" : r.getRetailerName();
    return greeting(r) + "thank you for your message about " + product(r) + ".\n\n"
        + "You bought it at " + shop + ". Purchases from a shop are returned to that shop under its own return policy, "
        + "so please take the product back to " + shop + " together with your receipt. The shop decides on the refund "
        + "or exchange.\n\n"
        + "If the product is faulty, our manufacturer's warranty still applies wherever you bought it: reply to this "
        + "email with a photo of the receipt and a short description of the fault, and we will handle it directly.";
  }

  static String bulkPickupBooked(ReturnAuthorization r, String carrier, String trackingNumber, String pickupDate) {
    return greeting(r) + "we have booked the collection of your returned defective stock of " + product(r) + ".\n\n"
        + "Return authorisation (RMA): " + r.getRmaNumber() + " - please mark every box or pallet with it.\n"
        + "Carrier: " + carrier + "\n"
        + (pickupDate == null || pickupDate.isBlank() ? "" : "Collection date: " + pickupDate + "\n")
        + "Tracking number: " + trackingNumber + "\n\n"
        + "Please have the goods packed and ready for collection. Our warehouse checks every unit on arrival; "
        + "our finance team then issues a credit note for the defective units and we tell you the result.";
  }

  static String creditNoteIssued(ReturnAuthorization r) {
    return greeting(r) + "your returned stock (RMA " + r.getRmaNumber()
        + ") has arrived and our warehouse has checked it: "
        + r.getUnitsReceived() + " unit" + (r.getUnitsReceived() == 1 ? "" : "s") + " received, "
        + r.getUnitsDefective() + " of them defective.\n"
        + findings(r.getInspectionNotes())
        + "\nWe have issued credit note " + r.getCreditNoteNumber() + " over " + euros(r.getCreditNoteAmount())
        + ". Our finance team sends you the document separately; the amount is set off against your account.\n\n"
        + "Thank you for your cooperation. If any figure does not match your records, just reply to this email.";
  }

  static String question(ReturnAuthorization r, String question, String answerTimeout) {
    return greeting(r) + "thank you for your return request for " + product(r) + ". To process it we need a little "
        + "more information from you:\n\n" + question.trim() + "\n\n"
        + "Please simply reply to this email (keep the case number in the subject). We keep your return request open for "
        + IsoDurations.words(answerTimeout) + ".";
  }

  static String closedUnanswered(ReturnAuthorization r) {
    return greeting(r) + "we asked you for some information about your return request for " + product(r)
        + " but have not heard back from you, so we have closed the request for now.\n\n"
        + "If you still want to return the product, simply reply to this email with the information and we will "
        + "pick it up again straight away.";
  }

  static String refused(ReturnAuthorization r) {
    return greeting(r) + "thank you for your return request for " + product(r) + ". We have looked at it carefully "
        + "and unfortunately cannot accept the return:\n\n" + r.getRefusalReason().trim() + "\n\n"
        + "If the product is faulty, our warranty may still apply: reply to this email with a short description and "
        + "a photo of the fault, and we will check it for you.";
  }

  static String rmaInstructions(ReturnAuthorization r, String carrier, String trackingNumber, String labelUrl,
      String returnAddress, String shipmentTimeout) {
    String label = labelUrl == null || labelUrl.isBlank()
        ? "Your prepaid " + carrier + " return label has tracking number " + trackingNumber + ". " + carrier
            + " sends the label to you separately; at a " + carrier + " parcel shop you can also just quote the "
            + "tracking number."
        : "Your prepaid " + carrier + " return label (tracking number " + trackingNumber + "): " + labelUrl.trim()
            + " - print it, or show the code on that page at a " + carrier + " parcel shop.";
    return greeting(r) + "your return of " + product(r) + " is approved. Your return authorisation (RMA) number is "
        + r.getRmaNumber() + ".\n\n"
        + "How to send the item back:\n"
        + "1. Pack the product safely with all its parts and accessories, ideally in the original packaging.\n"
        + "2. Put a note with " + r.getRmaNumber() + " into the parcel and write the number on the outside.\n"
        + "3. " + label + "\n"
        + "4. Hand the parcel to " + carrier + " within " + IsoDurations.words(shipmentTimeout) + ". It goes to: "
        + returnAddress + ".\n"
        + ("AMAZON".equals(r.getSalesChannel())
            ? "\nYou also see the authorised return in your Amazon account under \"Your Orders\".\n"
            : "")
        + "\nAs soon as the parcel arrives we confirm it and check the item; then "
        + ("REPLACEMENT".equals(r.getCustomerWish()) ? "we send you the replacement." : "we refund you.");
  }

  static String expired(ReturnAuthorization r, String shipmentTimeout) {
    return greeting(r) + "we have not received your return parcel for " + r.getRmaNumber() + " within "
        + IsoDurations.words(shipmentTimeout) + ", so the return authorisation has expired.\n\n"
        + "If you have already sent the parcel, please reply to this email with the carrier's receipt and we will "
        + "trace it and continue your return.";
  }

  static String goodsReceived(ReturnAuthorization r, String inspectionOla) {
    return greeting(r) + "your returned " + product(r) + " (" + r.getRmaNumber() + ") has arrived in our warehouse.\n\n"
        + "We check it within " + IsoDurations.words(inspectionOla).replace("day", "working day")
        + " and then tell you the result right away "
        + "- for a refund, when the money is on its way; for a replacement, its tracking number.";
  }

  static String refundIssued(ReturnAuthorization r, BigDecimal amount, boolean replacementWasUnavailable) {
    StringBuilder text = new StringBuilder(greeting(r)).append("we have checked your returned ").append(product(r))
        .append(" (").append(r.getRmaNumber()).append(").\n\n");
    if (replacementWasUnavailable) {
      text.append(
          "Unfortunately the replacement is out of stock, so instead we have refunded the full purchase price: ")
          .append(euros(amount)).append(".\n");
    } else if ("PARTIAL_REFUND".equals(r.getOutcome())) {
      text.append("The item came back damaged, so we have refunded ").append(r.getRefundPercent())
          .append(" % of the purchase price: ").append(euros(amount)).append(".\n")
          .append(findings(r.getInspectionNotes()));
    } else {
      text.append("We have refunded the full purchase price: ").append(euros(amount)).append(".\n");
    }
    text.append("\n").append("AMAZON".equals(r.getSalesChannel())
        ? "The refund was issued through Amazon to the payment method of your order; Amazon shows it under \"Your Orders\". "
        : "The refund goes to the payment method of your order. ")
        .append("Depending on your bank it can take a few business days to show on your account.");
    return text.toString();
  }

  static String replacementShipped(ReturnAuthorization r, String carrier, String trackingNumber) {
    return greeting(r) + "your replacement " + product(r) + " is on its way.\n\n"
        + "Carrier: " + carrier + "\nTracking number: " + trackingNumber + "\n\n"
        + "Thank you for your patience. If anything is wrong with the new one, just reply to this email.";
  }

  static String returnRejected(ReturnAuthorization r, String carrier, String trackingNumber) {
    return greeting(r) + "we have checked your returned " + product(r) + " (" + r.getRmaNumber() + "). "
        + "Unfortunately it came back damaged, so we cannot accept it as a return for a replacement. "
        + "We have sent it back to you at our cost.\n" + findings(r.getInspectionNotes()) + "\n"
        + "Your parcel: " + carrier + ", tracking number " + trackingNumber + ".\n\n"
        + "If you believe the damage was there on delivery, or the product is faulty, please reply to this email "
        + "with photos and we will look at it again.";
  }

  private static String greeting(ReturnAuthorization r) {
    return CustomerMailer.greeting(r.getCustomerName()) + "\n\n";
  }

  private static String product(ReturnAuthorization r) {
    if (r.getProductName() != null) return r.getProductName();
    return r.getProductSku() != null ? "item " + r.getProductSku() : "item";
  }

  private static String findings(String notes) {
    return notes == null || notes.isBlank() ? "" : "What our warehouse found: " + notes.trim() + "\n";
  }

  static String euros(BigDecimal amount) {
    return amount == null ? "the amount shown in your account" : String.format(Locale.ROOT, "%.2f EUR", amount);
  }
}
