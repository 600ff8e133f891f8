package io.aftersales.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Business time across weekends, holidays, opening hours, time zones and daylight saving. */
class BusinessCalendarTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Customer care: Monday to Friday 08:00-18:00 in Berlin, German (NRW) public holidays, closed on 24 Dec. */
  private final BusinessCalendar care = BusinessCalendars.build("customer-care", new CalendarSettings.Place(BERLIN,
      BusinessCalendars.weekdays("08:00-18:00"), "de", "nw", List.of(LocalDate.parse("2026-12-24"))));

  private static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  @Test
  void hoursWithinAnOpenDayAreClockHours() {
    assertThat(care.plus(berlin("2026-12-01T09:00"), "PT4H")).isEqualTo(berlin("2026-12-01T13:00"));
    assertThat(care.plus(berlin("2026-12-01T09:15"), "PT30M")).isEqualTo(berlin("2026-12-01T09:45"));
  }

  @Test
  void hoursBeyondClosingContinueAtTheNextOpening() {
    // Tuesday 16:00 + 4 business hours: 2 today, 2 from Wednesday 08:00.
    assertThat(care.plus(berlin("2026-12-01T16:00"), "PT4H")).isEqualTo(berlin("2026-12-02T10:00"));
    // Exactly until closing is due at closing.
    assertThat(care.plus(berlin("2026-12-01T14:00"), "PT4H")).isEqualTo(berlin("2026-12-01T18:00"));
  }

  @Test
  void aStartOutsideOpeningHoursCountsFromTheNextOpening() {
    assertThat(care.plus(berlin("2026-12-01T06:30"), "PT1H")).isEqualTo(berlin("2026-12-01T09:00"));
    assertThat(care.plus(berlin("2026-12-01T19:00"), "PT1H")).isEqualTo(berlin("2026-12-02T09:00"));
  }

  @Test
  void weekendsAreSkipped() {
    // Friday 17:00 + 2 hours: 1 on Friday, 1 on Monday.
    assertThat(care.plus(berlin("2026-12-04T17:00"), "PT2H")).isEqualTo(berlin("2026-12-07T09:00"));
    // Saturday + 1 hour: Monday 09:00.
    assertThat(care.plus(berlin("2026-12-05T11:00"), "PT1H")).isEqualTo(berlin("2026-12-07T09:00"));
    // Thursday 10:00 + 2 business days: Monday 10:00.
    assertThat(care.plus(berlin("2026-12-03T10:00"), "P2D")).isEqualTo(berlin("2026-12-07T10:00"));
  }

  @Test
  void publicHolidaysAndClosingDaysAreSkipped() {
    // 23 Dec (Wed) 17:00 + 2 hours: 24 Dec is a closing day, 25 and 26 Dec are holidays, then the weekend.
    assertThat(care.plus(berlin("2026-12-23T17:00"), "PT2H")).isEqualTo(berlin("2026-12-28T09:00"));
    assertThat(care.isOpenDay(LocalDate.parse("2026-12-25"))).isFalse();
    assertThat(care.isOpenDay(LocalDate.parse("2026-12-24"))).isFalse();
    // Corpus Christi is a public holiday in North Rhine-Westphalia (4 June 2026), not in Berlin.
    assertThat(care.isOpenDay(LocalDate.parse("2026-06-04"))).isFalse();
    BusinessCalendar berlinCity = BusinessCalendars.build("b", new CalendarSettings.Place(BERLIN,
        BusinessCalendars.weekdays("08:00-18:00"), "de", "be", List.of()));
    assertThat(berlinCity.isOpenDay(LocalDate.parse("2026-06-04"))).isTrue();
    // A timer due on a holiday moves to the next open hour.
    assertThat(care.nextOpen(berlin("2026-12-25T12:00"))).isEqualTo(berlin("2026-12-28T08:00"));
  }

  @Test
  void daysKeepTheTimeOfDayWithinThatDaysHours() {
    BusinessCalendar shortFriday = new BusinessCalendar("warehouse", BERLIN, Map.of(
        DayOfWeek.THURSDAY, BusinessCalendar.Hours.parse("07:00-17:00"),
        DayOfWeek.FRIDAY, BusinessCalendar.Hours.parse("07:00-13:00")), day -> false);
    assertThat(shortFriday.plus(berlin("2026-12-03T15:00"), "P1D")).isEqualTo(berlin("2026-12-04T13:00"));
    assertThat(shortFriday.plus(berlin("2026-12-03T15:00"), "P1DT1H")).isEqualTo(berlin("2026-12-10T08:00"));
  }

  @Test
  void daylightSavingChangesDoNotShiftOpeningHours() {
    // 27 March 2026 (Fri) 17:00 + 2 hours; clocks go forward on Sunday 29 March: Monday 09:00 local, 07:00 UTC.
    Instant due = care.plus(berlin("2026-03-27T17:00"), "PT2H");
    assertThat(due).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    // Before the change Berlin is UTC+1 (Friday closes 17:00 UTC), after it UTC+2 (Monday opens 06:00 UTC).
    assertThat(care.plus(berlin("2026-03-27T16:30"), "PT2H")).isEqualTo(Instant.parse("2026-03-30T06:30:00Z"));
    assertThat(care.plus(berlin("2026-03-27T16:00"), "PT2H")).isEqualTo(Instant.parse("2026-03-27T17:00:00Z"));
    // In October the other way: Friday 23 Oct 17:00 + 2 h → Monday 26 Oct 09:00 CET = 08:00 UTC.
    assertThat(care.plus(berlin("2026-10-23T17:00"), "PT2H")).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
  }

  @Test
  void timeZonesCountInTheirOwnLocalHours() {
    BusinessCalendar newYork = new BusinessCalendar("us", ZoneId.of("America/New_York"),
        BusinessCalendars.weekdays("09:00-17:00").entrySet().stream().collect(java.util.stream.Collectors.toMap(
            Map.Entry::getKey, e -> BusinessCalendar.Hours.parse(e.getValue()))),
        day -> false);
    // 14:00 UTC on a Tuesday is 09:00 in New York: open; 4 hours later is 13:00 local = 18:00 UTC.
    assertThat(newYork.isOpen(Instant.parse("2026-12-01T14:00:00Z"))).isTrue();
    assertThat(care.isOpen(Instant.parse("2026-12-01T18:00:00Z"))).isFalse();
    assertThat(newYork.plus(Instant.parse("2026-12-01T14:00:00Z"), "PT4H")).isEqualTo(Instant.parse(
        "2026-12-01T18:00:00Z"));
  }

  @Test
  void businessTimeBetweenTwoInstantsCountsOnlyOpenHours() {
    // Friday 17:00-18:00 and Monday 08:00-09:30.
    assertThat(care.businessTimeBetween(berlin("2026-12-04T17:00"), berlin("2026-12-07T09:30")))
        .isEqualTo(Duration.ofMinutes(150));
    assertThat(care.businessTimeBetween(berlin("2026-12-01T09:00"), berlin("2026-12-01T08:00"))).isZero();
    assertThat(care.businessTimeBetween(berlin("2026-12-24T09:00"), berlin("2026-12-27T12:00"))).isZero();
  }

  @Test
  void onlyDaysHoursAndMinutesAreBusinessDurations() {
    for (String bad : new String[]{"P1W", "P1M", "PT", "P", "4 hours", "", "-PT1H"}) {
      assertThatThrownBy(() -> care.plus(berlin("2026-12-01T09:00"), bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("like P2D or PT4H");
    }
    assertThat(care.plus(berlin("2026-12-01T09:00"), "PT0M")).isEqualTo(berlin("2026-12-01T09:00"));
  }

  @Test
  void aCalendarMustBeOpenSometime() {
    assertThatThrownBy(() -> new BusinessCalendar("never", BERLIN, Map.of(), day -> false))
        .hasMessageContaining("no opening hours");
    BusinessCalendar alwaysClosed = new BusinessCalendar("closed", BERLIN, Map.of(DayOfWeek.MONDAY,
        BusinessCalendar.Hours.parse("08:00-09:00")), day -> true);
    assertThatThrownBy(() -> alwaysClosed.nextOpen(berlin("2026-12-01T09:00"))).isInstanceOf(
        IllegalStateException.class);
    assertThatThrownBy(() -> BusinessCalendar.Hours.parse("18:00-08:00")).hasMessageContaining("end before");
    assertThatThrownBy(() -> BusinessCalendars.build("x", new CalendarSettings.Place(BERLIN,
        BusinessCalendars.weekdays("08:00-18:00"), "xx-nowhere", null, List.of())))
        .hasMessageContaining("no holiday calendar for xx-nowhere");
  }
}
