package io.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.IntegrationTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The team lead's numbers at scale: {@code bench.cases} historic cases (default 1,000,000, spread over two years) are
 * written into PostgreSQL by SQL set operations — each with its messages, service-level clocks (first reply,
 * resolution, a quarter with a department's step), a survey for a third, and its engine history (the process
 * instance, the review task and three steps) — then every insight endpoint is timed for the last 30 days, five times
 * each after two untimed rounds over all of them (JIT and caches warm, as on a server that has run a while; the report
 * gives the median and the slowest), and the dashboard as the page loads it (KPIs, backlog and bottlenecks at once).
 *
 * <p>Not a test: {@code mvn -Pbench verify -Dit.test=KpiBenchmark} ({@code -Dbench.cases=1000000}); the report goes
 * to standard output and {@code target/bench/kpis.md}.
 */
@org.springframework.test.context.TestPropertySource(properties = "aftersales.test.database-link=false")
class KpiBenchmark extends IntegrationTestSupport {
  private static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
  private static final int RUNS = 5;

  @Autowired
  RepositoryService repository;

  @Test
  void everyInsightEndpointOnAMillionCases() throws Exception {
    long generating = System.nanoTime();
    generate();
    long generated = Duration.ofNanos(System.nanoTime() - generating).toSeconds();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    String period = "from=" + today.minusDays(29) + "&to=" + today;
    List<String[]> endpoints = List.of(
        new String[]{"KPIs, 30 days", "/api/insight/kpis?" + period},
        new String[]{"KPIs, 30 days, one source channel", "/api/insight/kpis?" + period + "&sourceChannel=EMAIL"},
        new String[]{"KPIs, 30 days, one procedure", "/api/insight/kpis?" + period + "&procedure=warranty-claim"},
        new String[]{"KPIs as CSV, 30 days", "/api/insight/kpis.csv?" + period},
        new String[]{"cases behind a number (breached)", "/api/insight/cases?" + period + "&set=breached"},
        new String[]{"backlog, oldest first", "/api/insight/backlog"},
        new String[]{"bottlenecks of service-case, 30 days", "/api/insight/bottlenecks?procedure=service-case&"
            + period});
    // Two untimed rounds first: the JIT compiler and PostgreSQL's caches warm up, as on a server that has run a while.
    for (int round = 0; round < 2; round++) {
      for (String[] endpoint : endpoints)
        get(endpoint[1], jsonAs("tara"));
    }
    StringBuilder report = new StringBuilder("# Insight endpoints on " + String.format("%,d", CASES)
        + " cases\n\nGenerated in " + generated + " s. After two untimed rounds, each endpoint " + RUNS
        + " times (team lead, HTTP basic):\n\n"
        + "| endpoint | median ms | slowest ms |\n|---|---|---|\n");
    for (String[] endpoint : endpoints) {
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        var response = get(endpoint[1], jsonAs("tara"));
        times.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(response.getStatusCode().value()).as(endpoint[0]).isEqualTo(200);
      }
      times.sort(null);
      report.append("| ").append(endpoint[0]).append(" | ").append(times.get(RUNS / 2)).append(" | ")
          .append(times.get(RUNS - 1)).append(" |\n");
    }
    List<Long> page = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      CompletableFuture.allOf(
          CompletableFuture.runAsync(() -> get("/api/insight/kpis?" + period, jsonAs("tara"))),
          CompletableFuture.runAsync(() -> get("/api/insight/backlog", jsonAs("tara"))),
          CompletableFuture.runAsync(() -> get("/api/insight/bottlenecks?procedure=return-handling&" + period,
              jsonAs("tara"))))
          .join();
      page.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
    page.sort(null);
    report.append("| **dashboard** (KPIs, backlog, bottlenecks at once) | ").append(page.get(RUNS / 2)).append(" | ")
        .append(page.get(RUNS - 1)).append(" |\n");
    System.out.println(report);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/kpis.md"), report.toString());
  }

  /** Historic cases in bulk: one statement per table, each row derived from its case number. */
  private void generate() {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("service-case").latestVersion()
        .singleResult().getId();
    jdbc.execute("insert into aftersales.customer (name, email, type, created_at) select 'Bench ' || g,"
        + " 'bench' || g || '@bench.example', 'CONSUMER', now() - interval '3 years' from generate_series(1, 5000) g");
    long firstCustomer = jdbc.queryForObject("select min(id) from aftersales.customer where email like"
        + " 'bench%@bench.example'", Long.class);
    List<Long> products = jdbc.queryForList("select id from aftersales.product order by id", Long.class);
    String productArray = "array[" + String.join(",", products.stream().map(String::valueOf).toList()) + "]";
    // Opened evenly over two years until now; answered after 1-600 minutes; 97 % resolved after 1-15 days.
    jdbc.execute("""
        insert into aftersales.service_case (case_number, source_channel, request_type, priority, status, customer_id,
          product_id, subject, access_token_hash, opened_at, first_answered_at, closed_at, reopen_count,
          last_inbound_at)
        select 'BN-' || g,
               (array['EMAIL','WEB_FORM','CHAT','CHATBOT','WHATSAPP','SOCIAL_MEDIA'])[1 + g % 6],
               (array['RETURN','WARRANTY','SPARE_PART','INFORMATION'])[1 + (g / 7) % 4],
               (array['LOW','NORMAL','NORMAL','NORMAL','HIGH','URGENT'])[1 + (g / 3) % 6],
               case when g % 33 = 0 then 'IN_PROGRESS' else 'CLOSED' end,
               FIRST_CUSTOMER + g % 5000, (PRODUCTS)[1 + g % PRODUCT_COUNT], 'Bench case ' || g, 'x', o,
               o + make_interval(mins => 1 + (g * 7) % 600),
               case when g % 33 = 0 then null else o + make_interval(days => 1 + g % 15) end,
               case when g % 50 = 0 then 1 else 0 end, o
          from generate_series(1, CASES) g,
               lateral (select now() - make_interval(secs => (CASES - g) * (63072000.0 / CASES))) t(o)"""
        .replace("FIRST_CUSTOMER", String.valueOf(firstCustomer)).replace("PRODUCT_COUNT",
            String.valueOf(products.size()))
        .replace("PRODUCTS", productArray)
        .replace("CASES", String.valueOf(CASES)));
    jdbc.execute("""
        insert into aftersales.case_message (case_id, direction, channel, author, body, created_at)
        select c.id, d.direction, 'EMAIL', 'bench', 'Bench message', case when d.direction = 'INBOUND' then c.opened_at
               else c.first_answered_at end
          from aftersales.service_case c, (values ('INBOUND'), ('OUTBOUND')) d(direction)
         where c.case_number like 'BN-%'""");
    jdbc.execute("""
        insert into aftersales.sla_clock (case_id, metric, policy, target, calendar, warning_percent, department,
          task_id, step, state, started_at, due_at, warning_at, breached_at, stopped_at)
        select c.id, m.metric, 'standard', case m.metric when 'FIRST_REPLY' then 'PT1H' else 'P5D' end,
               'customer-care', 75, null, null, null,
               case when m.metric = 'RESOLUTION' and c.closed_at is null then 'RUNNING' else 'STOPPED' end,
               c.opened_at, c.opened_at + case m.metric when 'FIRST_REPLY' then interval '1 hour'
                 else interval '7 days' end, c.opened_at,
               case when m.metric = 'FIRST_REPLY' and c.first_answered_at > c.opened_at + interval '1 hour'
                      then c.opened_at + interval '1 hour'
                    when m.metric = 'RESOLUTION' and coalesce(c.closed_at, now()) > c.opened_at + interval '7 days'
                      then c.opened_at + interval '7 days' end,
               case m.metric when 'FIRST_REPLY' then c.first_answered_at else c.closed_at end
          from aftersales.service_case c, (values ('FIRST_REPLY'), ('RESOLUTION')) m(metric)
         where c.case_number like 'BN-%'""");
    jdbc.execute("""
        insert into aftersales.sla_clock (case_id, metric, policy, target, calendar, warning_percent, department,
          task_id, step, state, started_at, due_at, warning_at, breached_at, stopped_at)
        select c.id, 'OLA', 'ola:UserTask_InspectReturnedItem', 'P2D', 'warehouse', 100,
               (array['warehouse','logistics','finance','supplier-management'])[1 + c.id % 4], 'bench-' || c.id,
               'Bench step', 'STOPPED', c.opened_at, c.opened_at + interval '2 days', c.opened_at + interval '2 days',
               case when c.id % 5 = 0 then c.opened_at + interval '2 days' end, c.opened_at + interval '1 day'
          from aftersales.service_case c where c.case_number like 'BN-%' and c.id % 4 = 0""");
    jdbc.execute(
        """
            insert into aftersales.survey (case_id, customer_id, round, token_hash, status, offered_at, expires_at, score,
              solved, answered_at, changed_at)
            select c.id, c.customer_id, 1, md5('bench' || c.id), case when c.id % 2 = 0 then 'ANSWERED' else 'OPEN' end,
                   c.closed_at, c.closed_at + interval '28 days', case when c.id % 2 = 0 then 1 + c.id % 5 end,
                   case when c.id % 2 = 0 then c.id % 3 > 0 end, case when c.id % 2 = 0 then c.closed_at end,
                   case when c.id % 2 = 0 then c.closed_at end
              from aftersales.service_case c where c.case_number like 'BN-%' and c.closed_at is not null and c.id % 3 = 0""");
    // The engine's history of each case: its instance, the agent's review task and three steps.
    jdbc.execute("""
        insert into public.act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,
          start_time_, end_time_, duration_, start_act_id_, root_proc_inst_id_, state_)
        select 'bn-' || c.id, 'bn-' || c.id, c.case_number, 'service-case', '%s', c.opened_at, c.closed_at,
               (extract(epoch from (c.closed_at - c.opened_at)) * 1000)::bigint, 'StartEvent_CaseOpened',
               'bn-' || c.id, case when c.closed_at is null then 'ACTIVE' else 'COMPLETED' end
          from aftersales.service_case c where c.case_number like 'BN-%%'""".formatted(definition));
    jdbc.execute("""
        insert into public.act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
          proc_inst_id_, execution_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_,
          priority_)
        select 'bnt-' || c.id, 'UserTask_ReviewCase', 'service-case', '%s', 'bn-' || c.id, 'bn-' || c.id,
               'bn-' || c.id, 'Review case and answer', (array['anna','chris','agent3','agent4'])[1 + c.id %% 4],
               c.opened_at, c.first_answered_at,
               (extract(epoch from (c.first_answered_at - c.opened_at)) * 1000)::bigint, 'completed', 50
          from aftersales.service_case c where c.case_number like 'BN-%%'""".formatted(definition));
    jdbc.execute("""
        insert into public.act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
          execution_id_, act_id_, task_id_, act_name_, act_type_, assignee_, start_time_, end_time_, duration_,
          act_inst_state_, sequence_counter_)
        select 'bna-' || s.n || '-' || c.id, 'service-case', '%s', 'bn-' || c.id, 'bn-' || c.id, 'bn-' || c.id,
               s.act, case when s.n = 1 then 'bnt-' || c.id end, s.name, s.type, null,
               c.opened_at + make_interval(mins => s.n), c.opened_at + make_interval(mins => s.n) + s.took,
               (extract(epoch from s.took) * 1000)::bigint, 1, s.n
          from aftersales.service_case c, lateral (values
               (1, 'UserTask_ReviewCase', 'Review case and answer', 'userTask', c.first_answered_at - c.opened_at),
               (2, 'ServiceTask_SendFirstAnswer', 'Send first answer', 'serviceTask', interval '2 seconds'),
               (3, 'BusinessRuleTask_RouteCase', 'Choose procedure', 'businessRuleTask', interval '50 milliseconds'))
               s(n, act, name, type, took)
         where c.case_number like 'BN-%%'""".formatted(definition));
    jdbc.execute("analyze");
  }
}
