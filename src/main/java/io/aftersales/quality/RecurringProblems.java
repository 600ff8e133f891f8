package io.aftersales.quality;

import static io.aftersales.quality.QualityInvestigationProcess.*;

import io.aftersales.cases.CaseReviewed;
import io.aftersales.mail.StaffMail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts, for each reviewed case, the cases of its product and type within the decision's window; at the threshold it
 * opens one investigation (and its process), alerts supplier management and the process owners, and links the cases;
 * while one is open, later cases join it. Reviews of one product and type queue on a transaction-scoped advisory lock,
 * and the open investigation is unique per product and type, so parallel reviews never open two.
 */
@Service
@Transactional
class RecurringProblems {
  private static final Logger log = LoggerFactory.getLogger(RecurringProblems.class);
  static final List<String> ALERTED = List.of("supplier-management", "process-owner");

  private final JdbcTemplate jdbc;
  private final DecisionService decisions;
  private final RuntimeService runtime;
  private final StaffMail mail;
  private final Clock clock;

  RecurringProblems(JdbcTemplate jdbc, DecisionService decisions, RuntimeService runtime, StaffMail mail,
      Clock clock) {
    this.jdbc = jdbc;
    this.decisions = decisions;
    this.runtime = runtime;
    this.mail = mail;
    this.clock = clock;
  }

  /** What a review led to. */
  enum Outcome {
    NOT_COUNTED, BELOW_THRESHOLD, OPENED, JOINED
  }

  /** The decision's threshold and window for a product category and request type, if it sets one. */
  record Rule(int threshold, int windowDays) {}

  Optional<Rule> rule(String productCategory, String requestType) {
    var result = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
        .putValue("productCategory", productCategory).putValue("requestType", requestType));
    if (result.isEmpty() || result.getFirstResult().getEntry("threshold") == null) return Optional.empty();
    return Optional.of(new Rule(((Number) result.getFirstResult().getEntry("threshold")).intValue(),
        ((Number) result.getFirstResult().getEntry("windowDays")).intValue()));
  }

  Outcome reviewed(CaseReviewed c) {
    if (c.productId() == null || c.requestType() == null) return Outcome.NOT_COUNTED;
    Optional<Rule> rule = rule(c.productCategory(), c.requestType());
    if (rule.isEmpty()) return Outcome.NOT_COUNTED;
    jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class,
        "quality:" + c.productId() + ":" + c.requestType());
    Instant now = clock.instant();
    List<Long> open = jdbc.queryForList("select id from aftersales.quality_investigation where product_id = ? and"
        + " request_type = ? and status = 'OPEN'", Long.class, c.productId(), c.requestType());
    if (!open.isEmpty()) {
      link(open.get(0), c.caseId(), now);
      log.info("Case {} joins quality investigation {} ({} {})", c.caseNumber(), open.get(0), c.productSku(),
          c.requestType());
      return Outcome.JOINED;
    }
    Instant since = now.minus(Duration.ofDays(rule.get().windowDays()));
    List<Map<String, Object>> recent = jdbc.queryForList("select id, case_number from aftersales.service_case where"
        + " product_id = ? and request_type = ? and opened_at >= ? order by opened_at, id", c.productId(),
        c.requestType(), Timestamp.from(since));
    if (recent.stream().noneMatch(r -> ((Number) r.get("id")).longValue() == c.caseId())) {
      recent = new java.util.ArrayList<>(recent);
      recent.add(Map.of("id", c.caseId(), "case_number", c.caseNumber()));
    }
    if (recent.size() < rule.get().threshold()) return Outcome.BELOW_THRESHOLD;
    Long id = jdbc.queryForObject("""
        insert into aftersales.quality_investigation (product_id, request_type, status, threshold, window_days,
          opened_at, opened_by_case_id) values (?, ?, 'OPEN', ?, ?, ?, ?) returning id""", Long.class, c.productId(),
        c.requestType(), rule.get().threshold(), rule.get().windowDays(), Timestamp.from(now), c.caseId());
    recent.forEach(r -> link(id, ((Number) r.get("id")).longValue(), now));
    String numbers = String.join(", ", recent.stream().map(r -> (String) r.get("case_number")).toList());
    String name = jdbc.queryForObject("select name from aftersales.product where id = ?", String.class,
        c.productId());
    String trigger = recent.size() + " " + c.requestType().toLowerCase().replace('_', ' ') + " cases of "
        + c.productSku() + " within " + rule.get().windowDays() + " days (threshold " + rule.get().threshold()
        + " for " + c.productCategory() + ")";
    Map<String, Object> variables = new HashMap<>();
    variables.put(INVESTIGATION_ID.name(), id);
    variables.put(PRODUCT_SKU.name(), c.productSku());
    variables.put(PRODUCT_NAME.name(), name);
    variables.put(REQUEST_TYPE.name(), c.requestType());
    variables.put(CASE_COUNT.name(), (long) recent.size());
    variables.put(TRIGGER.name(), trigger);
    variables.put(CASE_NUMBERS.name(), io.aftersales.shared.Texts.shorten(numbers, 3900));
    runtime.startProcessInstanceByKey(KEY, "QI-" + id, variables);
    mail.send(ALERTED, c.caseId(), c.caseNumber(), "quality-" + id, "Recurring problem: " + c.productSku(),
        "A recurring problem needs an investigation: " + trigger + ".\nProduct: " + c.productSku() + " — " + name
            + "\nCases: " + numbers + "\n\nSupplier management investigates (Tasklist: \"Investigate problem\","
            + " investigation QI-" + id + "); the process owners decide the containment (a sales stop, a supplier"
            + " claim for the batch). Later cases of this product and type join the investigation.");
    log.warn("Recurring problem: quality investigation {} opened for {} {} ({} cases)", id, c.productSku(),
        c.requestType(), recent.size());
    return Outcome.OPENED;
  }

  private void link(Long investigationId, long caseId, Instant at) {
    jdbc.update("insert into aftersales.quality_investigation_case (investigation_id, case_id, joined_at) values"
        + " (?, ?, ?) on conflict do nothing", investigationId, caseId, Timestamp.from(at));
  }

  /** {@code ServiceTask_RecordInvestigation}: the findings and the containment are kept; the investigation closes. */
  void close(Long investigationId, String findings, String containment, String containmentNote, String closedBy) {
    jdbc.update("""
        update aftersales.quality_investigation set status = 'CLOSED', findings = ?, containment = ?,
          containment_note = ?, closed_at = ?, closed_by = ? where id = ? and status = 'OPEN'""",
        io.aftersales.shared.Texts.shorten(findings, 4000), containment,
        io.aftersales.shared.Texts.shorten(containmentNote, 4000), Timestamp.from(clock.instant()), closedBy,
        investigationId);
  }

  /** The cases an investigation covers (newest first). */
  @Transactional(readOnly = true)
  List<String> cases(Long investigationId) {
    return jdbc.queryForList("select c.case_number from aftersales.quality_investigation_case q join"
        + " aftersales.service_case c on c.id = q.case_id where q.investigation_id = ? order by c.opened_at desc",
        String.class, investigationId);
  }
}
