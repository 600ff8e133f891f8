package io.aftersales.spareparts;

import io.aftersales.cases.CaseFacts;
import io.aftersales.finance.PaymentRequest;
import io.aftersales.mail.CustomerMailer;
import io.aftersales.shared.IsoDurations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The texts customers receive during a spare-part request, one per milestone. Each says what happened, what it
 * means for them and what happens next; {@link SparePartService} decides which is sent when and looks up the
 * customer's name, and the mailer adds the case number and signature.
 */
final class SparePartMails {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private SparePartMails() {}

  /** Milestone spare-part-closed (ServiceTask_CloseSparePartRequest): customer care's message, or our default. */
  static String closed(String customerName, String message) {
    return greeting(customerName) + (message == null || message.isBlank()
        ? "unfortunately we cannot offer a spare part for your product."
        : message.trim())
        + "\n\nIf you have any questions, just reply to this email.";
  }

  /** Milestone spare-part-quote (ServiceTask_SendQuote). */
  static String quote(String customerName, SparePartOrder order, String chargeNote, PaymentRequest request,
      CaseFacts facts, SparePartSettings settings) {
    return greeting(customerName)
        + "thank you for your patience. We have identified the part you need: " + line(order) + ".\n\n"
        + "Why there is a charge: " + sentence(chargeNote) + "\n"
        + "Price: " + money(order.getUnitPrice()) + " per piece, total " + money(request.getAmount())
        + " including VAT and shipping.\n"
        + soldDirectly(facts)
        + "\nHow to pay: " + settings.paymentInstructions() + "\n"
        + "Payment reference: " + request.getReference() + "\n"
        + "Please pay by " + date(order.getPaymentDueAt(), settings.timeZone()) + ".\n\n"
        + "As soon as your payment has arrived, we send the part to:\n" + order.getShippingAddress() + "\n"
        + "and email you the tracking number. If you no longer need the part, you don't have to do anything:"
        + " the quote simply expires.";
  }

  /** Milestone payment-reminder (ServiceTask_SendPaymentReminder). */
  static String paymentReminder(String customerName, SparePartOrder order, SparePartSettings settings) {
    return greeting(customerName)
        + "a friendly reminder: we have not yet received your payment of " + money(order.getAmount())
        + " for " + line(order) + ".\n\n"
        + "How to pay: " + settings.paymentInstructions() + "\n"
        + "Payment reference: " + order.getPaymentRequestReference() + "\n"
        + "Please pay by " + date(order.getPaymentDueAt(), settings.timeZone()) + "; after that the quote expires.\n\n"
        + "Already paid? Then thank you, and please ignore this reminder: bank transfers can take a few days to"
        + " reach us. If you no longer need the part, you don't have to do anything.";
  }

  /** Milestone quote-expired (ServiceTask_CancelQuote). */
  static String quoteExpired(String customerName, SparePartOrder order) {
    return greeting(customerName)
        + "we have not received your payment for " + line(order) + " (payment reference "
        + order.getPaymentRequestReference() + "), so the quote has now expired and we have closed your request.\n\n"
        + "Please do not pay this reference any more. If you still need the part, simply send us a new request"
        + " through our contact form or by email, and we will gladly quote it again.";
  }

  /** Milestone part-ordered (ServiceTask_OrderPartFromSupplier). */
  static String partOrdered(String customerName, SparePartOrder order, String supplierDeliveryOla) {
    return greeting(customerName)
        + paidOrFree(order)
        + "The part you need, " + line(order) + ", is not in our warehouse at the moment, so we have ordered it"
        + " from our supplier. We expect it within about " + IsoDurations.words(supplierDeliveryOla) + ".\n\n"
        + "As soon as it arrives we send it on to you and email you the tracking number. If the supplier is late,"
        + " we will let you know.";
  }

  /** Milestone delivery-update (ServiceTask_SendDeliveryUpdate): purchasing's new date, if it has one. */
  static String deliveryUpdate(String customerName, SparePartOrder order, String expectedDate) {
    String when = expectedDate == null || expectedDate.isBlank()
        ? "as soon as possible"
        : "by " + DATE.format(LocalDate.parse(expectedDate.substring(0, 10)));
    return greeting(customerName)
        + "we are sorry: our supplier is taking longer than expected to deliver " + line(order) + ".\n"
        + "We have chased the supplier, who now promises delivery " + when + ".\n\n"
        + "We send the part to you the moment it arrives, with the tracking number. Thank you for your patience.";
  }

  /** Milestone part-shipped (hand-off SPARE_PART). */
  static String partShipped(String customerName, SparePartOrder order, String carrier, String trackingNumber) {
    return greeting(customerName)
        + "good news: your spare part is on its way. " + paidOrFree(order) + "\n"
        + "Part: " + line(order) + "\n"
        + "Carrier: " + carrier + "\n"
        + "Tracking number: " + trackingNumber + "\n"
        + "Sent to:\n" + order.getShippingAddress() + "\n\n"
        + "It usually arrives within 2 to 4 working days. If the part does not fit or anything is missing,"
        + " just reply to this email.";
  }

  /** "2 x Blender jar 1.5 l (SP-JAR-900)": also the parcel's content for logistics, so both read the same. */
  static String line(SparePartOrder order) {
    return order.getQuantity() + " x " + order.getPartName() + " (" + order.getPartSku() + ")";
  }

  private static String greeting(String customerName) {
    return CustomerMailer.greeting(customerName) + "\n\n";
  }

  private static String paidOrFree(SparePartOrder order) {
    if (order.getPaymentReference() != null) {
      return "Thank you for your payment (reference " + order.getPaymentRequestReference() + "). ";
    }
    if (Boolean.TRUE.equals(order.getFree())) {
      return order.getChargeNote() != null && order.getChargeNote().startsWith("Goodwill")
          ? "As a goodwill gesture, the part is free of charge. "
          : "The part is free of charge under the warranty. ";
    }
    return "";
  }

  /** Spare parts are always sold by the brand directly, whatever the product was bought through. */
  private static String soldDirectly(CaseFacts facts) {
    if ("AMAZON".equals(facts.salesChannel())) {
      return "Spare parts are sold by us directly, not through Amazon, so please pay us as described below.\n";
    }
    if ("RETAILER".equals(facts.salesChannel())) {
      String shop = facts.retailerName() == null ? "the shop" : facts.retailerName();
      return "Spare parts are sold by us directly, not through " + shop + ", so please pay us as described below.\n";
    }
    return "";
  }

  private static String sentence(String note) {
    if (note == null || note.isBlank()) return "it is not covered by the warranty.";
    String s = note.trim();
    return s.endsWith(".") ? s : s + ".";
  }

  private static String money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " EUR";
  }

  private static String date(Instant instant, ZoneId zone) {
    return DATE.format(instant.atZone(zone));
  }
}
