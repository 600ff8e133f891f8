package io.aftersales.shared;

/**
 * Free text on its way into storage. The whole text lives in our own {@code text} columns (the case
 * thread); process variables carry at most an {@link #excerpt} (Camunda keeps String variables in
 * 4,000 characters and every change in history).
 */
public final class Texts {
  /** Longest excerpt of customer text put into a process variable (shown in task forms). */
  public static final int EXCERPT_LENGTH = 1000;

  private Texts() {}

  /** The text as a variable may carry it: whole if short, else its start and a pointer to the thread. */
  public static String excerpt(String text) {
    if (text == null || text.length() <= EXCERPT_LENGTH) return text;
    String marker = " [...] (shortened: the full text is on the case thread)";
    return cut(text, EXCERPT_LENGTH - marker.length()) + marker;
  }

  /** What PostgreSQL can store: without NUL characters (mail may carry them; the API refuses them). */
  public static String storable(String text) {
    return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
  }

  /** At most {@code max} characters, marked with an ellipsis when shortened. */
  public static String shorten(String text, int max) {
    if (text == null || text.length() <= max) return text;
    return cut(text, max - 1) + "\u2026";
  }

  /** The first {@code length} characters at most, never half of a surrogate pair (an emoji stays whole or goes). */
  public static String cut(String text, int length) {
    if (text == null || text.length() <= length) return text;
    int end = length > 0 && Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }
}
