package io.aftersales.mail;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** One Tasklist task per outage for the team leads. */
class TeamLeadAlertsTest {
  private static final Instant SINCE = Instant.ofEpochMilli(1_772_438_400_123L);
  private final TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
  private final TeamLeadAlerts alerts = new TeamLeadAlerts(tasks);

  @Test
  void anOutageBecomesATaskForTheTeamLeads() {
    String id = "mail-outage-1772438400123";
    when(tasks.createTaskQuery().taskId(id).count()).thenReturn(0L);
    Task task = mock(Task.class);
    when(tasks.newTask(id)).thenReturn(task);
    alerts.raise("mail-outage", SINCE, "Customer mail cannot be sent", "details");
    verify(task).setName("Customer mail cannot be sent");
    verify(task).setDescription("details");
    verify(task).setPriority(90);
    verify(tasks).saveTask(task);
    verify(tasks).addCandidateGroup(id, "team-lead");
  }

  @Test
  void anOutageAlertedBeforeCreatesNothing() {
    when(tasks.createTaskQuery().taskId("mailbox-outage-1772438400123").count()).thenReturn(1L);
    alerts.raise("mailbox-outage", SINCE, "x", "y");
    verify(tasks, never()).newTask(anyString());
    verify(tasks, never()).saveTask(any());
    verify(tasks, never()).addCandidateGroup(anyString(), anyString());
  }
}
