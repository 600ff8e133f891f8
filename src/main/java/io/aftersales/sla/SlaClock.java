package io.aftersales.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One service-level clock of a case: a customer target (first reply, next reply, resolution) or a department's
 * turnaround of one step (OLA). The policy's target, calendar and warning share are copied in when it starts, so a
 * changed policy never moves a running clock. Transitions are guarded here: a stopped clock never runs again
 * (unless the case is reopened), a warning and a breach are recorded once each.
 */
@Entity
@Table(name = "sla_clock")
class SlaClock {
  enum State {
    RUNNING, PAUSED, STOPPED
  }

  /** What a person sees: due, at risk (past the warning share), breached, paused, met. */
  enum Status {
    DUE("due"), AT_RISK("at risk"), BREACHED("breached"), PAUSED("paused"), MET("met");

    final String words;

    Status(String words) {
      this.words = words;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  @Enumerated(EnumType.STRING)
  private SlaMetric metric;
  private String policy;
  private String target;
  private String calendar;
  private int warningPercent;
  private boolean escalate;
  private String department;
  private String taskId;
  private String step;
  @Enumerated(EnumType.STRING)
  private State state;
  private Instant startedAt;
  private Instant dueAt;
  private Instant warningAt;
  private Instant pausedAt;
  private int pausedCount;
  private Instant warnedAt;
  private Instant breachedAt;
  private Instant stoppedAt;
  private String processInstanceId;
  private String expediteNote;
  private String expeditedBy;
  private Instant expeditedAt;
  @Version
  private long version;

  protected SlaClock() {}

  SlaClock(Long caseId, SlaMetric metric, String policy, String target, String calendar, int warningPercent,
      boolean escalate, Instant startedAt, Instant dueAt, Instant warningAt) {
    this.caseId = caseId;
    this.metric = metric;
    this.policy = policy;
    this.target = target;
    this.calendar = calendar;
    this.warningPercent = warningPercent;
    this.escalate = escalate;
    this.state = State.RUNNING;
    this.startedAt = startedAt;
    this.dueAt = dueAt;
    this.warningAt = warningAt;
  }

  /** An OLA clock: the step, its department and its task. */
  SlaClock forStep(String department, String taskId, String step) {
    this.department = department;
    this.taskId = taskId;
    this.step = step;
    return this;
  }

  /** We wait on the customer: the clock stands still. False if it was not running. */
  boolean pause(Instant now) {
    if (state != State.RUNNING) return false;
    state = State.PAUSED;
    pausedAt = now;
    pausedCount++;
    return true;
  }

  /**
   * Runs again with the due and warning times moved by the pause (computed by the caller in the clock's time). False
   * if it was not paused.
   */
  boolean resume(Instant newDue, Instant newWarning) {
    if (state != State.PAUSED) return false;
    state = State.RUNNING;
    pausedAt = null;
    if (breachedAt == null) {
      dueAt = newDue;
      if (warnedAt == null) warningAt = newWarning;
    }
    return true;
  }

  /** The target is reached (answered, resolved, step done) or no longer applies. False if it was stopped. */
  boolean stop(Instant now) {
    if (state == State.STOPPED) return false;
    state = State.STOPPED;
    stoppedAt = now;
    pausedAt = null;
    return true;
  }

  /** A reopened case: its resolution clock runs again from where it stopped. False if it was not stopped. */
  boolean restart(Instant newDue, Instant newWarning) {
    if (state != State.STOPPED) return false;
    state = State.RUNNING;
    stoppedAt = null;
    if (breachedAt == null) {
      dueAt = newDue;
      if (warnedAt == null) warningAt = newWarning;
    }
    return true;
  }

  /** True the first time, while the clock runs and the target is not yet breached. */
  boolean warn(Instant now) {
    if (state != State.RUNNING || warnedAt != null || breachedAt != null) return false;
    warnedAt = now;
    return true;
  }

  /** True the first time, while the clock runs. */
  boolean breach(Instant now) {
    if (state != State.RUNNING || breachedAt != null) return false;
    breachedAt = now;
    return true;
  }

  void expedited(String note, String by, Instant at) {
    expediteNote = io.aftersales.shared.Texts.shorten(note, 4000);
    expeditedBy = by;
    expeditedAt = at;
  }

  void runsIn(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  Status status(Instant now) {
    if (breachedAt != null || state != State.STOPPED && state != State.PAUSED && !now.isBefore(dueAt)) {
      return Status.BREACHED;
    }
    if (state == State.STOPPED) return Status.MET;
    if (state == State.PAUSED) return Status.PAUSED;
    return warnedAt != null || !now.isBefore(warningAt) ? Status.AT_RISK : Status.DUE;
  }

  Long getId() { return id; }
  Long getCaseId() { return caseId; }
  SlaMetric getMetric() { return metric; }
  String getPolicy() { return policy; }
  String getTarget() { return target; }
  String getCalendar() { return calendar; }
  int getWarningPercent() { return warningPercent; }
  boolean isEscalate() { return escalate; }
  String getDepartment() { return department; }
  String getTaskId() { return taskId; }
  String getStep() { return step; }
  State getState() { return state; }
  Instant getStartedAt() { return startedAt; }
  Instant getDueAt() { return dueAt; }
  Instant getWarningAt() { return warningAt; }
  Instant getPausedAt() { return pausedAt; }
  int getPausedCount() { return pausedCount; }
  Instant getWarnedAt() { return warnedAt; }
  Instant getBreachedAt() { return breachedAt; }
  Instant getStoppedAt() { return stoppedAt; }
  String getProcessInstanceId() { return processInstanceId; }
  String getExpediteNote() { return expediteNote; }
  String getExpeditedBy() { return expeditedBy; }
  Instant getExpeditedAt() { return expeditedAt; }
}
