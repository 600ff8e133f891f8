package io.aftersales.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The ISO 8601 durations that configure process timers ({@code PT24H}, {@code P2D}, {@code P1DT12H}):
 * checked at start-up, added to a point in time, and told to customers in words.
 */
public final class IsoDurations {
  private static final Pattern ISO =
      Pattern.compile("P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");

  private IsoDurations() {}

  /** The value if it is a duration a Camunda timer accepts; otherwise an error naming the property. */
  public static String checked(String property, String value) {
    if (value == null || !ISO.matcher(value).matches()) {
      throw new IllegalArgumentException(
          property + " must be an ISO 8601 duration such as PT24H or P30D, not " + value);
    }
    return value;
  }

  /**
   * The value if it is a duration in business time (days, hours and minutes, like {@code P2D} or {@code PT4H}: what a
   * business calendar counts); otherwise an error naming the property.
   */
  public static String businessChecked(String property, String value) {
    checked(property, value);
    if (!value.matches("P(\\d+D)?(T(\\d+H)?(\\d+M)?)?")) {
      throw new IllegalArgumentException(property + " is business time: days, hours and minutes (like P2D or PT4H),"
          + " not " + value);
    }
    return value;
  }

  /** {@code from} plus the duration; calendar parts (days, months) are added in UTC, as the engine's timers do. */
  public static Instant plus(Instant from, String isoDuration) {
    try {
      return from.plus(Duration.parse(isoDuration));
    } catch (DateTimeParseException calendarBased) {
      int time = isoDuration.indexOf('T');
      Instant dated = from.atZone(ZoneOffset.UTC)
          .plus(Period.parse(time < 0 ? isoDuration : isoDuration.substring(0, time))).toInstant();
      return time < 0 ? dated : dated.plus(Duration.parse("P" + isoDuration.substring(time)));
    }
  }

  /**
   * "30 days", "1 day", "36 hours" for mails; months and years stay as written (their length in days
   * depends on the date).
   */
  public static String words(String isoDuration) {
    if (isoDuration.matches("P[^T]*[YM].*")) return isoDuration;
    Duration whole = Duration.between(Instant.EPOCH, plus(Instant.EPOCH, isoDuration));
    if (whole.toMinutes() % 60 != 0) return plural(whole.toMinutes(), "minute");
    long hours = whole.toHours();
    if (hours % 24 == 0) return plural(hours / 24, "day");
    return plural(hours, "hour");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
