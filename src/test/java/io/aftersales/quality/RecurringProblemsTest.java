package io.aftersales.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.aftersales.cases.CaseReviewed;
import io.aftersales.mail.StaffMail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionRuleResultImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableResultImpl;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a review counts for, before any table is read: no product, no type or no rule means no count. */
class RecurringProblemsTest {
  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final DecisionService decisions = mock(DecisionService.class, RETURNS_DEEP_STUBS);
  private final RuntimeService runtime = mock(RuntimeService.class);
  private final StaffMail mail = mock(StaffMail.class);
  private final RecurringProblems problems = new RecurringProblems(jdbc, decisions, runtime, mail,
      Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC));

  @SuppressWarnings("unchecked")
  private void decision(Integer threshold, Integer days) {
    DmnDecisionRuleResultImpl entries = new DmnDecisionRuleResultImpl();
    if (threshold != null) {
      entries.putValue("threshold", Variables.integerValue(threshold));
      entries.putValue("windowDays", Variables.integerValue(days));
    }
    when(decisions.evaluateDecisionTableByKey(anyString(), any(Map.class))).thenReturn(
        new DmnDecisionTableResultImpl(threshold == null ? List.of() : List.of(entries)));
  }

  @Test
  void aCaseWithoutProductOrTypeOrRuleIsNotCounted() {
    assertThat(problems.reviewed(new CaseReviewed(1L, "SC-1", null, null, null, "WARRANTY")))
        .isEqualTo(RecurringProblems.Outcome.NOT_COUNTED);
    assertThat(problems.reviewed(new CaseReviewed(1L, "SC-1", 5L, "SKU", "COOKWARE", null)))
        .isEqualTo(RecurringProblems.Outcome.NOT_COUNTED);
    verifyNoInteractions(jdbc);
    decision(null, null);
    assertThat(problems.reviewed(new CaseReviewed(1L, "SC-1", 5L, "SKU", "COOKWARE", "INFORMATION")))
        .isEqualTo(RecurringProblems.Outcome.NOT_COUNTED);
    verifyNoInteractions(jdbc);
    verify(mail, never()).send(any(), any(), any(), any(), any(), any());
  }

  @Test
  void theDecisionsThresholdAndWindowAreRead() {
    decision(5, 30);
    assertThat(problems.rule("SMALL_APPLIANCE", "WARRANTY")).contains(new RecurringProblems.Rule(5, 30));
  }
}
