package io.aftersales.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The business calendars of application.yaml, for tests without Spring (process tests register the helper bean). */
public final class TestCalendars {
  private TestCalendars() {}

  /** customer-care Mon-Fri 08-18, Sat 09-13; warehouse Mon-Thu 07-16, Fri 07-14; Berlin, NRW holidays. */
  public static BusinessCalendars standard() {
    Map<java.time.DayOfWeek, String> care = new java.util.EnumMap<>(BusinessCalendars.weekdays("08:00-18:00"));
    care.put(java.time.DayOfWeek.SATURDAY, "09:00-13:00");
    Map<java.time.DayOfWeek, String> warehouse = new java.util.EnumMap<>(BusinessCalendars.weekdays("07:00-16:00"));
    warehouse.put(java.time.DayOfWeek.FRIDAY, "07:00-14:00");
    List<LocalDate> closed = List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-31"));
    return new BusinessCalendars(new CalendarSettings("customer-care", Map.of(
        "customer-care", new CalendarSettings.Place(ZoneId.of("Europe/Berlin"), care, "de", "nw", closed),
        "warehouse", new CalendarSettings.Place(ZoneId.of("Europe/Berlin"), warehouse, "de", "nw", closed)),
        Map.of("warehouse", "warehouse", "logistics", "warehouse")));
  }

  /** The {@code businessTime} helper bean over {@link #standard()}. */
  public static BusinessTime businessTime() {
    return new BusinessTime(standard());
  }
}
