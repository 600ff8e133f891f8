package io.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftersales.calendar.BusinessCalendars;
import io.aftersales.calendar.CalendarSettings;
import io.aftersales.cases.Priority;
import io.aftersales.cases.RequestType;
import io.aftersales.cases.ServiceCases;
import io.aftersales.cases.SourceChannel;
import io.aftersales.mail.StaffMail;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The clocks of a case with a moved clock, in business time of a calendar open Monday to Friday 08:00-18:00 (UTC, no
 * holidays): which policy, when due, warning at 75 %, pause and resume across the night, next reply, reopen, OLA.
 */
class SlaClocksTest {
  private static final Instant MONDAY_10 = Instant.parse("2026-12-07T10:00:00Z");

  private final List<SlaClock> table = new ArrayList<>();
  private final SlaClockRepository repository = mock(SlaClockRepository.class);
  private final ServiceCases cases = mock(ServiceCases.class);
  private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
  private final TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
  private final StaffMail mail = mock(StaffMail.class);
  private final org.camunda.bpm.engine.IdentityService identity = mock(org.camunda.bpm.engine.IdentityService.class);
  private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
  private final io.aftersales.shared.MutableClock clock = new io.aftersales.shared.MutableClock(MONDAY_10);
  private final BusinessCalendars calendars = new BusinessCalendars(new CalendarSettings("office", Map.of("office",
      new CalendarSettings.Place(ZoneId.of("UTC"), weekdays(), null, null, null)), Map.of("warehouse", "office")));
  private final SlaSettings settings = new SlaSettings(75, List.of(
      new SlaSettings.Policy("chat", Set.of(), Set.of("whatsapp", "CHAT"), Set.of(), Set.of(), "PT5M", "PT10M", "P3D",
          null),
      new SlaSettings.Policy("standard", Set.of(), Set.of(), Set.of(), Set.of(), "PT1H", "PT8H", "P2D", null)));
  private final SlaClocks clocks = new SlaClocks(repository, settings, calendars, cases, runtime, tasks, mail,
      mock(JdbcTemplate.class), clock);
  private int started;

  private static Map<java.time.DayOfWeek, String> weekdays() {
    Map<java.time.DayOfWeek, String> week = new java.util.EnumMap<>(java.time.DayOfWeek.class);
    for (var day : java.time.DayOfWeek.values()) {
      if (day.getValue() <= 5) week.put(day, "08:00-18:00");
    }
    return week;
  }

  @BeforeEach
  void fakes() {
    when(repository.findByCaseIdOrderByStartedAtAscIdAsc(anyLong())).thenAnswer(i -> List.copyOf(table));
    when(repository.saveAndFlush(any(SlaClock.class))).thenAnswer(i -> {
      SlaClock k = i.getArgument(0);
      ReflectionTestUtils.setField(k, "id", (long) table.size() + 1);
      table.add(k);
      return k;
    });
    when(repository.findById(anyLong())).thenAnswer(i -> table.stream()
        .filter(k -> k.getId().equals(i.getArgument(0))).findFirst());
    when(repository.findByTaskId(anyString())).thenAnswer(i -> table.stream()
        .filter(k -> i.getArgument(0).equals(k.getTaskId())).findFirst());
    whatsApp(Priority.NORMAL, SourceChannel.EMAIL);
    when(runtime.startProcessInstanceByKey(anyString(), anyMap())).thenAnswer(i -> {
      ProcessInstance pi = mock(ProcessInstance.class);
      when(pi.getId()).thenReturn("pi-" + ++started);
      return pi;
    });
    when(runtime.createMessageCorrelation(anyString())).thenReturn(correlation);
  }

  private void whatsApp(Priority priority, SourceChannel channel) {
    when(cases.summary(1L)).thenReturn(new ServiceCases.Summary(1L, "SC-2026-000001", "Maria Rossi", "Kettle leaks",
        priority, channel, "ECOMMERCE", RequestType.WARRANTY));
  }

  private SlaClock clock(SlaMetric metric) {
    return table.stream().filter(k -> k.getMetric() == metric).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void aCaseOpensWithFirstReplyAndResolutionByTheFirstPolicyThatApplies() {
    whatsApp(Priority.NORMAL, SourceChannel.WHATSAPP);
    clocks.opened(1L);

    SlaClock first = clock(SlaMetric.FIRST_REPLY);
    assertThat(first.getPolicy()).isEqualTo("chat");
    assertThat(first.getTarget()).isEqualTo("PT5M");
    assertThat(first.getCalendar()).isEqualTo("office");
    assertThat(first.getDueAt()).isEqualTo(MONDAY_10.plus(Duration.ofMinutes(5)));
    assertThat(first.getWarningAt()).isEqualTo(MONDAY_10.plus(Duration.ofSeconds(225)));
    // Resolution P3D: the same time of day on the third open day.
    assertThat(clock(SlaMetric.RESOLUTION).getDueAt()).isEqualTo(Instant.parse("2026-12-10T10:00:00Z"));
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.captor();
    verify(runtime, times(2)).startProcessInstanceByKey(eq(ServiceLevelClockProcess.KEY), variables.capture());
    assertThat(variables.getAllValues().get(0)).containsEntry("slaClockId", 1L).containsEntry("caseNumber",
        "SC-2026-000001").containsEntry("slaWarned", false)
        .containsEntry("slaDueAt", java.util.Date.from(first.getDueAt()));
    assertThat(first.getProcessInstanceId()).isEqualTo("pi-1");

    clocks.opened(1L); // a repeated event starts nothing twice
    assertThat(table).hasSize(2);
  }

  @Test
  void anOtherCaseFallsBackToTheStandardPolicyAndCountsOnlyOpenHours() {
    clock.set(Instant.parse("2026-12-04T17:30:00Z")); // Friday, half an hour before closing
    clocks.opened(1L);
    SlaClock first = clock(SlaMetric.FIRST_REPLY);
    assertThat(first.getPolicy()).isEqualTo("standard");
    assertThat(first.getDueAt()).isEqualTo(Instant.parse("2026-12-07T08:30:00Z"));
    // 75 % of one open hour: 45 minutes, 30 on Friday and 15 on Monday.
    assertThat(first.getWarningAt()).isEqualTo(Instant.parse("2026-12-07T08:15:00Z"));
    assertThat(first.status(Instant.parse("2026-12-07T08:00:00Z"))).isEqualTo(SlaClock.Status.DUE);
    assertThat(first.status(Instant.parse("2026-12-07T08:20:00Z"))).isEqualTo(SlaClock.Status.AT_RISK);
    assertThat(first.status(Instant.parse("2026-12-07T08:30:00Z"))).isEqualTo(SlaClock.Status.BREACHED);
  }

  @Test
  void calendarTimePoliciesRunDayAndNight() {
    SlaSettings roundTheClock = new SlaSettings(50, List.of(new SlaSettings.Policy("always", null, null, null, null,
        "PT2H", "PT2H", "P1D", "none")));
    SlaClocks other = new SlaClocks(repository, roundTheClock, calendars, cases, runtime, tasks, mail,
        mock(JdbcTemplate.class), clock);
    clock.set(Instant.parse("2026-12-05T23:00:00Z")); // Saturday night
    other.opened(1L);
    SlaClock first = clock(SlaMetric.FIRST_REPLY);
    assertThat(first.getCalendar()).isNull();
    assertThat(first.getDueAt()).isEqualTo(Instant.parse("2026-12-06T01:00:00Z"));
    assertThat(first.getWarningAt()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
    assertThat(other.target(first)).isEqualTo("2 hours of calendar time, policy always");
  }

  @Test
  void anAnswerMeetsTheFirstReplyAndEndsTheTeamLeadsWarning() {
    clocks.opened(1L);
    clock.set(MONDAY_10.plus(Duration.ofMinutes(50)));
    clocks.warn(1L);
    verify(runtime).startProcessInstanceByKey(eq(SlaEscalationProcess.KEY), eq("SC-2026-000001"), anyMap());
    verify(mail).send(eq(List.of("team-lead")), eq(1L), eq("SC-2026-000001"), eq("sla-warning-1"),
        eq("First reply at risk"), anyString());
    clocks.warn(1L);
    verify(mail, times(1)).send(any(), anyLong(), anyString(), anyString(), anyString(), anyString());

    clock.set(MONDAY_10.plus(Duration.ofMinutes(55)));
    clocks.answered(1L, clock.instant());
    SlaClock first = clock(SlaMetric.FIRST_REPLY);
    assertThat(first.getState()).isEqualTo(SlaClock.State.STOPPED);
    assertThat(first.status(clock.instant())).isEqualTo(SlaClock.Status.MET);
    assertThat(first.getBreachedAt()).isNull();
    verify(runtime).createMessageCorrelation(ServiceLevelClockProcess.MESSAGE_CLOCK_HALTED);
    verify(correlation).processInstanceId("pi-1");
    verify(runtime).createMessageCorrelation(SlaEscalationProcess.MESSAGE_SERVICE_LEVEL_MET);
    verify(correlation).processInstanceVariableEquals("slaClockId", 1L);
    assertThat(clock(SlaMetric.RESOLUTION).getState()).isEqualTo(SlaClock.State.RUNNING);

    clocks.breach(1L); // a timer late after the answer changes nothing
    assertThat(first.getBreachedAt()).isNull();
  }

  @Test
  void aBreachIsRecordedOnceWithItsTimeAndReachesTheTeamLeads() {
    clocks.opened(1L);
    clock.set(MONDAY_10.plus(Duration.ofHours(1)));
    clocks.breach(1L);
    clocks.breach(1L);
    SlaClock first = clock(SlaMetric.FIRST_REPLY);
    assertThat(first.getBreachedAt()).isEqualTo(clock.instant());
    assertThat(first.status(clock.instant())).isEqualTo(SlaClock.Status.BREACHED);
    verify(mail, times(1)).send(eq(List.of("team-lead")), eq(1L), eq("SC-2026-000001"), eq("sla-breach-1"),
        eq("First reply breached"),
        org.mockito.ArgumentMatchers.contains("1 hour of business time (office), policy standard"));
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.captor();
    verify(runtime).startProcessInstanceByKey(eq(SlaEscalationProcess.KEY), eq("SC-2026-000001"),
        variables.capture());
    assertThat(variables.getValue()).containsEntry("slaEvent", "breached").containsEntry("serviceLevel", "First reply")
        .containsEntry("lateSteps", "none").containsEntry("customerName", "Maria Rossi");

    clocks.answered(1L, clock.instant().plusSeconds(60)); // answered late: stopped, still breached
    assertThat(first.status(clock.instant())).isEqualTo(SlaClock.Status.BREACHED);
    verify(runtime, never()).createMessageCorrelation(SlaEscalationProcess.MESSAGE_SERVICE_LEVEL_MET);
  }

  @Test
  void waitingForTheCustomerPausesResolutionUntilTheyWriteAndTheTimeLeftMovesOn() {
    clocks.opened(1L);
    clocks.answered(1L, MONDAY_10.plusSeconds(600));
    SlaClock resolution = clock(SlaMetric.RESOLUTION);
    assertThat(resolution.getDueAt()).isEqualTo(Instant.parse("2026-12-09T10:00:00Z"));

    clock.set(Instant.parse("2026-12-07T16:00:00Z")); // 6 open hours used, 14 left
    clocks.waitingForCustomer(1L);
    assertThat(resolution.getState()).isEqualTo(SlaClock.State.PAUSED);
    assertThat(resolution.status(clock.instant().plus(Duration.ofDays(5)))).isEqualTo(SlaClock.Status.PAUSED);
    verify(correlation).processInstanceId(resolution.getProcessInstanceId());

    clock.set(Instant.parse("2026-12-10T09:00:00Z")); // Thursday: the customer writes
    clocks.customerWrote(1L, clock.instant());
    assertThat(resolution.getState()).isEqualTo(SlaClock.State.RUNNING);
    assertThat(resolution.getPausedCount()).isEqualTo(1);
    // 14 open hours from Thursday 09:00: 9 on Thursday, 5 on Friday.
    assertThat(resolution.getDueAt()).isEqualTo(Instant.parse("2026-12-11T13:00:00Z"));
    assertThat(resolution.getProcessInstanceId()).isNotEqualTo("pi-2");

    // The customer's words start a next reply by the case's own policy.
    SlaClock next = clock(SlaMetric.NEXT_REPLY);
    assertThat(next.getPolicy()).isEqualTo("standard");
    assertThat(next.getTarget()).isEqualTo("PT8H");
    assertThat(next.getDueAt()).isEqualTo(Instant.parse("2026-12-10T17:00:00Z"));
    clocks.customerWrote(1L, clock.instant().plusSeconds(60)); // a second message before the answer: still one next reply
    assertThat(table.stream().filter(k -> k.getMetric() == SlaMetric.NEXT_REPLY)).hasSize(1);

    clocks.customerWaitOver(1L); // leaving the wait after they wrote: nothing more to resume
    assertThat(resolution.getDueAt()).isEqualTo(Instant.parse("2026-12-11T13:00:00Z"));
  }

  @Test
  void beforeTheFirstAnswerAMessageOwesNoNextReplyAndNoPauseReachesTheReplies() {
    clocks.opened(1L);
    clocks.customerWrote(1L, MONDAY_10.plusSeconds(60));
    assertThat(table).extracting(SlaClock::getMetric).containsExactly(SlaMetric.FIRST_REPLY, SlaMetric.RESOLUTION);
    clocks.waitingForCustomer(1L);
    assertThat(clock(SlaMetric.FIRST_REPLY).getState()).isEqualTo(SlaClock.State.RUNNING);
  }

  @Test
  void closingStopsTheCustomersClocksAndAReopenRunsResolutionOnWithTheTimeItHadLeft() {
    clocks.opened(1L);
    clocks.answered(1L, MONDAY_10.plusSeconds(60));
    clock.set(Instant.parse("2026-12-08T10:00:00Z")); // 10 open hours used, 10 left
    clocks.closed(1L);
    SlaClock resolution = clock(SlaMetric.RESOLUTION);
    assertThat(resolution.status(clock.instant())).isEqualTo(SlaClock.Status.MET);

    clock.set(Instant.parse("2026-12-14T08:00:00Z")); // a week later, Monday morning
    clocks.reopened(1L, clock.instant());
    assertThat(resolution.getState()).isEqualTo(SlaClock.State.RUNNING);
    assertThat(resolution.getStoppedAt()).isNull();
    assertThat(resolution.getDueAt()).isEqualTo(Instant.parse("2026-12-14T18:00:00Z"));
    clocks.reopened(1L, clock.instant()); // once
    assertThat(resolution.getDueAt()).isEqualTo(Instant.parse("2026-12-14T18:00:00Z"));
  }

  @Test
  void aDepartmentsStepRunsItsTurnaroundInItsCalendarAndOnlyUnescalatedStepsReachTheTeamLeads() {
    clocks.stepStarted(1L, "task-1", "UserTask_BookShipment", "Book shipment", "logistics",
        MONDAY_10.plus(Duration.ofHours(4)), true);
    clocks.stepStarted(1L, "task-1", "UserTask_BookShipment", "Book shipment", "logistics",
        MONDAY_10.plus(Duration.ofHours(4)), true);
    clocks.stepStarted(1L, "task-2", "UserTask_InspectReturnedItem", "Inspect returned item", "warehouse",
        MONDAY_10.plus(Duration.ofHours(1)), false);
    assertThat(table).hasSize(2);
    SlaClock booking = table.get(0);
    assertThat(booking.getMetric()).isEqualTo(SlaMetric.OLA);
    assertThat(booking.getDepartment()).isEqualTo("logistics");
    assertThat(booking.getTarget()).isEqualTo("PT4H");
    assertThat(booking.getPolicy()).isEqualTo("ola:UserTask_BookShipment");
    assertThat(booking.getCalendar()).isEqualTo("office");

    clock.set(MONDAY_10.plus(Duration.ofHours(2)));
    assertThat(clocks.lateSteps(1L)).isEqualTo("Inspect returned item (warehouse, due 07.12. 11:00)");
    clocks.breach(2L); // its model escalates it: recorded only
    verify(mail, never()).send(any(), anyLong(), anyString(), anyString(), anyString(), anyString());
    assertThat(table.get(1).getBreachedAt()).isEqualTo(clock.instant());

    clock.set(MONDAY_10.plus(Duration.ofHours(5)));
    clocks.breach(1L);
    verify(mail).send(eq(List.of("team-lead")), eq(1L), eq("SC-2026-000001"), eq("sla-breach-1"),
        eq("Turnaround of Book shipment (logistics) breached"), anyString());
    clocks.stepEnded("task-1");
    assertThat(booking.getState()).isEqualTo(SlaClock.State.STOPPED);
    assertThat(booking.status(clock.instant())).isEqualTo(SlaClock.Status.BREACHED);
    clocks.stepEnded("task-unknown");

    clocks.expedited(1L, "Booked it myself.", "lena");
    assertThat(booking.getExpediteNote()).isEqualTo("Booked it myself.");
    assertThat(booking.getExpeditedBy()).isEqualTo("lena");
    assertThat(booking.getExpeditedAt()).isEqualTo(clock.instant());
  }

  @Test
  void policiesSayWhatTheyApplyToAndABrokenOneFailsTheStartUp() {
    SlaMetric.CaseProfile chat = new SlaMetric.CaseProfile("HIGH", "CHAT", "AMAZON", "RETURN");
    assertThat(settings.policyFor(chat).name()).isEqualTo("chat");
    assertThat(new SlaSettings(75, null).policyFor(chat)).isEqualTo(SlaSettings.STANDARD);
    SlaSettings.Policy amazonReturns = new SlaSettings.Policy("amazon", Set.of("high"), Set.of(), Set.of("AMAZON"),
        Set.of("RETURN"), "PT1H", "PT1H", "P1D", null);
    assertThat(amazonReturns.appliesTo(chat)).isTrue();
    assertThat(amazonReturns.appliesTo(new SlaMetric.CaseProfile("HIGH", "CHAT", "AMAZON", "WARRANTY"))).isFalse();
    assertThat(amazonReturns.appliesTo(new SlaMetric.CaseProfile("HIGH", "CHAT", null, "RETURN"))).isFalse();
    assertThat(amazonReturns.appliesTo(new SlaMetric.CaseProfile("LOW", "CHAT", "AMAZON", "RETURN"))).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SlaSettings.Policy("x", null, null, null, null,
        "1 hour", "PT1H", "P1D", null)).hasMessageContaining("aftersales.sla.policies.x.first-reply");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SlaSettings(0, null))
        .hasMessageContaining("warning-percent");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SlaSettings.Policy(" ", null, null, null, null,
        "PT1H", "PT1H", "P1D", null)).hasMessageContaining("name");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlaSettings.STANDARD.target(SlaMetric.OLA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Optional.of(SlaMetric.NEXT_REPLY.words())).contains("Next reply");
  }

  @Test
  void aReplyHandledWithoutAnswerMeetsTheNextReplyAndAnsweringTasksAreDueWithTheirTarget() {
    clocks.opened(1L);
    assertThat(clocks.dueOf(1L, "UserTask_ReviewCase")).contains(MONDAY_10.plus(Duration.ofHours(1)));
    assertThat(clocks.dueOf(1L, "UserTask_ResolveCase")).contains(Instant.parse("2026-12-09T10:00:00Z"));
    assertThat(clocks.dueOf(1L, "UserTask_HandleCustomerReply")).isEmpty();
    assertThat(clocks.dueOf(1L, "UserTask_PickPart")).isEmpty();
    clocks.answered(1L, MONDAY_10.plusSeconds(60));
    clocks.customerWrote(1L, MONDAY_10.plusSeconds(120));
    assertThat(clocks.dueOf(1L, "UserTask_HandleCustomerReply")).isPresent();
    clocks.replyHandledWithoutAnswer(1L);
    assertThat(clock(SlaMetric.NEXT_REPLY).getState()).isEqualTo(SlaClock.State.STOPPED);
    assertThat(clock(SlaMetric.RESOLUTION).getState()).isEqualTo(SlaClock.State.RUNNING);
  }
}
