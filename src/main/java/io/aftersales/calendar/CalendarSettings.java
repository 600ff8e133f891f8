package io.aftersales.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.business-calendars}: the places whose opening hours count business time (customer care, the
 * warehouse, ...), which one a model gets when it names none, and which one each department (candidate group) works
 * by (its steps' turnaround; others work by the default one). A wrong value fails the start-up.
 */
@ConfigurationProperties("aftersales.business-calendars")
public record CalendarSettings(@DefaultValue("customer-care") String defaultCalendar, Map<String, Place> calendars,
    Map<String, String> departments) {

  /**
   * One place: its time zone, opening hours per weekday ("08:00-18:00"; a weekday left out is closed), the country
   * and region whose public holidays close it (jollyday codes, e.g. {@code de} and {@code nw}), and company closing
   * days.
   */
  public record Place(ZoneId zone, Map<DayOfWeek, String> hours, String country, String region,
      List<LocalDate> closed) {}

  public CalendarSettings {
    calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
    departments = departments == null ? Map.of() : Map.copyOf(departments);
    for (var department : departments.entrySet()) {
      if (!calendars.isEmpty() && !calendars.containsKey(department.getValue())) {
        throw new IllegalArgumentException("aftersales.business-calendars.departments." + department.getKey()
            + " names no calendar: " + department.getValue() + " (known: " + calendars.keySet() + ")");
      }
    }
    if (!calendars.isEmpty() && !calendars.containsKey(defaultCalendar)) {
      throw new IllegalArgumentException("aftersales.business-calendars.default-calendar names no calendar: "
          + defaultCalendar + " (known: " + calendars.keySet() + ")");
    }
  }
}
