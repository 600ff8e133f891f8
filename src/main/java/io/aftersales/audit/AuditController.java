package io.aftersales.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.cases.CaseSearch;
import io.aftersales.shared.Problems;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/audit/...}: find cases, read a case's trail as JSON or CSV. Only auditors and team leads (the security
 * configuration refuses everyone else with 403); the page {@code /audit.html} reads the same.
 */
@RestController
@RequestMapping("/api/audit/cases")
class AuditController {
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final String[] COLUMNS =
      {"case_number", "at", "kind", "who", "process", "element", "summary", "details"};

  private final CaseSearch search;
  private final AuditTrail trails;
  private final ObjectMapper json;

  AuditController(CaseSearch search, AuditTrail trails, ObjectMapper json) {
    this.search = search;
    this.trails = trails;
    this.json = json;
  }

  /** Cases by number, RMA, order, tracking number, customer email or name, and the days they were opened. */
  @GetMapping
  List<CaseSearch.Found> find(@RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to) {
    if (query != null && query.length() > 320) throw Problems.badRequest("q", "at most 320 characters");
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (first != null && last != null && last.isBefore(first)) throw Problems.badRequest("to", "is before from");
    return search.find(query, first, last);
  }

  @GetMapping(path = "/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  AuditTrail.Trail trail(@PathVariable String number) {
    return trails.of(number).orElseThrow(() -> Problems.notFound("Case " + number));
  }

  /** The trail as a spreadsheet: one row per entry, the details as JSON in the last column. */
  @GetMapping(path = {"/{number}/trail.csv", "/{number}"}, produces = "text/csv")
  ResponseEntity<byte[]> csv(@PathVariable String number) throws IOException {
    AuditTrail.Trail trail = trails.of(number).orElseThrow(() -> Problems.notFound("Case " + number));
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
      for (AuditTrail.Entry entry : trail.entries()) {
        csv.printRecord(number, entry.at(), entry.kind(), safe(entry.who()), entry.process(), entry.element(),
            safe(entry.summary()), safe(json.writeValueAsString(entry.details())));
      }
    }
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(number + "-trail.csv").build().toString())
        .body(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String safe(String cell) {
    return io.aftersales.shared.Csv.safe(cell);
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw Problems.badRequest(field, "must be a date like 2026-12-01");
    }
  }
}
