package io.aftersales.insight;

import io.aftersales.shared.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A period (days {@code from} to {@code to}, both included, in the default business calendar's zone) and the filters
 * of a KPI request. A wrong value is a 400 naming its parameter.
 */
record KpiQuery(LocalDate from, LocalDate to, ZoneId zone, String salesChannel, String sourceChannel,
    String requestType, String procedure, String priority, String product) {

  static final Set<String> SALES_CHANNELS = Set.of("ECOMMERCE", "AMAZON", "RETAILER");
  static final Set<String> SOURCE_CHANNELS = Set.of("EMAIL", "WEB_FORM", "CHAT", "CHATBOT", "WHATSAPP",
      "SOCIAL_MEDIA");
  static final Set<String> REQUEST_TYPES = Set.of("RETURN", "WARRANTY", "SPARE_PART", "INFORMATION");
  static final Set<String> PROCEDURES = Set.of("return-handling", "warranty-claim", "spare-part-request", "none");
  static final Set<String> PRIORITIES = Set.of("LOW", "NORMAL", "HIGH", "URGENT");
  /** A period longer than this is refused (one request must stay fast). */
  static final int MAX_DAYS = 366;

  static KpiQuery parse(Map<String, String> params, LocalDate today, ZoneId zone) {
    LocalDate to = date("to", params.get("to"), today);
    LocalDate from = date("from", params.get("from"), to.minusDays(29));
    if (to.isBefore(from)) throw Problems.badRequest("to", "is before from");
    if (from.plusDays(MAX_DAYS).isBefore(to)) throw Problems.badRequest("from", "a period is at most 366 days");
    return new KpiQuery(from, to, zone, one("salesChannel", params, SALES_CHANNELS),
        one("sourceChannel", params, SOURCE_CHANNELS), one("requestType", params, REQUEST_TYPES),
        one("procedure", params, PROCEDURES), one("priority", params, PRIORITIES), product(params.get("product")));
  }

  Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The filters set, by parameter name (for the report and the links to the cases behind a number). */
  Map<String, String> filters() {
    Map<String, String> set = new LinkedHashMap<>();
    if (salesChannel != null) set.put("salesChannel", salesChannel);
    if (sourceChannel != null) set.put("sourceChannel", sourceChannel);
    if (requestType != null) set.put("requestType", requestType);
    if (procedure != null) set.put("procedure", procedure);
    if (priority != null) set.put("priority", priority);
    if (product != null) set.put("product", product);
    return set;
  }

  private static LocalDate date(String field, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) return otherwise;
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw Problems.badRequest(field, "a day like 2026-12-01");
    }
  }

  private static String one(String field, Map<String, String> params, Set<String> allowed) {
    String value = params.get(field);
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    String match = allowed.stream().filter(a -> a.equalsIgnoreCase(v)).findFirst().orElse(null);
    if (match == null) throw Problems.badRequest(field, "one of " + new java.util.TreeSet<>(allowed));
    return match;
  }

  private static String product(String sku) {
    if (sku == null || sku.isBlank()) return null;
    if (!sku.strip().matches("[A-Za-z0-9._-]{1,64}")) throw Problems.badRequest("product", "a product SKU");
    return sku.strip();
  }
}
