package io.aftersales.cases;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Case numbers as customers see them: {@code SC-<year>-<six digits>}. */
public final class CaseNumbers {
  private static final Pattern PATTERN = Pattern.compile("\\bSC-\\d{4}-\\d{6,}\\b", Pattern.CASE_INSENSITIVE);

  private CaseNumbers() {}

  static String format(int year, long sequence) {
    return String.format("SC-%d-%06d", year, sequence);
  }

  /**
   * The first case number in a text, e.g. an email subject {@code Re: [SC-2026-000123] ...}; customers who
   * type it in lower case are understood too.
   */
  public static Optional<String> findIn(String text) {
    if (text == null) return Optional.empty();
    Matcher m = PATTERN.matcher(text);
    return m.find() ? Optional.of(m.group().toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
  }
}
