package io.aftersales.insight;

import io.aftersales.calendar.BusinessCalendar;
import io.aftersales.calendar.BusinessCalendars;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The KPIs of the cases opened in a period (the cohort), with its filters. Durations are given in calendar and in
 * business time of the default calendar (customer care). Counted by SQL where a database counts best; durations and
 * medians here, one row per case of the period.
 */
@Service
class Kpis {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Kpis.class);
  private final NamedParameterJdbcTemplate jdbc;
  private final BusinessCalendars calendars;
  private final java.time.Clock clock;
  /** A few connections' worth of parallel counting per report (the pool has ten). */
  private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3,
      r -> {
        Thread t = new Thread(r, "kpi-counter");
        t.setDaemon(true);
        return t;
      });

  @jakarta.annotation.PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  Kpis(NamedParameterJdbcTemplate jdbc, BusinessCalendars calendars, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.calendars = calendars;
    this.clock = clock;
  }

  /** A duration KPI: how many, average and median in minutes, in calendar and in business time. */
  record Durations(int count, Double averageMinutes, Double medianMinutes, Double businessAverageMinutes,
      Double businessMedianMinutes) {}

  record Share(String key, long count, double share) {}

  record ChannelResponse(String sourceChannel, Durations firstReply) {}

  record Agent(String agent, long tasks, long cases) {}

  record Bucket(String age, long count) {}

  record Target(String target, long clocks, long met, long breached, Double achievement) {}

  record Department(String department, long steps, long late, Double achievement, long madeSlaFail) {}

  record Csat(long offered, long answered, Double responseRate, long satisfied, Double csat, Double solvedShare) {}

  record Sop(String path, long views, long viewers) {}

  record Day(LocalDate day, long opened, long closed, Double medianFirstReplyMinutes) {}

  record Cases(long opened, long closed, long answered, Double resolutionRate, Double reopenRate,
      Double oneTouchShare) {}

  record Report(Map<String, Object> period, Map<String, String> filters, Cases cases, Durations firstReply,
      Durations nextReply, Durations resolution, List<ChannelResponse> responseTimeBySourceChannel,
      List<Share> requestTypes, List<Share> sourceChannels, List<Share> products, List<Share> procedures,
      List<Agent> perAgent, List<Bucket> backlogByAge, List<Target> serviceLevels, List<Department> departments,
      Csat csat, List<Sop> sops, List<Day> daily) {}

  /** One case of the period, as the KPIs read it. */
  record Row(long id, String caseNumber, String sourceChannel, String requestType, String priority, String status,
      Instant openedAt, Instant firstAnsweredAt, Instant closedAt, int reopenCount, String salesChannel, String sku,
      String procedure, boolean wroteAgain) {}

  Report report(KpiQuery q) {
    long started = System.nanoTime();
    Cohort cohort = cohort(q);
    Cohort light = cohort(q, false);
    // The numbers that join the cohort by id are counted by the database while this thread reads the cases and
    // works out their durations (each on its own connection: a report is a snapshot per number, as a dashboard is).
    var agents = CompletableFuture.supplyAsync(() -> agents(light), pool);
    var backlog = CompletableFuture.supplyAsync(() -> backlog(q), pool);
    var levels = CompletableFuture.supplyAsync(() -> serviceLevels(light), pool);
    var departments = CompletableFuture.supplyAsync(() -> departments(light), pool);
    var csat = CompletableFuture.supplyAsync(() -> csat(light), pool);
    var sops = CompletableFuture.supplyAsync(() -> sops(q), pool);
    List<Row> rows = jdbc.query(cohort.sql(), cohort.params(), (rs, i) -> new Row(rs.getLong("id"),
        rs.getString("case_number"), rs.getString("source_channel"), rs.getString("request_type"),
        rs.getString("priority"), rs.getString("status"), instant(rs.getTimestamp("opened_at")),
        instant(rs.getTimestamp("first_answered_at")), instant(rs.getTimestamp("closed_at")),
        rs.getInt("reopen_count"), rs.getString("sales_channel"), rs.getString("sku"), rs.getString("procedure"),
        rs.getBoolean("wrote_again")));
    BusinessCalendar calendar = calendars.standard();
    long opened = rows.size();
    List<Row> closed = rows.stream().filter(r -> r.closedAt() != null).toList();
    long answered = rows.stream().filter(r -> r.firstAnsweredAt() != null).count();
    long reopened = rows.stream().filter(r -> r.reopenCount() > 0).count();
    long oneTouch = closed.stream().filter(r -> !r.wroteAgain() && r.reopenCount() == 0 && r.firstAnsweredAt() != null)
        .count();
    Cases cases = new Cases(opened, closed.size(), answered, share(closed.size(), opened),
        share(reopened, closed.size() + rows.stream().filter(r -> r.closedAt() == null && r.reopenCount() > 0).count()),
        share(oneTouch, closed.size()));

    Durations firstReply = durations(rows.stream().filter(r -> r.firstAnsweredAt() != null)
        .map(r -> new Instant[]{r.openedAt(), r.firstAnsweredAt()}).toList(), calendar);
    Durations resolution = durations(closed.stream().map(r -> new Instant[]{r.openedAt(), r.closedAt()}).toList(),
        calendar);
    Durations nextReply = durations(jdbc.query("with cohort as (" + light.sql() + ") select s.started_at,"
        + " s.stopped_at from aftersales.sla_clock s join cohort c on c.id = s.case_id and s.started_at >= :from where s.metric = 'NEXT_REPLY'"
        + " and s.stopped_at is not null", light.params(),
        (rs, i) -> new Instant[]{instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))}), calendar);

    Map<String, List<Row>> byChannel = group(rows, Row::sourceChannel);
    List<ChannelResponse> channels = byChannel.entrySet().stream().map(e -> new ChannelResponse(e.getKey(),
        durations(e.getValue().stream().filter(r -> r.firstAnsweredAt() != null)
            .map(r -> new Instant[]{r.openedAt(), r.firstAnsweredAt()}).toList(), calendar)))
        .toList();

    long computed = System.nanoTime();
    try {
      Report report = new Report(Map.of("from", q.from(), "to", q.to(), "zone", q.zone().getId(), "businessCalendar",
          calendar.name()), q.filters(), cases, firstReply, nextReply, resolution, channels,
          shares(rows, Row::requestType), shares(rows, Row::sourceChannel), top(shares(rows, Row::sku), 15),
          shares(rows, Row::procedure), agents.join(), backlog.join(), levels.join(), departments.join(), csat.join(),
          sops.join(), daily(rows, q));
      log.debug("KPIs of {} cases in {} ms (cases and durations {} ms)", rows.size(),
          (System.nanoTime() - started) / 1_000_000, (computed - started) / 1_000_000);
      return report;
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : e;
    }
  }

  /** The case numbers behind a number of the report (newest first, at most 500). */
  List<Map<String, Object>> cases(KpiQuery q, String set) {
    Cohort cohort = cohort(q, false);
    String where = switch (set) {
      case "opened" -> "true";
      case "closed" -> "c.closed_at is not null";
      case "open" -> "c.closed_at is null";
      case "unanswered" -> "c.first_answered_at is null";
      case "reopened" -> "c.reopen_count > 0";
      case "breached" -> "exists (select 1 from aftersales.sla_clock s where s.case_id = c.id and s.metric <> 'OLA'"
          + " and s.breached_at is not null)";
      case "detractors" -> "exists (select 1 from aftersales.survey v where v.case_id = c.id and v.score <= 2)";
      default -> throw io.aftersales.shared.Problems.badRequest("set",
          "one of opened, closed, open, unanswered, reopened, breached, detractors");
    };
    return jdbc.queryForList("with cohort as (" + cohort.sql() + ") select c.case_number, c.source_channel,"
        + " c.request_type, c.priority, c.status, c.opened_at, c.first_answered_at, c.closed_at from cohort c where "
        + where + " order by c.opened_at desc limit 500", cohort.params()).stream()
        .map(io.aftersales.shared.Rows::camelCase).toList();
  }

  /** The cohort's SQL: one row per case opened in the period that passes the filters. */
  record Cohort(String sql, MapSqlParameterSource params) {}

  static Cohort cohort(KpiQuery q) {
    return cohort(q, true);
  }

  /**
   * @param full with the procedure and whether the customer wrote after the first answer (per-case look-ups the
   *     main row query needs); the other KPIs join the cohort by id only and skip them unless the procedure filters
   */
  static Cohort cohort(KpiQuery q, boolean full) {
    MapSqlParameterSource p = new MapSqlParameterSource().addValue("from", Timestamp.from(q.start()))
        .addValue("to", Timestamp.from(q.end()));
    StringBuilder where = new StringBuilder(" where c.opened_at >= :from and c.opened_at < :to");
    if (q.sourceChannel() != null) {
      where.append(" and c.source_channel = :sourceChannel");
      p.addValue("sourceChannel", q.sourceChannel());
    }
    if (q.requestType() != null) {
      where.append(" and c.request_type = :requestType");
      p.addValue("requestType", q.requestType());
    }
    if (q.priority() != null) {
      where.append(" and c.priority = :priority");
      p.addValue("priority", q.priority());
    }
    if (q.product() != null) {
      where.append(" and p.sku = :product");
      p.addValue("product", q.product());
    }
    if (q.salesChannel() != null) {
      where.append(" and coalesce(o.sales_channel, case when c.retailer_sender then 'RETAILER' end) = :salesChannel");
      p.addValue("salesChannel", q.salesChannel());
    }
    boolean lookUps = full || q.procedure() != null;
    String procedure =
        """
            ,
                   case when exists (select 1 from aftersales.return_authorization r where r.case_number = c.case_number)
                          then 'return-handling'
                        when exists (select 1 from aftersales.warranty_claim w where w.case_number = c.case_number)
                          then 'warranty-claim'
                        when exists (select 1 from aftersales.spare_part_order s where s.case_number = c.case_number)
                          then 'spare-part-request'
                        else 'none' end as procedure,
                   c.first_answered_at is not null and c.last_inbound_at > c.first_answered_at as wrote_again""";
    String base = """
        select c.id, c.case_number, c.subject, c.source_channel, c.request_type, c.priority, c.status, c.opened_at,
               c.first_answered_at, c.closed_at, c.reopen_count,
               coalesce(o.sales_channel, case when c.retailer_sender then 'RETAILER' end) as sales_channel,
               p.sku""" + (lookUps ? procedure : "") + """

        from aftersales.service_case c
        left join aftersales.sales_order o on o.id = c.order_id
        left join aftersales.product p on p.id = c.product_id""" + where;
    if (q.procedure() == null) return new Cohort(base, p);
    p.addValue("procedure", q.procedure());
    return new Cohort("select * from (" + base + ") k where k.procedure = :procedure", p);
  }

  private List<Agent> agents(Cohort cohort) {
    return jdbc.query("with cohort as (" + cohort.sql() + ") select t.assignee_ as agent, count(*) as tasks,"
        + " count(distinct c.id) as cases from public.act_hi_taskinst t"
        + " join public.act_hi_procinst i on i.id_ = t.proc_inst_id_ join cohort c on c.case_number = i.business_key_"
        + " where t.start_time_ >= :from and t.end_time_ is not null and t.assignee_ is not null"
        + " and t.delete_reason_ = 'completed'"
        + " group by t.assignee_ order by count(distinct c.id) desc, t.assignee_", cohort.params(),
        (rs, i) -> new Agent(rs.getString(1), rs.getLong(2), rs.getLong(3)));
  }

  /** Open cases now (the period does not apply; the other filters do), by age. */
  private List<Bucket> backlog(KpiQuery q) {
    Cohort cohort = cohort(allTime(q), false);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String age : AGES)
      counts.put(age, 0L);
    // Counted by the database in the age buckets of AGES (hours: 24, 72, 168, 336, 720), not row by row.
    MapSqlParameterSource p = cohort.params().addValue("now", Timestamp.from(clock.instant()));
    jdbc.query("with cohort as (" + cohort.sql() + ") select width_bucket(extract(epoch from (:now - c.opened_at))"
        + " / 3600, array[24, 72, 168, 336, 720]::float8[]), count(*) from cohort c where c.status <> 'CLOSED'"
        + " group by 1", p, rs -> {
          counts.merge(AGES.get(Math.min(rs.getInt(1), AGES.size() - 1)), rs.getLong(2), Long::sum);
        });
    return counts.entrySet().stream().map(e -> new Bucket(e.getKey(), e.getValue())).toList();
  }

  /** The same filters over every case ever opened (the backlog has no period). */
  private KpiQuery allTime(KpiQuery q) {
    return new KpiQuery(LocalDate.of(2000, 1, 1), LocalDate.ofInstant(clock.instant(), q.zone()).plusDays(1),
        q.zone(), q.salesChannel(), q.sourceChannel(), q.requestType(), q.procedure(), q.priority(), q.product());
  }

  /**
   * Backlog recovery: open cases nobody has answered yet or with a customer target overdue, oldest first (at most
   * 500), so customers left waiting longest are answered first.
   */
  List<Map<String, Object>> backlogCases(KpiQuery q) {
    Cohort cohort = cohort(allTime(q), false);
    MapSqlParameterSource p = cohort.params().addValue("now", Timestamp.from(clock.instant()));
    String overdue = "exists (select 1 from aftersales.sla_clock s where s.case_id = c.id and s.metric <> 'OLA'"
        + " and s.state <> 'STOPPED' and (s.breached_at is not null or s.due_at <= :now))";
    return jdbc.queryForList("with cohort as (" + cohort.sql() + ") select c.case_number, c.subject,"
        + " c.source_channel, c.request_type, c.priority, c.opened_at, c.first_answered_at, " + overdue
        + " as overdue, (select min(s.due_at) from aftersales.sla_clock s where s.case_id = c.id and s.state ="
        + " 'RUNNING' and s.metric <> 'OLA') as next_due from cohort c where c.status <> 'CLOSED'"
        + " and (c.first_answered_at is null or " + overdue + ") order by c.opened_at, c.id limit 500", p)
        .stream().map(io.aftersales.shared.Rows::camelCase).toList();
  }

  static final List<String> AGES = List.of("under 1 day", "1-3 days", "3-7 days", "7-14 days", "14-30 days",
      "over 30 days");

  static String age(Instant opened, Instant now) {
    long hours = Duration.between(opened, now).toHours();
    if (hours < 24) return AGES.get(0);
    if (hours < 72) return AGES.get(1);
    if (hours < 168) return AGES.get(2);
    if (hours < 336) return AGES.get(3);
    if (hours < 720) return AGES.get(4);
    return AGES.get(5);
  }

  private List<Target> serviceLevels(Cohort cohort) {
    return jdbc.query("with cohort as (" + cohort.sql() + ") select s.metric, count(*),"
        + " count(*) filter (where s.state = 'STOPPED' and s.breached_at is null),"
        + " count(*) filter (where s.breached_at is not null)"
        + " from aftersales.sla_clock s join cohort c on c.id = s.case_id and s.started_at >= :from where s.metric <> 'OLA'"
        + " and (s.state = 'STOPPED' or s.breached_at is not null) group by s.metric order by s.metric",
        cohort.params(), (rs, i) -> new Target(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            share(rs.getLong(3), rs.getLong(2))));
  }

  /**
   * Each department's turnaround (decided steps: done or late) and how often a late step of theirs stood in a case
   * whose resolution target was breached — the department that made the customer's target fail.
   */
  private List<Department> departments(Cohort cohort) {
    return jdbc.query("with cohort as (" + cohort.sql() + "), failed as (select s.case_id from aftersales.sla_clock s"
        + " join cohort c on c.id = s.case_id and s.started_at >= :from where s.metric = 'RESOLUTION'"
        + " and s.breached_at is not null)"
        + " select s.department, count(*), count(*) filter (where s.breached_at is not null),"
        + " count(distinct s.case_id) filter (where s.breached_at is not null and s.case_id in (select case_id from"
        + " failed)) from aftersales.sla_clock s join cohort c on c.id = s.case_id and s.started_at >= :from where s.metric = 'OLA'"
        + " and (s.state = 'STOPPED' or s.breached_at is not null) group by s.department order by s.department",
        cohort.params(), (rs, i) -> new Department(rs.getString(1), rs.getLong(2), rs.getLong(3),
            share(rs.getLong(2) - rs.getLong(3), rs.getLong(2)), rs.getLong(4)));
  }

  private Csat csat(Cohort cohort) {
    return jdbc.queryForObject("with cohort as (" + cohort.sql() + ") select count(*),"
        + " count(*) filter (where v.answered_at is not null), count(*) filter (where v.score >= 4),"
        + " count(*) filter (where v.solved) from aftersales.survey v join cohort c on c.id = v.case_id and v.offered_at >= :from",
        cohort.params(), (rs, i) -> new Csat(rs.getLong(1), rs.getLong(2), share(rs.getLong(2), rs.getLong(1)),
            rs.getLong(3), share(rs.getLong(3), rs.getLong(2)), share(rs.getLong(4), rs.getLong(2))));
  }

  private List<Sop> sops(KpiQuery q) {
    return jdbc.query("select path, count(*), count(distinct viewer) from aftersales.sop_view where viewed_at >= :from"
        + " and viewed_at < :to group by path order by count(*) desc, path limit 20",
        new MapSqlParameterSource()
            .addValue("from", Timestamp.from(q.start())).addValue("to", Timestamp.from(q.end())),
        (rs, i) -> new Sop(rs.getString(1), rs.getLong(2), rs.getLong(3)));
  }

  private static List<Day> daily(List<Row> rows, KpiQuery q) {
    Map<LocalDate, List<Row>> opened = new TreeMap<>();
    Map<LocalDate, Long> closed = new HashMap<>();
    for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1))
      opened.put(d, new ArrayList<>());
    for (Row r : rows) {
      opened.computeIfAbsent(r.openedAt().atZone(q.zone()).toLocalDate(), d -> new ArrayList<>()).add(r);
      if (r.closedAt() != null) closed.merge(r.closedAt().atZone(q.zone()).toLocalDate(), 1L, Long::sum);
    }
    return opened.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue().size(),
        closed.getOrDefault(e.getKey(), 0L), median(e.getValue().stream().filter(r -> r.firstAnsweredAt() != null)
            .map(r -> minutes(Duration.between(r.openedAt(), r.firstAnsweredAt()))).sorted().toList())))
        .toList();
  }

  static Durations durations(List<Instant[]> spans, BusinessCalendar calendar) {
    List<Double> calendarMinutes = new ArrayList<>();
    List<Double> businessMinutes = new ArrayList<>();
    for (Instant[] span : spans) {
      calendarMinutes.add(minutes(Duration.between(span[0], span[1])));
      businessMinutes.add(minutes(calendar.businessTimeBetween(span[0], span[1])));
    }
    calendarMinutes.sort(Comparator.naturalOrder());
    businessMinutes.sort(Comparator.naturalOrder());
    return new Durations(spans.size(), average(calendarMinutes), median(calendarMinutes), average(businessMinutes),
        median(businessMinutes));
  }

  private static List<Share> shares(List<Row> rows, Function<Row, String> key) {
    Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(r -> key.apply(r) == null
        ? "unknown"
        : key.apply(r), TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new Share(e.getKey(), e.getValue(), share(e.getValue(), rows.size()))).toList();
  }

  private static List<Share> top(List<Share> shares, int n) {
    return shares.size() <= n ? shares : shares.subList(0, n);
  }

  private static Map<String, List<Row>> group(List<Row> rows, Function<Row, String> key) {
    return rows.stream().collect(Collectors.groupingBy(r -> key.apply(r) == null ? "unknown" : key.apply(r),
        TreeMap::new, Collectors.toList()));
  }

  static Double share(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }

  private static double minutes(Duration d) {
    return Math.round(d.toMillis() / 600.0) / 100.0;
  }

  static Double average(List<Double> sorted) {
    return sorted.isEmpty()
        ? null
        : Math.round(sorted.stream().mapToDouble(Double::doubleValue).sum() / sorted.size() * 100) / 100.0;
  }

  /** The median of sorted values: the middle one, or the mean of the middle two. */
  static Double median(List<Double> sorted) {
    if (sorted.isEmpty()) return null;
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) * 50) / 100.0;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
