package io.aftersales.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aftersales.cases.CaseClosed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SurveysTest {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private final SurveyRepository repository = mock(SurveyRepository.class);
  private final ServiceRecovery recovery = mock(ServiceRecovery.class);
  private final Surveys surveys = new Surveys(repository, new SurveySettings("P28D", "P30D"),
      Clock.fixed(NOW, ZoneOffset.UTC), recovery);

  private static CaseClosed closed(boolean business) {
    return new CaseClosed(1L, "SC-1", 2L, "maria@example.com", business);
  }

  @Test
  void aResolvedCaseGetsOneSurveyValidFor28DaysWhoseTokenIsKeptOnlyAsItsHash() {
    var offer = surveys.offer(closed(false)).orElseThrow();
    ArgumentCaptor<Survey> saved = ArgumentCaptor.forClass(Survey.class);
    verify(repository).save(saved.capture());
    assertThat(offer.token()).matches("[A-Za-z0-9_-]{32}");
    assertThat(offer.expiresAt()).isEqualTo(Instant.parse("2027-01-03T10:00:00Z"));
    assertThat(offer.round()).isEqualTo(1);
    assertThat(saved.getValue().getRound()).isEqualTo(1);
    when(repository.findByTokenHash(Surveys.hash(offer.token()))).thenReturn(java.util.Optional.of(saved.getValue()));
    assertThat(surveys.byToken(" " + offer.token() + " ")).contains(saved.getValue());
    assertThat(surveys.byToken(null)).isEmpty();
    assertThat(surveys.byToken("x".repeat(101))).isEmpty();
    assertThat(Surveys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void noSurveyToBusinessPartnersNorTwiceWithinTheQuietPeriod() {
    assertThat(surveys.offer(closed(true))).isEmpty();
    when(repository.existsByCustomerIdAndOfferedAtAfter(2L, Instant.parse("2026-11-06T10:00:00Z"))).thenReturn(true);
    assertThat(surveys.offer(closed(false))).isEmpty();
    verify(repository, never()).save(any());
  }

  @Test
  void aSecondResolutionVoidsTheOpenSurveyAndCountsOn() {
    Survey earlier = new Survey(1L, 2L, 1, "h", NOW.minusSeconds(100), NOW.plusSeconds(100));
    when(repository.findByCaseIdOrderByRoundDesc(1L)).thenReturn(List.of(earlier));
    assertThat(surveys.offer(closed(false)).orElseThrow().round()).isEqualTo(2);
    assertThat(earlier.getStatus()).isEqualTo(Survey.Status.VOID);
    assertThat(surveys.latestOf(1L)).contains(earlier);
    assertThat(surveys.refusal(earlier)).isEqualTo(Survey.Refusal.VOID);
  }

  @Test
  void aReopenedCaseVoidsItsOpenSurveyButKeepsAnswers() {
    Survey open = new Survey(1L, 2L, 2, "h2", NOW, NOW.plusSeconds(100));
    Survey answered = new Survey(1L, 2L, 1, "h1", NOW.minusSeconds(500), NOW.plusSeconds(100));
    answered.answer(4, true, null, NOW.minusSeconds(400));
    when(repository.findByCaseIdOrderByRoundDesc(1L)).thenReturn(List.of(open, answered));
    assertThat(surveys.voidOpen(1L)).isEqualTo(1);
    assertThat(open.getStatus()).isEqualTo(Survey.Status.VOID);
    assertThat(open.refusal(NOW)).isEqualTo(Survey.Refusal.VOID);
    assertThat(answered.getStatus()).isEqualTo(Survey.Status.ANSWERED);
  }

  @Test
  void anAnswerIsSavedAndSaysWhetherToRecover() {
    Survey open = new Survey(1L, 2L, 1, "h", NOW, NOW.plusSeconds(100));
    when(repository.findById(eq(5L))).thenReturn(java.util.Optional.of(open));
    assertThat(surveys.answer(5L, 1, false, "bad").recovery()).isTrue();
    verify(repository).saveAndFlush(open);
    verify(recovery).start(open);
    assertThat(surveys.answer(5L, 2, false, "still bad").recovery()).isFalse();
    verify(recovery, org.mockito.Mockito.times(1)).start(any());
  }

  /** Recovery cannot start: the answer fails with it (the transaction rolls both back), nothing half-done. */
  @Test
  void anAnswerWhoseRecoveryCannotStartFailsWithIt() {
    Survey open = new Survey(1L, 2L, 1, "h", NOW, NOW.plusSeconds(100));
    when(repository.findById(eq(6L))).thenReturn(java.util.Optional.of(open));
    org.mockito.Mockito.doThrow(new IllegalStateException("engine down")).when(recovery).start(open);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> surveys.answer(6L, 1, false, null))
        .hasMessage("engine down");
  }
}
