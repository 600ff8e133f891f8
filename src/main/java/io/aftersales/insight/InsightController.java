package io.aftersales.insight;

import io.aftersales.calendar.BusinessCalendars;
import io.aftersales.shared.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team lead's numbers (README decision 79): {@code /api/insight/kpis} (JSON; {@code .csv} for a spreadsheet),
 * the cases behind a number ({@code /cases?set=breached&...}) and the backlog, oldest first. Team leads only (the
 * security configuration); the page is {@code /dashboard.html}.
 */
@RestController
@RequestMapping("/api/insight")
class InsightController {
  private final Kpis kpis;
  private final Bottlenecks bottlenecks;
  private final BusinessCalendars calendars;
  private final Clock clock;

  InsightController(Kpis kpis, Bottlenecks bottlenecks, BusinessCalendars calendars, Clock clock) {
    this.kpis = kpis;
    this.bottlenecks = bottlenecks;
    this.calendars = calendars;
    this.clock = clock;
  }

  private KpiQuery query(Map<String, String> params) {
    var zone = calendars.standard().zone();
    return KpiQuery.parse(params, LocalDate.ofInstant(clock.instant(), zone), zone);
  }

  @GetMapping(path = "/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
  Kpis.Report report(@RequestParam Map<String, String> params) {
    return kpis.report(query(params));
  }

  /** The report as rows of section, key, measure, value (Apache Commons CSV; cells defused for spreadsheets). */
  @GetMapping(path = {"/kpis.csv"}, produces = "text/csv")
  ResponseEntity<byte[]> csv(@RequestParam Map<String, String> params) throws IOException {
    KpiQuery q = query(params);
    Kpis.Report r = kpis.report(q);
    List<Object[]> rows = new ArrayList<>();
    Kpis.Cases c = r.cases();
    add(rows, "cases", "all", "opened", c.opened());
    add(rows, "cases", "all", "closed", c.closed());
    add(rows, "cases", "all", "answered", c.answered());
    add(rows, "cases", "all", "resolutionRate", c.resolutionRate());
    add(rows, "cases", "all", "reopenRate", c.reopenRate());
    add(rows, "cases", "all", "oneTouchShare", c.oneTouchShare());
    durations(rows, "firstReply", "all", r.firstReply());
    durations(rows, "nextReply", "all", r.nextReply());
    durations(rows, "resolution", "all", r.resolution());
    r.responseTimeBySourceChannel().forEach(x -> durations(rows, "firstReplyBySourceChannel", x.sourceChannel(),
        x.firstReply()));
    shares(rows, "requestType", r.requestTypes());
    shares(rows, "sourceChannel", r.sourceChannels());
    shares(rows, "product", r.products());
    shares(rows, "procedure", r.procedures());
    r.perAgent().forEach(a -> {
      add(rows, "agent", a.agent(), "tasks", a.tasks());
      add(rows, "agent", a.agent(), "cases", a.cases());
    });
    r.backlogByAge().forEach(b -> add(rows, "backlog", b.age(), "open", b.count()));
    r.serviceLevels().forEach(t -> {
      add(rows, "serviceLevel", t.target(), "clocks", t.clocks());
      add(rows, "serviceLevel", t.target(), "breached", t.breached());
      add(rows, "serviceLevel", t.target(), "achievement", t.achievement());
    });
    r.departments().forEach(d -> {
      add(rows, "department", d.department(), "steps", d.steps());
      add(rows, "department", d.department(), "late", d.late());
      add(rows, "department", d.department(), "achievement", d.achievement());
      add(rows, "department", d.department(), "madeSlaFail", d.madeSlaFail());
    });
    Kpis.Csat s = r.csat();
    add(rows, "csat", "all", "offered", s.offered());
    add(rows, "csat", "all", "answered", s.answered());
    add(rows, "csat", "all", "responseRate", s.responseRate());
    add(rows, "csat", "all", "csat", s.csat());
    add(rows, "csat", "all", "solvedShare", s.solvedShare());
    r.sops().forEach(x -> add(rows, "sop", x.path(), "views", x.views()));
    r.daily().forEach(d -> {
      add(rows, "day", d.day().toString(), "opened", d.opened());
      add(rows, "day", d.day().toString(), "closed", d.closed());
      add(rows, "day", d.day().toString(), "medianFirstReplyMinutes", d.medianFirstReplyMinutes());
    });
    String name = "kpis-" + q.from() + "-" + q.to() + ".csv";
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(Csv.write(List.of("section", "key", "measure", "value"), rows).getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping(path = "/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Map<String, Object>> cases(@RequestParam Map<String, String> params) {
    return kpis.cases(query(params), params.getOrDefault("set", "opened"));
  }

  /** Time per step of a procedure's versions in the period; the diagram of one version with its heat. */
  @GetMapping(path = "/bottlenecks", produces = MediaType.APPLICATION_JSON_VALUE)
  Bottlenecks.Report bottlenecks(@RequestParam Map<String, String> params) {
    Integer version = null;
    if (params.get("version") != null && !params.get("version").isBlank()) {
      try {
        version = Integer.valueOf(params.get("version").strip());
      } catch (NumberFormatException e) {
        throw io.aftersales.shared.Problems.badRequest("version", "a model version number");
      }
    }
    Map<String, String> period = new java.util.HashMap<>(params);
    period.keySet().retainAll(java.util.Set.of("from", "to"));
    return bottlenecks.of(params.get("procedure"), version, query(period));
  }

  @GetMapping(path = "/backlog", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Map<String, Object>> backlog(@RequestParam Map<String, String> params) {
    return kpis.backlogCases(query(params));
  }

  private static void durations(List<Object[]> rows, String section, String key, Kpis.Durations d) {
    add(rows, section, key, "count", d.count());
    add(rows, section, key, "averageMinutes", d.averageMinutes());
    add(rows, section, key, "medianMinutes", d.medianMinutes());
    add(rows, section, key, "businessAverageMinutes", d.businessAverageMinutes());
    add(rows, section, key, "businessMedianMinutes", d.businessMedianMinutes());
  }

  private static void shares(List<Object[]> rows, String section, List<Kpis.Share> shares) {
    shares.forEach(x -> {
      add(rows, section, x.key(), "count", x.count());
      add(rows, section, x.key(), "share", x.share());
    });
  }

  private static void add(List<Object[]> rows, String section, String key, String measure, Object value) {
    rows.add(new Object[]{section, key, measure, value});
  }
}
