package io.aftersales.sla;

import io.aftersales.calendar.BusinessCalendar;
import io.aftersales.calendar.BusinessCalendars;
import io.aftersales.cases.ServiceCaseProcess;
import io.aftersales.cases.ServiceCases;
import io.aftersales.mail.StaffMail;
import io.aftersales.shared.IsoDurations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-level clocks of the cases. The table holds each clock's state; the engine holds only its timers
 * ({@code service-level-clock}, one instance per running stretch of a clock). Every change of a case's clocks
 * happens under a lock of the case row, in the transaction of the event that causes it (an answer, a reply, a step),
 * so parallel events of one case never start a clock twice or lose a pause.
 */
@Service
@Transactional
class SlaClocks {
  private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM. HH:mm");

  /** The service case's task that each customer target waits on: its due date is that target's. */
  static final Map<String, SlaMetric> ANSWERING_TASKS = Map.of(
      ServiceCaseProcess.USER_TASK_REVIEW_CASE, SlaMetric.FIRST_REPLY,
      ServiceCaseProcess.USER_TASK_HANDLE_CUSTOMER_REPLY, SlaMetric.NEXT_REPLY,
      ServiceCaseProcess.USER_TASK_RESOLVE_CASE, SlaMetric.RESOLUTION);

  /** Who hears of a service level in danger. */
  static final String TEAM_LEAD = "team-lead";

  private final SlaClockRepository clocks;
  private final SlaSettings settings;
  private final BusinessCalendars calendars;
  private final ServiceCases cases;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final StaffMail mail;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  SlaClocks(SlaClockRepository clocks, SlaSettings settings, BusinessCalendars calendars, ServiceCases cases,
      RuntimeService runtime, TaskService tasks, StaffMail mail, JdbcTemplate jdbc, Clock clock) {
    this.clocks = clocks;
    this.settings = settings;
    this.calendars = calendars;
    this.cases = cases;
    this.runtime = runtime;
    this.tasks = tasks;
    this.mail = mail;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  // ---- what happens to a case --------------------------------------------------------------------------------

  /** A case opened: its first reply and resolution clocks start, by the policy that applies to it now. */
  void opened(Long caseId) {
    List<SlaClock> existing = lock(caseId);
    ServiceCases.Summary c = cases.summary(caseId);
    SlaSettings.Policy policy = settings.policyFor(profile(c));
    Instant now = clock.instant();
    if (open(existing, SlaMetric.FIRST_REPLY).isEmpty()) start(c, policy, SlaMetric.FIRST_REPLY, now);
    if (existing.stream().noneMatch(k -> k.getMetric() == SlaMetric.RESOLUTION)) {
      start(c, policy, SlaMetric.RESOLUTION, now);
    }
    refresh(caseId);
  }

  /** A person answered: the first reply and a waiting next reply are met. */
  void answered(Long caseId, Instant at) {
    for (SlaClock k : lock(caseId)) {
      if ((k.getMetric() == SlaMetric.FIRST_REPLY || k.getMetric() == SlaMetric.NEXT_REPLY)) stop(k, at);
    }
    refresh(caseId);
  }

  /** The agent read the customer's message and decided no answer is needed: the next reply is met. */
  void replyHandledWithoutAnswer(Long caseId) {
    Instant now = clock.instant();
    for (SlaClock k : lock(caseId)) {
      if (k.getMetric() == SlaMetric.NEXT_REPLY) stop(k, now);
    }
    refresh(caseId);
  }

  /** When an answering task of the service case is due: when the customer target it serves is, if one runs. */
  @Transactional(readOnly = true)
  Optional<Instant> dueOf(Long caseId, String taskDefinitionKey) {
    if (!ANSWERING_TASKS.containsKey(taskDefinitionKey)) return Optional.empty();
    return dueOf(taskDefinitionKey, clocks.findByCaseIdOrderByStartedAtAscIdAsc(caseId));
  }

  /** The due time of the newest running clock of the target an answering task serves. */
  private static Optional<Instant> dueOf(String taskDefinitionKey, List<SlaClock> all) {
    SlaMetric metric = ANSWERING_TASKS.get(taskDefinitionKey);
    return all.stream().filter(k -> k.getMetric() == metric && k.getState() == SlaClock.State.RUNNING)
        .max(Comparator.comparing(SlaClock::getStartedAt)).map(SlaClock::getDueAt);
  }

  /**
   * The customer wrote: a next reply is owed (unless the first is still owed, or a next one already), and a clock
   * paused for the customer runs again.
   */
  void customerWrote(Long caseId, Instant at) {
    List<SlaClock> existing = lock(caseId);
    for (SlaClock k : existing)
      resume(k, at);
    boolean firstOwed = open(existing, SlaMetric.FIRST_REPLY).isPresent();
    if (!firstOwed && open(existing, SlaMetric.NEXT_REPLY).isEmpty()) {
      SlaClock first = existing.stream().filter(k -> k.getMetric() != SlaMetric.OLA).findFirst().orElse(null);
      ServiceCases.Summary c = cases.summary(caseId);
      // The policy the case opened with (its snapshot), so a changed policy never reaches an open case.
      SlaSettings.Policy policy = first == null ? settings.policyFor(profile(c)) : snapshot(first);
      start(c, policy, SlaMetric.NEXT_REPLY, at);
    }
    refresh(caseId);
  }

  /** The case waits on the customer (documents, payment, an answer, their parcel): resolution stands still. */
  void waitingForCustomer(Long caseId) {
    Instant now = clock.instant();
    for (SlaClock k : lock(caseId)) {
      if (k.getMetric() == SlaMetric.RESOLUTION && k.pause(now)) halt(k);
    }
    refresh(caseId);
  }

  /** The case no longer waits on the customer (their answer came, or the wait ended): resolution runs again. */
  void customerWaitOver(Long caseId) {
    Instant now = clock.instant();
    for (SlaClock k : lock(caseId))
      resume(k, now);
    refresh(caseId);
  }

  /** The case closed: every customer clock stops (resolution met or breached). */
  void closed(Long caseId) {
    Instant now = clock.instant();
    for (SlaClock k : lock(caseId)) {
      if (k.getMetric() != SlaMetric.OLA) stop(k, now);
    }
    refresh(caseId);
  }

  /** A reopened case: its resolution runs again from where it stopped (the time closed does not count). */
  void reopened(Long caseId, Instant at) {
    for (SlaClock k : lock(caseId)) {
      if (k.getMetric() != SlaMetric.RESOLUTION || k.getState() != SlaClock.State.STOPPED) continue;
      Instant stoppedAt = k.getStoppedAt();
      if (k.restart(moved(k, k.getDueAt(), stoppedAt, at), moved(k, k.getWarningAt(), stoppedAt, at))) run(k);
    }
    refresh(caseId);
  }

  // ---- the departments' steps (OLA) --------------------------------------------------------------------------

  /**
   * A back-office step of a case was offered to a department with a due date: its turnaround clock starts.
   * {@code escalate}: false where the model escalates the step itself (a boundary timer to a team lead's task).
   */
  void stepStarted(Long caseId, String taskId, String step, String stepName, String department, Instant due,
      boolean escalate) {
    lock(caseId);
    if (clocks.findByTaskId(taskId).isPresent()) return;
    Instant now = clock.instant();
    String calendar = calendars.forDepartment(department).name();
    Duration span = Duration.between(now, due).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    String target = (span.isNegative() ? Duration.ZERO : span).toString();
    SlaClock k = new SlaClock(caseId, SlaMetric.OLA, "ola:" + step, target, calendar, 100, escalate, now, due, due)
        .forStep(department, taskId, stepName == null ? step : stepName);
    clocks.saveAndFlush(k);
    run(k);
  }

  /** The step was done (or cancelled): its turnaround is met or late. */
  void stepEnded(String taskId) {
    clocks.findByTaskId(taskId).ifPresent(k -> {
      lock(k.getCaseId());
      stop(k, clock.instant());
    });
  }

  // ---- the timers ----------------------------------------------------------------------------------------------

  /** {@code ServiceTask_RecordSlaWarning}: the warning share of the target passed; team leads hear of it once. */
  void warn(Long clockId) {
    SlaClock k = clocks.findById(clockId).orElseThrow();
    lock(k.getCaseId());
    if (!k.warn(clock.instant())) return;
    log.warn("Case {}: {} at risk (due {})", k.getCaseId(), describe(k), k.getDueAt());
    if (k.isEscalate()) escalate(k, "at risk");
    refresh(k.getCaseId());
  }

  /** {@code ServiceTask_RecordSlaBreach}: the target passed; recorded on the case, team leads hear of it once. */
  void breach(Long clockId) {
    SlaClock k = clocks.findById(clockId).orElseThrow();
    lock(k.getCaseId());
    if (!k.breach(clock.instant())) return;
    log.warn("Case {}: {} breached (due {})", k.getCaseId(), describe(k), k.getDueAt());
    if (k.isEscalate()) escalate(k, "breached");
    refresh(k.getCaseId());
  }

  /** The team lead's note on an escalation ({@code UserTask_ExpediteCase}), kept with the clock. */
  void expedited(Long clockId, String note, String by) {
    SlaClock k = clocks.findById(clockId).orElseThrow();
    k.expedited(note, by, clock.instant());
  }

  // ---- reading -------------------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  List<SlaClock> of(Long caseId) {
    return clocks.findByCaseIdOrderByStartedAtAscIdAsc(caseId);
  }

  /** The open back-office steps of a case past their turnaround, in words: who holds the case up. */
  @Transactional(readOnly = true)
  String lateSteps(Long caseId) {
    Instant now = clock.instant();
    List<String> late = of(caseId).stream()
        .filter(k -> k.getMetric() == SlaMetric.OLA && k.getState() != SlaClock.State.STOPPED
            && !now.isBefore(k.getDueAt()))
        .map(k -> k.getStep() + " (" + k.getDepartment() + ", due " + format(k.getDueAt(), k) + ")").toList();
    return late.isEmpty() ? "none" : String.join("; ", late);
  }

  // ---- inside --------------------------------------------------------------------------------------------------

  private List<SlaClock> lock(Long caseId) {
    // The case row is the lock of its clocks: events of one case queue here, other cases run in parallel.
    jdbc.queryForObject("select id from aftersales.service_case where id = ? for update", Long.class, caseId);
    return clocks.findByCaseIdOrderByStartedAtAscIdAsc(caseId);
  }

  private static Optional<SlaClock> open(List<SlaClock> clocks, SlaMetric metric) {
    return clocks.stream().filter(k -> k.getMetric() == metric && k.getState() != SlaClock.State.STOPPED).findFirst();
  }

  private void start(ServiceCases.Summary c, SlaSettings.Policy policy, SlaMetric metric, Instant now) {
    String calendar = SlaSettings.CALENDAR_TIME.equalsIgnoreCase(String.valueOf(policy.calendar()))
        ? null
        : calendars.get(policy.calendar()).name();
    String target = policy.target(metric);
    Instant due = calendar == null ? IsoDurations.plus(now, target) : calendars.get(calendar).plus(now, target);
    Duration span = between(calendar, now, due);
    Instant warning = plus(calendar, now, span.multipliedBy(settings.warningPercent()).dividedBy(100));
    SlaClock k = new SlaClock(c.caseId(), metric, policy.name(), target, calendar, settings.warningPercent(), true,
        now, due, warning);
    clocks.saveAndFlush(k);
    run(k);
  }

  /** The policy a clock was started with, as it was then (its copied targets). */
  private SlaSettings.Policy snapshot(SlaClock k) {
    SlaSettings.Policy now = settings.policies().stream().filter(p -> p.name().equals(k.getPolicy())).findFirst()
        .orElse(SlaSettings.STANDARD);
    return new SlaSettings.Policy(k.getPolicy(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
        java.util.Set.of(), now.firstReply(), now.nextReply(), now.resolution(),
        k.getCalendar() == null ? SlaSettings.CALENDAR_TIME : k.getCalendar());
  }

  private void resume(SlaClock k, Instant at) {
    if (k.getState() != SlaClock.State.PAUSED) return;
    Instant pausedAt = k.getPausedAt();
    if (k.resume(moved(k, k.getDueAt(), pausedAt, at), moved(k, k.getWarningAt(), pausedAt, at))) run(k);
  }

  /** A time the clock stood still from {@code since} to {@code now}: the time it had left then, counted from now. */
  private Instant moved(SlaClock k, Instant time, Instant since, Instant now) {
    return plus(k.getCalendar(), now, between(k.getCalendar(), since, time));
  }

  private void stop(SlaClock k, Instant at) {
    if (!k.stop(at)) return;
    halt(k);
    if (k.getWarnedAt() != null && k.getBreachedAt() == null) {
      // The team lead's warning task has done its job: the target was met.
      runtime.createMessageCorrelation(SlaEscalationProcess.MESSAGE_SERVICE_LEVEL_MET)
          .processInstanceVariableEquals(SlaEscalationProcess.SLA_CLOCK_ID.name(), k.getId()).correlateAllWithResult();
    }
  }

  /** Starts the clock's timers for its current stretch. */
  private void run(SlaClock k) {
    if (k.getBreachedAt() != null) return; // nothing left to time: the breach is recorded, the clock only stops
    ServiceCases.Summary c = cases.summary(k.getCaseId());
    Map<String, Object> variables = new HashMap<>();
    variables.put(ServiceLevelClockProcess.SLA_CLOCK_ID.name(), k.getId());
    variables.put(ServiceLevelClockProcess.CASE_ID.name(), k.getCaseId());
    variables.put(ServiceLevelClockProcess.CASE_NUMBER.name(), c.caseNumber());
    variables.put(ServiceLevelClockProcess.SLA_DUE_AT.name(), Date.from(k.getDueAt()));
    variables.put(ServiceLevelClockProcess.SLA_WARNING_AT.name(), Date.from(k.getWarningAt()));
    variables.put(ServiceLevelClockProcess.SLA_WARNED.name(),
        k.getWarnedAt() != null || k.getMetric() == SlaMetric.OLA);
    // No business key: the clock's timers are not work on the case (its procedures and tasks carry the case number);
    // the case's clocks are found by their variables and in the clock table.
    k.runsIn(runtime.startProcessInstanceByKey(ServiceLevelClockProcess.KEY, variables).getId());
  }

  private void halt(SlaClock k) {
    if (k.getProcessInstanceId() == null) return;
    runtime.createMessageCorrelation(ServiceLevelClockProcess.MESSAGE_CLOCK_HALTED)
        .processInstanceId(k.getProcessInstanceId()).correlateAllWithResult();
  }

  private void escalate(SlaClock k, String event) {
    ServiceCases.Summary c = cases.summary(k.getCaseId());
    String late = lateSteps(k.getCaseId());
    Map<String, Object> variables = new HashMap<>();
    variables.put(SlaEscalationProcess.SLA_CLOCK_ID.name(), k.getId());
    variables.put(SlaEscalationProcess.CASE_ID.name(), k.getCaseId());
    variables.put(SlaEscalationProcess.CASE_NUMBER.name(), c.caseNumber());
    variables.put(SlaEscalationProcess.CUSTOMER_NAME.name(), c.customerName());
    variables.put(SlaEscalationProcess.SUBJECT.name(), c.subject());
    variables.put(SlaEscalationProcess.SLA_EVENT.name(), event);
    variables.put(SlaEscalationProcess.SERVICE_LEVEL.name(), describe(k));
    variables.put(SlaEscalationProcess.SLA_TARGET.name(), target(k) + "; due " + format(k.getDueAt(), k) + " ("
        + zone(k) + ")");
    variables.put(SlaEscalationProcess.SLA_DUE_AT.name(), Date.from(k.getDueAt()));
    variables.put(SlaEscalationProcess.LATE_STEPS.name(), late);
    runtime.startProcessInstanceByKey(SlaEscalationProcess.KEY, c.caseNumber(), variables);
    String body = "Case " + c.caseNumber() + " (\"" + c.subject() + "\", " + c.customerName() + "): "
        + describe(k) + " is " + event + ".\nTarget: " + target(k) + ", due " + format(k.getDueAt(), k) + " ("
        + zone(k) + ").\nBack-office steps past their turnaround: " + late
        + "\n\nA task \"Expedite case\" waits for the team leads in Tasklist.";
    mail.send(List.of(TEAM_LEAD), k.getCaseId(), c.caseNumber(),
        "sla-" + (k.getBreachedAt() != null ? "breach" : "warning") + "-"
            + k.getId(),
        describe(k) + " " + event, body);
  }

  /** Keeps the service case's card variable and its answering tasks' due dates in step with the clocks. */
  private void refresh(Long caseId) {
    Instant now = clock.instant();
    List<SlaClock> all = clocks.findByCaseIdOrderByStartedAtAscIdAsc(caseId);
    String number = cases.summary(caseId).caseNumber();
    String words = all.stream().filter(k -> k.getMetric() != SlaMetric.OLA && k.getState() != SlaClock.State.STOPPED)
        .min(Comparator.comparing((SlaClock k) -> k.status(now) == SlaClock.Status.PAUSED)
            .thenComparing(SlaClock::getDueAt))
        .map(k -> cardText(k, now))
        .orElse(null);
    var instances = runtime.createProcessInstanceQuery().processDefinitionKey(ServiceCaseProcess.KEY)
        .processInstanceBusinessKey(number).active().list();
    for (var instance : instances) {
      if (!java.util.Objects.equals(runtime.getVariable(instance.getId(), ServiceCaseProcess.SERVICE_LEVEL.name()),
          words)) {
        runtime.setVariable(instance.getId(), ServiceCaseProcess.SERVICE_LEVEL.name(), words);
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
        dueByClock(task, all);
      }
    }
  }

  /** "First reply due 07.12. 10:45", "Resolution at risk, due 09.12. 10:00", "Resolution paused". */
  String cardText(SlaClock k, Instant now) {
    SlaClock.Status status = k.status(now);
    return switch (status) {
      case DUE -> k.getMetric().words() + " due " + format(k.getDueAt(), k);
      case PAUSED -> k.getMetric().words() + " paused (waiting for the customer)";
      default -> k.getMetric().words() + " " + status.words + ", due " + format(k.getDueAt(), k);
    };
  }

  /** An answering task of the service case is due when the customer target it serves is. */
  void dueByClock(Task task, List<SlaClock> all) {
    if (!ANSWERING_TASKS.containsKey(task.getTaskDefinitionKey())) return;
    dueOf(task.getTaskDefinitionKey(), all).map(Date::from)
        .filter(due -> !due.equals(task.getDueDate())).ifPresent(due -> {
          task.setDueDate(due);
          tasks.saveTask(task);
        });
  }

  String describe(SlaClock k) {
    return k.getMetric() == SlaMetric.OLA
        ? "Turnaround of " + k.getStep() + " (" + k.getDepartment() + ")"
        : k.getMetric().words();
  }

  String target(SlaClock k) {
    return IsoDurations.words(k.getTarget()) + (k.getCalendar() == null
        ? " of calendar time"
        : " of business time (" + k.getCalendar() + ")") + ", policy " + k.getPolicy();
  }

  private String format(Instant at, SlaClock k) {
    return WHEN.withZone(zone(k)).format(at);
  }

  private ZoneId zone(SlaClock k) {
    return (k.getCalendar() == null ? calendars.standard() : calendars.get(k.getCalendar())).zone();
  }

  private Instant plus(String calendar, Instant from, Duration d) {
    if (calendar == null) return from.plus(d);
    BusinessCalendar c = calendars.get(calendar);
    return d.isZero() ? c.nextOpen(from) : c.plusBusinessTime(from, d);
  }

  private Duration between(String calendar, Instant from, Instant to) {
    if (!to.isAfter(from)) return Duration.ZERO;
    return calendar == null ? Duration.between(from, to) : calendars.get(calendar).businessTimeBetween(from, to);
  }

  static SlaMetric.CaseProfile profile(ServiceCases.Summary c) {
    return new SlaMetric.CaseProfile(c.priority() == null ? null : c.priority().name(),
        c.sourceChannel() == null ? null : c.sourceChannel().name(), c.salesChannel(),
        c.requestType() == null ? null : c.requestType().name());
  }
}
