package io.aftersales.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftersales.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A due timer fires within 5 seconds of its due time after the job executor has gone idle (Camunda's default idle
 * back-off lets it wait up to 60 s). The long-idle and under-load figures are {@code TimerLatenessBenchmark}'s.
 */
class TimerPunctualityIT extends IntegrationTestSupport {
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ProcessEngineConfiguration engine;

  @Test
  void theJobExecutorNeverSleepsLongerThanThreeSeconds() {
    var executor = ((ProcessEngineConfigurationImpl) engine).getJobExecutor();
    assertThat(executor.getMaxWait()).isLessThanOrEqualTo(3000);
    assertThat(executor.getWaitTimeInMillis()).isLessThanOrEqualTo(1000);
  }

  @Test
  void aTimerDueAfterAQuietSpellFiresWithinFiveSeconds() throws Exception {
    repository.createDeployment().name("timer punctuality").addModelInstance("timer-punctuality.bpmn",
        Bpmn.createExecutableProcess("timer-punctuality").camundaHistoryTimeToLive(1).startEvent()
            .intermediateCatchEvent("Wait").timerWithDate("${due}").endEvent("Fired").done())
        .deploy();
    // The timer waits through a quiet spell several times the executor's longest back-off, as an OLA timer waits
    // through a quiet night: nothing else wakes the executor when it falls due.
    Instant due = Instant.now().plusSeconds(15);
    String instance = runtime.startProcessInstanceByKey("timer-punctuality", Map.of("due", Date.from(due))).getId();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> history
        .createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1);
    Instant fired = history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Wait")
        .singleResult().getEndTime().toInstant();
    Duration late = Duration.between(due, fired);
    System.out.println("Timer lateness after a quiet spell: " + late.toMillis() + " ms");
    assertThat(late).isLessThan(Duration.ofSeconds(5));
  }
}
