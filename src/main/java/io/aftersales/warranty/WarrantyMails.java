package io.aftersales.warranty;

import io.aftersales.mail.CustomerMailer;
import io.aftersales.shared.IsoDurations;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The texts customers receive during a warranty claim, one per milestone. Each says what happened, what it means
 * for them and what happens next; {@link WarrantyService} decides which is sent when, and the mailer adds the case
 * number and signature.
 */
final class WarrantyMails {
  private WarrantyMails() {}

  /** Milestone warranty-documents-requested (ServiceTask_RequestMissingDocuments). */
  static String documentsRequested(ClaimFacts facts, String missingDocuments) {
    return greeting(facts)
        + "thank you for your warranty claim for " + facts.product() + ". Before we can check it, we need a little "
        + "more from you:\n\n" + documentList(facts, missingDocuments) + "\n"
        + "Simply reply to this email and attach them (photos from your phone are fine), keeping the case number in "
        + "the subject. As soon as they are here, we check your claim and tell you how we will fix the problem.";
  }

  /** Milestone warranty-documents-reminder (ServiceTask_SendDocumentsReminder). */
  static String documentsReminder(ClaimFacts facts, String missingDocuments, String abandonAfter) {
    return greeting(facts)
        + "a few days ago we asked you for a few documents so we can check your warranty claim for "
        + facts.product() + ". We have not received them yet:\n\n" + documentList(facts, missingDocuments) + "\n"
        + "Just reply to this email with them attached. If we do not hear from you within "
        + IsoDurations.words(abandonAfter)
        + ", we will close the claim for now; you can reopen it at any time by sending the documents.";
  }

  /** Milestone warranty-claim-closed (ServiceTask_CloseAbandonedClaim). */
  static String claimClosed(ClaimFacts facts, String missingDocuments) {
    return greeting(facts)
        + "as we have not received the documents we need for your warranty claim for " + facts.product()
        + ", we have closed the claim for now.\n\n"
        + "Nothing is lost: reply to this email at any time with "
        + (missingDocuments == null ? "the proof of purchase" : missingDocuments)
        + " and photos of the defect, and we will pick your claim up again right away.";
  }

  /** Milestone warranty-claim-rejected (ServiceTask_SendClaimRejection) when the warranty period has ended. */
  static String warrantyExpired(ClaimFacts facts, String eligibilityNote) {
    String when = facts.purchaseDate() == null
        ? ""
        : "You bought " + facts.product() + " on "
            + facts.purchaseDate() + (facts.monthsSincePurchase() == null
                ? ""
                : ", " + facts.monthsSincePurchase()
                    + " months ago")
            + ". ";
    return rejected(facts, "we have checked your warranty claim. " + when
        + (eligibilityNote == null ? "" : eligibilityNote + " ")
        + "Unfortunately that period has ended, so we cannot repair or replace it free of charge.");
  }

  /** Milestone warranty-claim-rejected (ServiceTask_SendClaimRejection) when the defect is not a warranty case. */
  static String defectNotCovered(ClaimFacts facts, String rejectionReason) {
    return rejected(facts, "our team has assessed the defect of " + facts.product() + ": " + rejectionReason.trim()
        + (rejectionReason.trim().endsWith(".") ? "" : ".")
        + " This is not covered by the warranty, so we cannot repair or replace it free of charge.");
  }

  /** Milestone warranty-goods-ordered (ServiceTask_ReserveWarrantyGoods, nothing in stock). */
  static String goodsOrdered(ClaimFacts facts, boolean sparePart) {
    return greeting(facts)
        + "we will send you " + (sparePart ? "the spare part" : "a new unit") + " for "
        + facts.product() + " free of charge under the warranty. It is not in our warehouse at the moment, so we have"
        + " ordered it from our supplier; as soon as it arrives we send it on and email you the tracking number.";
  }

  /** Milestone warranty-part-shipped (hand-off SPARE_PART). */
  static String partShipped(ClaimFacts facts, String part, String carrier, String trackingNumber) {
    return greeting(facts)
        + "good news: we have sent you " + part + " for " + facts.product() + " free of charge under"
        + " the warranty.\n\nCarrier: " + carrier + "\nTracking number: " + trackingNumber + "\n\n"
        + "Fitting it takes only a few minutes: compare it with the old part, follow the enclosed instructions and,"
        + " for electrical appliances, always unplug the appliance first. If the part does not fit or the problem"
        + " remains, just reply to this email.";
  }

  /** Milestone warranty-replacement-shipped (hand-off REPLACEMENT). */
  static String replacementShipped(ClaimFacts facts, String carrier, String trackingNumber) {
    return greeting(facts)
        + "a brand-new replacement for " + facts.product() + " is on its way to you, free of charge under the "
        + "warranty.\n\nCarrier: " + carrier + "\nTracking number: " + trackingNumber + "\n\n"
        + "Please keep the defective unit for 30 days: our supplier may want to examine it, and we would then send"
        + " you a prepaid label. If you have any question, just reply to this email.";
  }

  /** Milestone warranty-return-label (hand-off RETURN_LABEL): how to send the unit in for repair. */
  static String returnLabel(ClaimFacts facts, String carrier, String trackingNumber, String labelUrl) {
    return greeting(facts)
        + "we will repair " + facts.product() + " under the warranty. To do so we need it here:\n\n"
        + "1. " + (labelUrl != null
            ? "Print the prepaid return label: " + labelUrl
            : "You will receive the prepaid return label from " + carrier + " in a separate email.")
        + "\n"
        + "2. Pack the product safely (the original box is ideal) with a note of your case number.\n"
        + "3. Drop the parcel at any " + carrier + " point. Tracking number: " + trackingNumber + "\n\n"
        + "Please do not include accessories we do not need for the repair. We will tell you as soon as it is "
        + "repaired and on its way back.";
  }

  /** Milestone warranty-unit-at-supplier (hand-off TO_SUPPLIER). */
  static String unitAtSupplier(ClaimFacts facts) {
    return greeting(facts)
        + "your " + (facts.productName() == null ? "product" : facts.productName()) + " has arrived and we have"
        + " sent it to the manufacturer's repair service, who can fix this kind of defect best. Such repairs usually"
        + " take two to three weeks.\n\nWe will email you the tracking number as soon as it is on its way back to"
        + " you.";
  }

  /** Milestone warranty-repaired-unit-shipped (hand-off REPAIRED_UNIT). */
  static String repairedUnitShipped(ClaimFacts facts, String carrier, String trackingNumber) {
    String product = facts.product();
    return greeting(facts)
        + product.substring(0, 1).toUpperCase() + product.substring(1)
        + " has been repaired and tested, and is on its way back to you, free of charge.\n\n"
        + "Carrier: " + carrier + "\nTracking number: " + trackingNumber + "\n\n"
        + "If anything is still not right, just reply to this email.";
  }

  /** Milestone warranty-refund-issued (hand-off REFUND). */
  static String refundIssued(ClaimFacts facts, BigDecimal amount, String paymentReference) {
    String where = "AMAZON".equals(facts.salesChannel())
        ? "Amazon refunds it to the payment method of your order; you can see it in your Amazon order overview."
        : "It goes back to your original payment method (or the bank account you gave us) and usually arrives "
            + "within 3 to 5 business days.";
    return greeting(facts)
        + "as we can no longer replace " + facts.product() + ", we have refunded the purchase price of "
        + amount.setScale(2, RoundingMode.HALF_UP) + " EUR under the warranty (reference "
        + paymentReference + ").\n\n" + where + "\n\nWe are sorry for the trouble. If you have any"
        + " question, just reply to this email.";
  }

  /** Either rejection ends with what we can still offer, and how to have it looked at again. */
  private static String rejected(ClaimFacts facts, String reason) {
    return greeting(facts) + reason
        + "\n\nWe would still like to help: we can repair it for you at cost, or send you a spare part if only one "
        + "part is affected. Reply to this email and tell us which you prefer, and we will send you a quote. If you "
        + "think we have misjudged your claim, reply as well and a colleague will look at it again.";
  }

  private static String greeting(ClaimFacts facts) {
    return CustomerMailer.greeting(facts.customerName()) + "\n\n";
  }

  /** What the customer is asked to send: the missing document, photos, and the serial number unless we have it. */
  private static String documentList(ClaimFacts facts, String missingDocuments) {
    StringBuilder list = new StringBuilder();
    if (missingDocuments != null && !missingDocuments.isBlank()) {
      list.append("- ").append(missingDocuments).append('\n');
    }
    list.append("- two or three photos that show the defect\n");
    if (facts.serialNumber() == null || facts.serialNumber().isBlank()) {
      list.append("- the serial number from the type plate, if your product has one\n");
    }
    return list.toString();
  }
}
