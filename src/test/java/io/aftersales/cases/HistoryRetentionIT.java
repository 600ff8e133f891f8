package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.IntegrationTestSupport;
import java.util.Calendar;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 6, promise 12: history is removed when its retention ends, by a cleanup that actually runs. */
class HistoryRetentionIT extends IntegrationTestSupport {
  @Autowired
  HistoryService history;
  @Autowired
  ProcessEngineConfiguration engineConfiguration;

  @Test
  void theNightlyCleanupIsScheduledInItsWindowAndRemovesByRemovalTime() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engineConfiguration;
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("04:00");

    // Without a window Camunda never schedules the cleanup job; with it, the job waits for the window.
    var jobs = history.findHistoryCleanupJobs();
    assertThat(jobs).isNotEmpty();
    for (Job job : jobs) {
      Calendar due = Calendar.getInstance();
      due.setTime(job.getDuedate());
      int hour = due.get(Calendar.HOUR_OF_DAY);
      assertThat(hour).as("due " + job.getDuedate()).isBetween(1, 3);
    }
  }
}
