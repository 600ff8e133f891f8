package io.aftersales.calendar;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The business calendars of the platform, built once from {@link CalendarSettings}: public holidays from jollyday
 * (per country and region), company closing days, opening hours. Without configuration there is one calendar,
 * {@code customer-care}: Monday to Friday 08:00-18:00, Europe/Berlin, German public holidays.
 */
@Component
public class BusinessCalendars {
  private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
  private final String defaultName;
  private final Map<String, String> departments;

  public BusinessCalendars(CalendarSettings settings) {
    Map<String, CalendarSettings.Place> places = settings.calendars().isEmpty()
        ? Map.of("customer-care", new CalendarSettings.Place(ZoneId.of("Europe/Berlin"), weekdays("08:00-18:00"),
            "de", null, List.of()))
        : settings.calendars();
    places.forEach((name, place) -> calendars.put(name, build(name, place)));
    this.defaultName = settings.calendars().isEmpty() ? "customer-care" : settings.defaultCalendar();
    this.departments = settings.calendars().isEmpty() ? Map.of() : settings.departments();
  }

  static Map<DayOfWeek, String> weekdays(String hours) {
    Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY))
      week.put(day, hours);
    return week;
  }

  static BusinessCalendar build(String name, CalendarSettings.Place place) {
    String where = "aftersales.business-calendars.calendars." + name;
    if (place.zone() == null) throw new IllegalArgumentException(where + ".zone is required (e.g. Europe/Berlin)");
    if (place.hours() == null || place.hours().isEmpty())
      throw new IllegalArgumentException(where + ".hours is required");
    Map<DayOfWeek, BusinessCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
    place.hours().forEach((day, text) -> {
      try {
        hours.put(day, BusinessCalendar.Hours.parse(text));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ".hours." + day + ": " + e.getMessage(), e);
      }
    });
    Set<LocalDate> closing = place.closed() == null ? Set.of() : Set.copyOf(place.closed());
    Predicate<LocalDate> closed = closing::contains;
    if (place.country() != null && !place.country().isBlank()) {
      if (!HolidayManager.getSupportedCalendarCodes().contains(place.country().strip().toUpperCase())
          && !HolidayManager.getSupportedCalendarCodes().contains(place.country().strip().toLowerCase())) {
        throw new IllegalArgumentException(where + ".country: no holiday calendar for " + place.country());
      }
      HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(place.country().strip()));
      String[] region = place.region() == null || place.region().isBlank()
          ? new String[0]
          : new String[]{place.region().strip().toLowerCase()};
      closed = closed.or(day -> holidays.isHoliday(day, HolidayType.PUBLIC_HOLIDAY, region));
    }
    return new BusinessCalendar(name, place.zone(), hours, closed);
  }

  /** The calendar of that name; the default one for null. */
  public BusinessCalendar get(String name) {
    BusinessCalendar calendar = calendars.get(name == null ? defaultName : name);
    if (calendar == null) {
      throw new IllegalArgumentException("no business calendar " + name + " (known: " + calendars.keySet() + ")");
    }
    return calendar;
  }

  /** The calendar a department (a candidate group, e.g. {@code warehouse}) works by; the default one if none is set. */
  public BusinessCalendar forDepartment(String department) {
    return get(department == null ? null : departments.get(department));
  }

  public BusinessCalendar standard() {
    return get(null);
  }
}
