package io.aftersales.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyTest {
  private static final Instant SENT = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant EXPIRES = Instant.parse("2026-12-29T10:00:00Z");

  private static Survey survey() {
    return new Survey(1L, 2L, 1, "hash", SENT, EXPIRES);
  }

  @Test
  void anAnswerIsKeptAndMayBeChangedWhileTheLinkIsValid() {
    Survey s = survey();
    assertThat(s.getStatus()).isEqualTo(Survey.Status.OPEN);
    assertThat(s.answer(4, true, "  Quick and friendly. ", SENT.plusSeconds(60))).isFalse();
    assertThat(s.getStatus()).isEqualTo(Survey.Status.ANSWERED);
    assertThat(s.getScore()).isEqualTo(4);
    assertThat(s.getSolved()).isTrue();
    assertThat(s.getComment()).isEqualTo("Quick and friendly.");
    assertThat(s.getAnsweredAt()).isEqualTo(SENT.plusSeconds(60));
    s.answer(5, true, " ", SENT.plusSeconds(120));
    assertThat(s.getScore()).isEqualTo(5);
    assertThat(s.getComment()).isNull();
    assertThat(s.getAnsweredAt()).as("first answered").isEqualTo(SENT.plusSeconds(60));
  }

  @Test
  void aLowScoreOrAnUnsolvedProblemAsksForRecoveryOnce() {
    Survey low = survey();
    assertThat(low.answer(2, true, null, SENT)).isTrue();
    assertThat(low.answer(1, false, null, SENT)).as("once per survey").isFalse();
    assertThat(survey().answer(5, false, null, SENT)).isTrue();
    assertThat(survey().answer(3, true, null, SENT)).isFalse();
    Survey changed = survey();
    assertThat(changed.answer(4, true, null, SENT)).isFalse();
    assertThat(changed.answer(1, true, null, SENT)).as("an answer changed to unhappy").isTrue();
  }

  @Test
  void anExpiredOrVoidSurveyTakesNoAnswer() {
    Survey s = survey();
    assertThat(s.refusal(EXPIRES.minusMillis(1))).isNull();
    assertThat(s.refusal(EXPIRES)).isEqualTo(Survey.Refusal.EXPIRED);
    assertThatThrownBy(() -> s.answer(5, true, null, EXPIRES)).isInstanceOf(IllegalStateException.class);
    s.voidIt();
    assertThat(s.refusal(SENT)).isEqualTo(Survey.Refusal.VOID);
    assertThatThrownBy(() -> survey().answer(6, true, null, SENT)).hasMessageContaining("1 to 5");
    assertThatThrownBy(() -> survey().answer(0, true, null, SENT)).hasMessageContaining("1 to 5");
  }

  @Test
  void onlyARecoveryThatWasAskedForIsRecorded() {
    Survey happy = survey();
    happy.answer(5, true, null, SENT);
    assertThatThrownBy(() -> happy.recovered("n", "tara", SENT)).isInstanceOf(IllegalStateException.class);
    Survey unhappy = survey();
    unhappy.answer(1, false, null, SENT);
    unhappy.recovered("Called her.", "tara", SENT.plusSeconds(5));
    assertThat(unhappy.getRecoveryNote()).isEqualTo("Called her.");
    assertThat(unhappy.getRecoveredBy()).isEqualTo("tara");
  }
}
