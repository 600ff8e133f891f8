package io.aftersales.mail;

import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the team leads that a part of the mail pipeline is down: a Tasklist task for group
 * {@code team-lead}, one per outage (its id names the outage, so a repeated alert creates nothing).
 */
@Component
record TeamLeadAlerts(TaskService tasks) {
  private static final Logger log = LoggerFactory.getLogger(TeamLeadAlerts.class);

  /** Raises the alert of the outage that began at {@code since}, unless it was raised already. */
  void raise(String kind, Instant since, String name, String description) {
    String id = kind + "-" + since.toEpochMilli();
    if (tasks.createTaskQuery().taskId(id).count() > 0) return;
    Task task = tasks.newTask(id);
    task.setName(name);
    task.setDescription(description);
    task.setPriority(90);
    tasks.saveTask(task);
    tasks.addCandidateGroup(id, "team-lead");
    log.error("Team leads alerted: {} (since {})", name, since);
  }
}
