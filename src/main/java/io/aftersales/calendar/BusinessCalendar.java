package io.aftersales.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Business time of one place: opening hours per weekday in a time zone, closed on public holidays and company closing
 * days. "4 business hours" are four hours the place is open; "2 business days" end at the same time of day two open
 * days later. A start outside opening hours counts from the next opening; daylight-saving changes follow the zone.
 */
public final class BusinessCalendar {
  /** Opening hours of a day: from, until (until after from, same day). */
  public record Hours(LocalTime from, LocalTime until) {
    public Hours {
      if (!until.isAfter(from))
        throw new IllegalArgumentException("opening hours end before they start: " + from
            + "-" + until);
    }

    /** "08:00-18:00". */
    public static Hours parse(String text) {
      String[] parts = text.strip().split("\\s*-\\s*");
      if (parts.length != 2) throw new IllegalArgumentException("opening hours must read like 08:00-18:00: " + text);
      return new Hours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    }
  }

  private static final Pattern ISO = Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");
  /** Guards against a calendar that is never open (every day closed): no due time at all is an error, not a hang. */
  private static final int MAX_DAYS_AHEAD = 3 * 366;

  private final String name;
  private final ZoneId zone;
  private final Map<DayOfWeek, Hours> hours;
  private final Predicate<LocalDate> closed;
  /** The open time of each whole day, once worked out. */
  private final Map<LocalDate, Duration> openTimes = new java.util.concurrent.ConcurrentHashMap<>();
  /** Whether each day is open, once looked up: the holiday library computes a year's holidays on every question. */
  private final Map<LocalDate, Boolean> openDays = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param hours opening hours per weekday (a weekday absent is closed)
   * @param closed days closed besides (public holidays, company closing days)
   */
  public BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, Hours> hours, Predicate<LocalDate> closed) {
    if (hours.isEmpty()) throw new IllegalArgumentException("calendar " + name + " has no opening hours");
    this.name = name;
    this.zone = zone;
    this.hours = new EnumMap<>(hours);
    this.closed = closed;
  }

  public String name() {
    return name;
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isOpenDay(LocalDate day) {
    return openDays.computeIfAbsent(day, d -> hours.containsKey(d.getDayOfWeek()) && !closed.test(d));
  }

  /** Whether the place is open at that instant. */
  public boolean isOpen(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    if (!isOpenDay(local.toLocalDate())) return false;
    Hours h = hours.get(local.getDayOfWeek());
    LocalTime time = local.toLocalTime();
    return !time.isBefore(h.from()) && time.isBefore(h.until());
  }

  /** The instant itself when open, else the next opening. */
  public Instant nextOpen(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    LocalDate day = local.toLocalDate();
    for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
      if (!isOpenDay(day)) continue;
      Hours h = hours.get(day.getDayOfWeek());
      ZonedDateTime opens = day.atTime(h.from()).atZone(zone);
      ZonedDateTime closes = day.atTime(h.until()).atZone(zone);
      if (i == 0 && !local.isBefore(closes)) continue;
      return local.isAfter(opens) ? local.toInstant() : opens.toInstant();
    }
    throw new IllegalStateException("calendar " + name + " is not open within " + MAX_DAYS_AHEAD + " days");
  }

  /** {@code from} plus this many open hours and minutes. */
  public Instant plusBusinessTime(Instant from, Duration open) {
    if (open.isNegative()) throw new IllegalArgumentException("negative business time: " + open);
    Instant at = nextOpen(from);
    Duration left = open;
    for (int i = 0; i <= MAX_DAYS_AHEAD * 2; i++) {
      ZonedDateTime local = at.atZone(zone);
      Instant closes = local.toLocalDate().atTime(hours.get(local.getDayOfWeek()).until()).atZone(zone).toInstant();
      Duration today = Duration.between(at, closes);
      if (left.compareTo(today) < 0 || left.isZero()) return at.plus(left);
      left = left.minus(today);
      at = nextOpen(closes);
      if (left.isZero()) return closes;
    }
    throw new IllegalStateException("calendar " + name + " is not open long enough");
  }

  /**
   * {@code from} plus this many open days: the same time of day on the n-th open day after (at that day's closing
   * if it closes earlier); a start outside opening hours counts from the next opening.
   */
  public Instant plusBusinessDays(Instant from, int days) {
    if (days < 0) throw new IllegalArgumentException("negative business days: " + days);
    ZonedDateTime start = nextOpen(from).atZone(zone);
    LocalDate day = start.toLocalDate();
    for (int counted = 0, i = 0; counted < days; i++) {
      if (i > MAX_DAYS_AHEAD) throw new IllegalStateException("calendar " + name + " is not open enough days");
      day = day.plusDays(1);
      if (isOpenDay(day)) counted++;
    }
    Hours h = hours.get(day.getDayOfWeek());
    LocalTime time = start.toLocalTime();
    if (time.isBefore(h.from())) time = h.from();
    if (time.isAfter(h.until())) time = h.until();
    return day.atTime(time).atZone(zone).toInstant();
  }

  /**
   * An ISO 8601 duration in business time: days are open days, hours and minutes open hours ({@code P2D},
   * {@code PT4H}, {@code P1DT2H}). Weeks, months and years are refused: say days.
   */
  public Instant plus(Instant from, String iso) {
    Matcher m = ISO.matcher(iso == null ? "" : iso.strip());
    if (!m.matches() || iso.strip().equals("P") || iso.strip().endsWith("T")) {
      throw new IllegalArgumentException("a business duration is days, hours and minutes, like P2D or PT4H: " + iso);
    }
    int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    Duration time = Duration.ofHours(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
        .plusMinutes(m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
    Instant afterDays = days == 0 ? from : plusBusinessDays(from, days);
    return time.isZero() && days > 0 ? afterDays : plusBusinessTime(afterDays, time);
  }

  /** The open time between two instants (zero when {@code to} is not after {@code from}). */
  private Duration openTimeOf(LocalDate day) {
    Hours h = hours.get(day.getDayOfWeek());
    return Duration.between(day.atTime(h.from()).atZone(zone).toInstant(), day.atTime(h.until()).atZone(zone)
        .toInstant());
  }

  public Duration businessTimeBetween(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) return total;
    LocalDate first = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      if (!isOpenDay(day)) continue;
      if (day.isAfter(first) && day.isBefore(last)) {
        // A whole day inside the span: its open time, worked out once per day (KPIs sum spans of many cases).
        total = total.plus(openTimes.computeIfAbsent(day, this::openTimeOf));
        continue;
      }
      Hours h = hours.get(day.getDayOfWeek());
      Instant opens = day.atTime(h.from()).atZone(zone).toInstant();
      Instant closes = day.atTime(h.until()).atZone(zone).toInstant();
      Instant a = from.isAfter(opens) ? from : opens;
      Instant b = to.isBefore(closes) ? to : closes;
      if (b.isAfter(a)) total = total.plus(Duration.between(a, b));
    }
    return total;
  }
}
