package io.aftersales.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for other views: a case's service levels as staff see them (the case view, Tasklist's Case tab). */
@Service
public class ServiceLevels {
  private final SlaClocks clocks;
  private final Clock clock;

  ServiceLevels(SlaClocks clocks, Clock clock) {
    this.clocks = clocks;
    this.clock = clock;
  }

  /**
   * One clock of a case: what it measures in words, its policy and target in words, its status now (due, at risk,
   * breached, paused, met), when it started, is due, warned, breached, stopped; for a step, its department; and what
   * the team lead did about it.
   */
  public record ServiceLevel(String measure, String policy, String target, String status, Instant startedAt,
      Instant dueAt, Instant warnedAt, Instant breachedAt, Instant stoppedAt, int pauses, String department,
      String expediteNote, String expeditedBy) {}

  @Transactional(readOnly = true)
  public List<ServiceLevel> of(Long caseId) {
    Instant now = clock.instant();
    return clocks.of(caseId).stream().map(k -> new ServiceLevel(clocks.describe(k), k.getPolicy(), clocks.target(k),
        k.status(now).words, k.getStartedAt(), k.getDueAt(), k.getWarnedAt(), k.getBreachedAt(), k.getStoppedAt(),
        k.getPausedCount(), k.getDepartment(), k.getExpediteNote(), k.getExpeditedBy())).toList();
  }
}
