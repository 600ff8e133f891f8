package io.aftersales.cases;

import io.aftersales.shared.IsoDurations;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.task-olas.<task id>}: the turnaround a department owes for a back-office step that has no timer of
 * its own in the model (ISO 8601 days, hours, minutes in business time of the department's calendar), e.g.
 * {@code UserTask_BookShipment: PT4H}. The task is due that long after it is created; a step whose model has an OLA
 * timer is due when the timer fires instead. A wrong value fails the start-up.
 */
@ConfigurationProperties("aftersales")
public record TaskOlas(Map<String, String> taskOlas) {
  public TaskOlas {
    taskOlas = taskOlas == null ? Map.of() : Map.copyOf(taskOlas);
    taskOlas.forEach((task, ola) -> IsoDurations.businessChecked("aftersales.task-olas." + task, ola));
  }

  /** The step's OLA, or null. */
  String of(String taskDefinitionKey) {
    return taskDefinitionKey == null ? null : taskOlas.get(taskDefinitionKey);
  }
}
