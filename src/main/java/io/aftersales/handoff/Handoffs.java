package io.aftersales.handoff;

import io.aftersales.finance.Finance;
import io.aftersales.finance.Refund;
import io.aftersales.logistics.Logistics;
import io.aftersales.shared.TaskInputRefused;
import io.aftersales.shared.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations of outside-system-handoff: request the work in the outside system (through Logistics or Finance,
 * whose adapters record it for the person), check what the person entered, and confirm it, after which the
 * procedure records it and tells the customer.
 */
@Service
@Transactional
class Handoffs {
  /** Form fields hold at most this; the details shown in the task are cut to what a String variable stores. */
  static final int MAX_FIELD = 100;
  static final int MAX_URL = 1000;
  static final int MAX_DETAILS = 4000;

  private final Map<String, HandoffParty> parties;
  private final Logistics logistics;
  private final Finance finance;

  Handoffs(List<HandoffParty> parties, Logistics logistics, Finance finance) {
    this.parties = parties.stream().collect(Collectors.toMap(HandoffParty::procedure, Function.identity()));
    this.logistics = logistics;
    this.finance = finance;
  }

  /** What the forms show; {@code refundSystem} is null for shipments. */
  record Requested(Long recordId, String reference, String details, String refundSystem) {}

  /** ServiceTask_RequestHandoff. Idempotent: Logistics and Finance find the request of a retried job. */
  Requested request(String procedureKey, HandoffKind kind, String caseNumber, VariableScope procedure) {
    HandoffRequest request = party(procedureKey).describe(kind, procedure);
    if (request.reference() == null || request.reference().isBlank()) {
      throw new IllegalStateException(procedureKey + " gave no reference for its " + kind + " hand-off");
    }
    String details = Texts.cut(request.details(), MAX_DETAILS);
    if (kind.isShipment()) {
      Long id = logistics.request(kind.shipmentKind(), caseNumber, request.reference(), request.details()).getId();
      return new Requested(id, request.reference(), details, null);
    }
    if (request.amount() == null || request.amount().signum() <= 0) {
      throw new IllegalStateException("No amount to refund for case " + caseNumber + " (" + request.reference()
          + "): set it on the procedure's record, then retry");
    }
    BigDecimal amount = request.amount().setScale(2, RoundingMode.HALF_UP);
    boolean amazon = "AMAZON".equals(request.salesChannel());
    Refund refund = finance.requestRefund(caseNumber, request.reference(), amount,
        request.salesChannel() == null ? "ECOMMERCE" : request.salesChannel());
    return new Requested(refund.getId(), request.reference(),
        Texts.cut("Refund " + amount.toPlainString() + " EUR. " + (details == null ? "" : details), MAX_DETAILS),
        amazon ? "Amazon Seller Central" : "Shop back end");
  }

  /**
   * The complete listener of both tasks: what the form cannot say (a collection date for a pickup, not in the
   * past; a label link that is a web address) and what it says, again for the REST API.
   */
  HandedOff check(HandoffKind kind, Map<String, Object> values, LocalDate today) {
    if (!kind.isShipment()) {
      return new HandedOff(null, null, null, null, null, required(values, "paymentReference"), null);
    }
    String url = optional(values, "labelUrl", MAX_URL);
    if (url != null && !isWebAddress(url)) {
      throw new TaskInputRefused("labelUrl: enter the link as the carrier's portal shows it, starting with https://");
    }
    LocalDate collection = null;
    if (kind == HandoffKind.PICKUP) {
      String date = required(values, "collectionDate");
      try {
        collection = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
      } catch (DateTimeParseException e) {
        throw new TaskInputRefused("collectionDate: enter the day the carrier collects, e.g. 2026-12-08");
      }
      if (collection.isBefore(today)) {
        throw new TaskInputRefused("collectionDate: the collection cannot be in the past (" + collection + ")");
      }
    }
    return new HandedOff(null, required(values, "carrier"), required(values, "trackingNumber"), url, collection, null,
        null);
  }

  /** ServiceTask_ConfirmHandoff: closes the shipment or refund (and its outside-system request), then the party's turn. */
  void confirm(String procedureKey, HandoffKind kind, Long recordId, HandedOff done, VariableScope procedure,
      String stepId) {
    HandoffParty party = party(procedureKey);
    HandedOff confirmed;
    if (kind.isShipment()) {
      logistics.confirm(recordId, done.carrier(), done.trackingNumber());
      confirmed = new HandedOff(recordId, done.carrier(), done.trackingNumber(), done.labelUrl(), done.collectionDate(),
          null, null);
    } else {
      Refund refund = finance.confirmRefund(recordId, done.paymentReference());
      confirmed = new HandedOff(recordId, null, null, null, null, refund.getPaymentReference(), refund.getAmount());
    }
    party.handedOff(kind, procedure, confirmed, stepId);
  }

  private HandoffParty party(String procedureKey) {
    HandoffParty party = parties.get(procedureKey);
    if (party == null) {
      throw new IllegalStateException("No procedure hands off as " + procedureKey + "; known: " + parties.keySet());
    }
    return party;
  }

  private static String required(Map<String, Object> values, String field) {
    String value = optional(values, field, MAX_FIELD);
    if (value == null) throw new TaskInputRefused(field + ": required");
    return value;
  }

  private static String optional(Map<String, Object> values, String field, int max) {
    Object raw = values.get(field);
    if (raw == null) return null;
    String value = raw.toString().strip();
    if (value.isEmpty()) return null;
    if (value.length() > max) throw new TaskInputRefused(field + ": at most " + max + " characters");
    if (value.chars().anyMatch(c -> c < 0x20))
      throw new TaskInputRefused(field + ": one line without control characters");
    return value;
  }

  private static boolean isWebAddress(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
