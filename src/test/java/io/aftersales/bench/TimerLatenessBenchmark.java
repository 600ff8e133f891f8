package io.aftersales.bench;

import io.aftersales.IntegrationTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How late due timers fire: (1) after the engine has been idle for {@code bench.idle} seconds (default 600), timers
 * that waited through the quiet spell; (2) under load, {@code bench.timers} timers due at the same second while web
 * form cases arrive at {@code bench.rate} per second. Lateness = the timer event's end minus its due time.
 *
 * <p>Not a test: run with {@code mvn -Pbench verify -Dit.test=TimerLatenessBenchmark} ({@code -Dbench.idle=600
 * -Dbench.timers=200 -Dbench.rate=10}); the report goes to standard output and {@code target/bench/timer-lateness.md}.
 */
class TimerLatenessBenchmark extends IntegrationTestSupport {
  private static final int IDLE = Integer.getInteger("bench.idle", 600);
  private static final int TIMERS = Integer.getInteger("bench.timers", 200);
  private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "10"));

  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;

  @Test
  void timersAfterIdleAndUnderLoad() throws Exception {
    repository.createDeployment().name("timer lateness").addModelInstance("timer-lateness.bpmn",
        Bpmn.createExecutableProcess("timer-lateness").camundaHistoryTimeToLive(1).startEvent()
            .intermediateCatchEvent("Wait").timerWithDate("${due}").endEvent().done())
        .deploy();

    // 1. Idle: ten timers spread over the last minute of a quiet spell.
    Instant quietEnds = Instant.now().plusSeconds(IDLE);
    List<String> idle = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      idle.add(start(quietEnds.minusSeconds(60).plusSeconds(6L * i)));
    }
    Thread.sleep(Duration.between(Instant.now(), quietEnds).toMillis() + 10_000);
    List<Long> afterIdle = lateness(idle, Duration.ofMinutes(2));

    // 2. Load: many timers due at once while cases arrive through the web form API.
    Instant due = Instant.now().plusSeconds(20);
    List<String> loaded = new ArrayList<>();
    for (int i = 0; i < TIMERS; i++)
      loaded.add(start(due));
    ExecutorService clients = Executors.newFixedThreadPool(8);
    long interval = (long) (1000 / RATE);
    Instant loadEnds = due.plusSeconds(30);
    int n = 0;
    for (Instant next = Instant.now(); next.isBefore(loadEnds); next = next.plusMillis(interval), n++) {
      long wait = Duration.between(Instant.now(), next).toMillis();
      if (wait > 0) Thread.sleep(wait);
      int id = n;
      clients.submit(() -> post("/api/cases", """
          {"channel":"WEB_FORM","customer":{"email":"load-%d@bench.example"},"subject":"Load","message":"Hello"}"""
          .formatted(id), json()));
    }
    clients.shutdown();
    clients.awaitTermination(2, TimeUnit.MINUTES);
    List<Long> underLoad = lateness(loaded, Duration.ofMinutes(5));

    String report = "# Timer lateness\n\n| phase | timers | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n"
        + row("after " + IDLE + " s idle", afterIdle) + row(TIMERS + " due at once, " + RATE + " cases/s", underLoad);
    System.out.println(report);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/timer-lateness.md"), report);
  }

  private String start(Instant due) {
    return runtime.startProcessInstanceByKey("timer-lateness", Map.of("due", Date.from(due))).getId();
  }

  private List<Long> lateness(List<String> instances, Duration within) throws InterruptedException {
    Instant until = Instant.now().plus(within);
    List<Long> late = new ArrayList<>();
    for (String id : instances) {
      HistoricActivityInstance wait = null;
      while (Instant.now().isBefore(until)) {
        wait = history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("Wait").finished()
            .singleResult();
        if (wait != null) break;
        Thread.sleep(200);
      }
      if (wait == null) throw new IllegalStateException("timer of " + id + " never fired");
      Date due = (Date) history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("due")
          .singleResult().getValue();
      late.add(wait.getEndTime().getTime() - due.getTime());
    }
    return late;
  }

  private static String row(String phase, List<Long> late) {
    List<Long> sorted = late.stream().sorted().toList();
    return "| " + phase + " | " + sorted.size() + " | " + sorted.get(sorted.size() / 2) + " | "
        + sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) + " | "
        + sorted.get(sorted.size() - 1) + " |\n";
  }
}
