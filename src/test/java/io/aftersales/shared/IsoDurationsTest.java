package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The timer durations of every procedure: checked, added, and told in words. */
class IsoDurationsTest {

  @Test
  void timerSettingsMustBeIsoDurations() {
    assertThat(IsoDurations.checked("x", "PT24H")).isEqualTo("PT24H");
    assertThat(IsoDurations.checked("x", "P2DT12H")).isEqualTo("P2DT12H");
    assertThat(IsoDurations.checked("x", "P2W")).isEqualTo("P2W");
    assertThatThrownBy(() -> IsoDurations.checked("aftersales.returns.decision-ola", "24h"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aftersales.returns.decision-ola");
    assertThatThrownBy(() -> IsoDurations.checked("x", "P")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IsoDurations.checked("x", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void businessTimeIsDaysHoursAndMinutesOnly() {
    assertThat(IsoDurations.businessChecked("x", "P2D")).isEqualTo("P2D");
    assertThat(IsoDurations.businessChecked("x", "PT4H")).isEqualTo("PT4H");
    assertThat(IsoDurations.businessChecked("x", "P1DT2H30M")).isEqualTo("P1DT2H30M");
    assertThatThrownBy(() -> IsoDurations.businessChecked("aftersales.task-olas.T", "P1W"))
        .hasMessage("aftersales.task-olas.T is business time: days, hours and minutes (like P2D or PT4H), not P1W");
    assertThatThrownBy(() -> IsoDurations.businessChecked("x", "PT30S")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IsoDurations.businessChecked("x", "4h")).hasMessageContaining("ISO 8601");
    assertThat(IsoDurations.words("PT5M")).isEqualTo("5 minutes");
    assertThat(IsoDurations.words("PT1M")).isEqualTo("1 minute");
    assertThat(IsoDurations.words("PT1H30M")).isEqualTo("90 minutes");
  }

  @Test
  void durationsAreToldInWords() {
    assertThat(IsoDurations.words("P30D")).isEqualTo("30 days");
    assertThat(IsoDurations.words("P14D")).isEqualTo("14 days");
    assertThat(IsoDurations.words("P10D")).isEqualTo("10 days");
    assertThat(IsoDurations.words("P1D")).isEqualTo("1 day");
    assertThat(IsoDurations.words("PT24H")).isEqualTo("1 day");
    assertThat(IsoDurations.words("PT36H")).isEqualTo("36 hours");
    assertThat(IsoDurations.words("PT12H")).isEqualTo("12 hours");
    assertThat(IsoDurations.words("P2W")).isEqualTo("14 days");
    assertThat(IsoDurations.words("P1M")).isEqualTo("P1M");
  }

  @Test
  void durationsAreAddedLikeTimers() {
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    assertThat(IsoDurations.plus(now, "P1M")).isEqualTo(Instant.parse("2026-12-23T09:00:00Z"));
    assertThat(IsoDurations.plus(now, "PT36H")).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
    assertThat(IsoDurations.plus(now, "P1DT12H")).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
  }
}
