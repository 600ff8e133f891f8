package io.aftersales.sla;

import static io.aftersales.sla.ServiceLevelClockProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.mockito.DelegateExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/sla/service-level-clock.bpmn with a moved clock: the warning at its share, the breach at the target, a
 * halt (met or paused) ends both timers, and a clock that warned before does not warn again.
 */
@Deployment(resources = "processes/sla/service-level-clock.bpmn")
class ServiceLevelClockProcessTest {
  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.Companion
      .builder("process-test.cfg.xml").assertClassCoverageAtLeast(0.95).build();

  private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
  private JavaDelegate warning;
  private JavaDelegate breach;

  @BeforeEach
  void delegates() throws Exception {
    ClockUtil.setCurrentTime(Date.from(START));
    warning = DelegateExpressions.registerJavaDelegateMock("recordSlaWarningDelegate").getMock();
    breach = DelegateExpressions.registerJavaDelegateMock("recordSlaBreachDelegate").getMock();
  }

  @AfterEach
  void reset() throws Exception {
    Mocks.reset();
    ClockUtil.reset();
  }

  private ProcessInstance start(boolean warned) {
    return runtimeService().startProcessInstanceByKey(KEY, "SC-2026-000700", Map.of(SLA_CLOCK_ID.name(), 7L,
        CASE_ID.name(), 70L, CASE_NUMBER.name(), "SC-2026-000700",
        SLA_WARNING_AT.name(), Date.from(START.plusSeconds(45 * 60)),
        SLA_DUE_AT.name(), Date.from(START.plusSeconds(60 * 60)), SLA_WARNED.name(), warned));
  }

  /** The timers due at {@code at}, fired as the job executor would once the clock has moved there. */
  private static void fireTimersDueBy(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    for (Job due : managementService().createJobQuery().timers().duedateLowerThan(Date.from(at.plusMillis(1)))
        .list()) {
      execute(due);
    }
  }

  @Test
  void warnsAtItsShareThenRecordsTheBreachAtTheTarget() throws Exception {
    ProcessInstance pi = start(false);
    assertThat(pi).isWaitingAt(INTERMEDIATE_CATCH_EVENT_WARNING_DUE, INTERMEDIATE_CATCH_EVENT_TARGET_DUE);
    org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().timers().count()).isEqualTo(2);

    fireTimersDueBy(START.plusSeconds(44 * 60));
    verify(warning, never()).execute(any());

    fireTimersDueBy(START.plusSeconds(45 * 60));
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_SLA_WARNING, END_EVENT_WARNED)
        .isWaitingAt(INTERMEDIATE_CATCH_EVENT_TARGET_DUE);
    verify(warning).execute(any());
    verify(breach, never()).execute(any());

    fireTimersDueBy(START.plusSeconds(60 * 60));
    verify(breach).execute(any());
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_SLA_BREACH, END_EVENT_BREACHED, END_EVENT_TARGET_PASSED).isEnded();
  }

  @Test
  void aClockThatWarnedBeforeOnlyWaitsForItsTarget() throws Exception {
    ProcessInstance pi = start(true);
    assertThat(pi).hasPassed(END_EVENT_NO_WARNING).isWaitingAt(INTERMEDIATE_CATCH_EVENT_TARGET_DUE);
    assertThat(job()).isNotNull();
    fireTimersDueBy(START.plusSeconds(60 * 60));
    verify(warning, never()).execute(any());
    verify(breach).execute(any());
    assertThat(pi).isEnded();
  }

  @Test
  void haltingTheClockEndsBothTimersWithoutWarningOrBreach() throws Exception {
    ProcessInstance pi = start(false);
    runtimeService().createMessageCorrelation(MESSAGE_CLOCK_HALTED).processInstanceId(pi.getId()).correlate();
    assertThat(pi).hasPassed(BOUNDARY_CLOCK_HALTED, END_EVENT_CLOCK_HALTED).isEnded();
    org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().count()).isZero();
    fireTimersDueBy(START.plusSeconds(2 * 60 * 60));
    verify(warning, never()).execute(any());
    verify(breach, never()).execute(any());
  }

  @Test
  void haltingAfterTheWarningStillEndsTheTargetTimer() throws Exception {
    ProcessInstance pi = start(false);
    fireTimersDueBy(START.plusSeconds(50 * 60));
    verify(warning).execute(any());
    runtimeService().createMessageCorrelation(MESSAGE_CLOCK_HALTED).processInstanceId(pi.getId()).correlate();
    assertThat(pi).isEnded();
    fireTimersDueBy(START.plusSeconds(2 * 60 * 60));
    verify(breach, never()).execute(any());
  }
}
