package io.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cases opened per second, latency and CPU per case: the platform's intake ({@code POST /api/cases}, a web
 * form contact) against the bare engine starting the same model ({@code service-case}) with the same
 * variables through its REST API, in the same run, on the same PostgreSQL (FULL history, authorization on).
 *
 * <p>Open loop: requests leave at a fixed arrival rate whatever the answers do, and latency is measured from
 * each request's intended send time, so a slow phase cannot hide its queue (no coordinated omission). The
 * job executor is paused while a phase runs, so both measure the opening transaction alone; the
 * asynchronous work the cases leave behind (acknowledgement, outbox) is then drained and reported apart.
 * CPU: this JVM's process CPU time, and PostgreSQL's (postmaster and its backends, from /proc).
 *
 * <p>Not a test: run with {@code mvn -Pbench verify} ({@code -Dbench.rate=15 -Dbench.seconds=60 -Dbench.warmup=3000}); the report
 * goes to standard output and {@code target/bench/case-intake.md}.
 */
// Straight to PostgreSQL: the relay the outage tests cut would add its own CPU to every case.
@org.springframework.test.context.TestPropertySource(properties = "aftersales.test.database-link=false")
class CaseIntakeBenchmark extends IntegrationTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "15"));
  private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 3000);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngineConfigurationImpl engine;
  @Autowired
  HistoryService history;
  @Autowired
  io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

  private static final AtomicInteger CLIENT_THREADS = new AtomicInteger();
  private final HttpClient http = HttpClient.newBuilder()
      .executor(
          Executors.newFixedThreadPool(32, r -> new Thread(r, "bench-client-" + CLIENT_THREADS.incrementAndGet())))
      .connectTimeout(Duration.ofSeconds(10)).build();

  record Result(String name, int sent, int ok, double seconds, double p50, double p99, double max, CpuPerCase opening,
      CpuPerCase async) {}

  /**
   * CPU per case, in ms. {@code app}: this JVM's process CPU without the harness's own threads (its HTTP client,
   * GreenMail's SMTP server) and without the JIT compiler's time (warm-up, reported apart); garbage collection is
   * the application's and stays in. {@code requestThreads}: Tomcat's request threads alone, a part of {@code app}.
   */
  record CpuPerCase(double app, double requestThreads, double jit, double harness, double database) {}

  /** A reading of the process's, its threads', the JIT compiler's and PostgreSQL's CPU time (ns). */
  record Cpu(long process, Map<String, Long> threads, long jit, long database) {
    static Cpu now(long database) {
      return new Cpu(processCpuNanos(), threadGroupCpuNanos(), compilerThreadCpuNanos(), database);
    }

    private static boolean harness(String thread) {
      return thread.startsWith("bench-") || thread.startsWith("HttpClient-") || thread.startsWith("smtp")
          || thread.startsWith("imap") || thread.equals("main");
    }

    private long threads(java.util.function.Predicate<String> which) {
      return threads.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    CpuPerCase minus(Cpu before, int count) {
      long harness = threads(Cpu::harness) - before.threads(Cpu::harness);
      long requests = threads(t -> t.startsWith("http-nio-")) - before.threads(t -> t.startsWith("http-nio-"));
      long jitTime = jit - before.jit;
      return new CpuPerCase((process - before.process - harness - jitTime) / 1e6 / count, requests / 1e6 / count,
          jitTime / 1e6 / count, harness / 1e6 / count, (database - before.database) / 1e6 / count);
    }

    String threadsSince(Cpu before, int count) {
      StringBuilder out = new StringBuilder();
      // Threads that ended meanwhile (the job executor's, stopped for the phase) are left out.
      threads.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue() - before.threads.getOrDefault(e.getKey(), 0L)))
          .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
          .forEach(e -> out.append(String.format(Locale.ROOT, "%s=%.2f ", e.getKey(), e.getValue() / 1e6 / count)));
      return out.toString().strip();
    }
  }

  @Test
  void intakeAgainstTheBareEngine() throws Exception {
    Map<String, Object> variables = variablesOfARealCase();
    IntFunction<HttpRequest> intake = i -> HttpRequest.newBuilder(uri("/api/cases"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"channel":"WEB_FORM","customer":{"name":"Bench Customer %d","email":"bench.%d.%d@example.com"},
             "orderNumber":"EC-100001","productSku":"KW-PAN-28","requestType":"RETURN",
             "subject":"My pan %d","message":"The coating comes off after two weeks. Order EC-100001."}"""
            .formatted(i, System.nanoTime(), i, i)))
        .build();
    String startBody = startBody(variables);
    IntFunction<HttpRequest> bare =
        i -> HttpRequest.newBuilder(uri("/engine-rest/process-definition/key/service-case/start"))
            .header("Content-Type", "application/json").header("Authorization", basic("admin", "admin"))
            .POST(HttpRequest.BodyPublishers.ofString(startBody)).build();

    // Warm up both paths (JIT, caches, connection pools), then measure each at the same arrival rate.
    run("warm-up intake", intake, WARM_UP, 50);
    run("warm-up engine", bare, WARM_UP, 50);
    Result engineResult =
        run("bare engine: POST /engine-rest/.../service-case/start", bare, (int) (RATE * SECONDS), RATE);
    Result intakeResult = run("platform intake: POST /api/cases", intake, (int) (RATE * SECONDS), RATE);

    String report = report(engineResult, intakeResult, variables.size());
    System.out.println(report);
    Path out = Path.of("target", "bench", "case-intake.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    assertThat(intakeResult.ok()).as("every intake request answered 201").isEqualTo(intakeResult.sent());
    assertThat(engineResult.ok()).as("every engine start answered 200").isEqualTo(engineResult.sent());
  }

  /** The start variables of a case opened through the intake: what the bare engine is given. */
  private Map<String, Object> variablesOfARealCase() throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/cases"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"channel":"WEB_FORM","customer":{"name":"Template Customer","email":"bench.template@example.com"},
             "orderNumber":"EC-100001","productSku":"KW-PAN-28","requestType":"RETURN",
             "subject":"Template","message":"The coating comes off after two weeks. Order EC-100001."}"""))
        .build(), HttpResponse.BodyHandlers.ofString());
    String caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .singleResult().getId();
    Map<String, Object> variables = new java.util.TreeMap<>();
    history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().orderByTime().asc().list()
        .stream().map(d -> (org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
        .filter(u -> u.getRevision() == 0 && u.getActivityInstanceId() != null
            && u.getActivityInstanceId().equals(instance))
        .forEach(u -> variables.putIfAbsent(u.getVariableName(), u.getValue()));
    assertThat(variables).as("start variables of " + caseNumber).isNotEmpty();
    return variables;
  }

  private static String startBody(Map<String, Object> variables) throws Exception {
    var vars = JSON.createObjectNode();
    variables.forEach((name, value) -> {
      var v = vars.putObject(name);
      if (value == null) v.putNull("value");
      else if (value instanceof Number n && !(value instanceof Double))
        v.put("value", n.longValue()).put("type",
            value instanceof Integer ? "Integer" : "Long");
      else if (value instanceof Double d) v.put("value", d).put("type", "Double");
      else if (value instanceof Boolean b) v.put("value", b).put("type", "Boolean");
      else if (value instanceof java.util.Date date)
        v.put("value", new java.text.SimpleDateFormat(
            "yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date)).put("type", "Date");
      else
        v.put("value", value.toString()).put("type", "String");
    });
    var body = JSON.createObjectNode();
    body.set("variables", vars);
    body.put("businessKey", "BENCH");
    return JSON.writeValueAsString(body);
  }

  private Result run(String name, IntFunction<HttpRequest> request, int count, double rate) throws Exception {
    engine.getJobExecutor().shutdown(); // the opening transaction alone; jobs are drained below
    Cpu before = Cpu.now(databaseCpuNanos());
    assertThat(before.database()).as("PostgreSQL's CPU is readable").isPositive();
    ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger ok = new AtomicInteger();
    List<CompletableFuture<?>> all = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-clock"));
    long start = System.nanoTime();
    long interval = (long) (1_000_000_000L / rate);
    for (int i = 0; i < count; i++) {
      int n = i;
      long intended = start + n * interval;
      clock.schedule(() -> all.add(http.sendAsync(request.apply(n), HttpResponse.BodyHandlers.ofString())
          .whenComplete((response, failure) -> {
            latencies.add((System.nanoTime() - intended) / 1e6);
            if (failure == null && response.statusCode() / 100 == 2) ok.incrementAndGet();
            else if (failure == null && ok.get() < 3)
              System.err.println(name + ": " + response.statusCode() + " " + response.body());
          })), Math.max(0, intended - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    clock.shutdown();
    clock.awaitTermination(1, TimeUnit.HOURS);
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    Cpu opened = Cpu.now(databaseCpuNanos());
    System.out.println(name + ", Java threads, CPU ms/case: " + opened.threadsSince(before, count));

    // The asynchronous work the cases left (acknowledgement, its mail through the outbox): drained with the job
    // executor back on, and measured apart.
    engine.getJobExecutor().start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (count("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())"
        + " and suspension_state_ = 1") + count(
            "select count(*) from aftersales.outbound_mail where status in"
                + " ('PENDING', 'SENDING') and next_attempt_at <= now()") > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Cpu drained = Cpu.now(databaseCpuNanos());
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(name, count, ok.get(), seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), opened.minus(before, count),
        drained.minus(opened, count));
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU of this JVM's Java threads by name without digits (a pool's threads together); ended threads are lost. */
  private static Map<String, Long> threadGroupCpuNanos() {
    var threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> cpu = new java.util.HashMap<>();
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) cpu.merge(info.getThreadName().replaceAll("\\d+", "#"), nanos, Long::sum);
    }
    return cpu;
  }

  /** CPU of the JIT compiler's threads (C1 and C2, native threads that the thread MX bean does not list). */
  private static long compilerThreadCpuNanos() {
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.mapToLong(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          return comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? procTicks(stat) * 10_000_000L : 0;
        } catch (java.io.IOException e) {
          return 0; // a thread that ended meanwhile
        }
      }).sum();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * CPU of the embedded PostgreSQL: its postmaster (found by its port; pg_ctl starts it detached), with the
   * time of its exited children, and its live backends.
   */
  private long databaseCpuNanos() {
    String port = Integer.toString(postgres.getPort());
    long ticks = ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains(port)).orElse(false))
        .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
            postmaster.descendants()))
        .mapToLong(p -> procTicks(p.pid())).sum();
    return ticks * 10_000_000L; // USER_HZ = 100 on Linux
  }

  private static long procTicks(long pid) {
    try {
      return procTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (Exception e) {
      return 0; // a backend that ended meanwhile: its time is in the postmaster's cutime
    }
  }

  /** utime + stime + cutime + cstime of a /proc stat line (fields 14-17; 11-14 after the command name). */
  private static long procTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
  }

  private String report(Result engineRun, Result intakeRun, int variableCount) {
    StringBuilder out = new StringBuilder();
    out.append("# Case intake benchmark\n\n");
    out.append(String.format(Locale.ROOT,
        "Arrival rate %.1f/s for %d s (open loop), %d start variables, %d cores, %s.%n%n",
        RATE, SECONDS, variableCount, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    out.append("| path | sent | ok | achieved/s | p50 ms | p99 ms | max ms | app CPU ms/case | of it request"
        + " threads | DB CPU ms/case | async app + DB CPU ms/case | JIT ms/case | harness ms/case |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Result r : List.of(engineRun, intakeRun)) {
      CpuPerCase o = r.opening();
      out.append(String.format(Locale.ROOT,
          "| %s | %d | %d | %.1f | %.0f | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f + %.1f | %.1f | %.1f |%n", r.name(),
          r.sent(), r.ok(), r.ok() / r.seconds(), r.p50(), r.p99(), r.max(), o.app(), o.requestThreads(),
          o.database(), r.async().app(), r.async().database(), o.jit(), o.harness()));
    }
    double engineCpu = engineRun.opening().app() + engineRun.opening().database();
    double intakeCpu = intakeRun.opening().app() + intakeRun.opening().database();
    int cores = Runtime.getRuntime().availableProcessors();
    out.append(String.format(Locale.ROOT, "%nCPU-bound capacity of the opening transaction on this machine: bare engine"
        + " %.0f/s, platform intake %.0f/s (intake costs %.2fx the bare engine's CPU).%n", 1000.0 * cores / engineCpu,
        1000.0 * cores / intakeCpu, intakeCpu / engineCpu));
    return out.toString();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
