package io.aftersales.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The models' helper bean counts from the engine's clock in the calendar a model names. */
class BusinessTimeTest {
  private final BusinessTime businessTime = new BusinessTime(new BusinessCalendars(new CalendarSettings("office",
      Map.of("office", new CalendarSettings.Place(ZoneId.of("UTC"), BusinessCalendars.weekdays("08:00-16:00"), "de",
          null, List.of(LocalDate.parse("2026-12-02"))),
          "warehouse", new CalendarSettings.Place(ZoneId.of("UTC"), BusinessCalendars.weekdays("06:00-14:00"),
              null, null, null)),
      Map.of("warehouse", "warehouse"))));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void dueCountsBusinessTimeFromTheEnginesClockInTheNamedCalendar() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T15:00:00Z")));
    // Office: one hour on Tuesday, Wednesday 2 Dec closed, one hour on Thursday.
    assertThat(businessTime.due("PT2H")).isEqualTo(Date.from(Instant.parse("2026-12-03T09:00:00Z")));
    // Warehouse (no holidays, closes 14:00): from Wednesday 06:00.
    assertThat(businessTime.due("warehouse", "PT2H")).isEqualTo(Date.from(Instant.parse("2026-12-02T08:00:00Z")));
    assertThatThrownBy(() -> businessTime.due("nowhere", "PT1H")).hasMessageContaining("no business calendar nowhere");
  }

  @Test
  void eachDepartmentWorksByItsCalendarOthersByTheDefault() {
    BusinessCalendars calendars = new BusinessCalendars(new CalendarSettings("office",
        Map.of("office", new CalendarSettings.Place(ZoneId.of("UTC"), BusinessCalendars.weekdays("08:00-16:00"), null,
            null, null), "warehouse",
            new CalendarSettings.Place(ZoneId.of("UTC"),
                BusinessCalendars.weekdays("06:00-14:00"), null, null, null)),
        Map.of("warehouse", "warehouse")));
    assertThat(calendars.forDepartment("warehouse").name()).isEqualTo("warehouse");
    assertThat(calendars.forDepartment("finance").name()).isEqualTo("office");
    assertThat(calendars.forDepartment(null).name()).isEqualTo("office");
  }

  @Test
  void withoutConfigurationThereIsCustomerCareOnWeekdays() {
    BusinessCalendars defaults = new BusinessCalendars(new CalendarSettings("customer-care", null, null));
    assertThat(defaults.standard().name()).isEqualTo("customer-care");
    assertThat(defaults.standard().isOpenDay(LocalDate.parse("2026-12-05"))).isFalse();
    assertThat(defaults.standard().isOpenDay(LocalDate.parse("2026-12-25"))).isFalse();
    assertThatThrownBy(() -> new CalendarSettings("missing", Map.of("office", new CalendarSettings.Place(
        ZoneId.of("UTC"), BusinessCalendars.weekdays("08:00-16:00"), null, null, null)), null))
        .hasMessageContaining("default-calendar names no calendar: missing");
    assertThatThrownBy(() -> new CalendarSettings("office", Map.of("office", new CalendarSettings.Place(
        ZoneId.of("UTC"), BusinessCalendars.weekdays("08:00-16:00"), null, null, null)), Map.of("warehouse", "depot")))
        .hasMessageContaining("departments.warehouse names no calendar: depot");
  }
}
