package io.aftersales.shared;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows read with plain SQL, shaped for a JSON answer: camelCase names, instants for timestamps. */
public final class Rows {
  private Rows() {}

  /** {@code first_answered_at} → {@code firstAnsweredAt}; the columns in {@code leaveOut} are dropped. */
  public static Map<String, Object> camelCase(Map<String, Object> row, String... leaveOut) {
    List<String> skip = List.of(leaveOut);
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach((column, value) -> {
      if (!skip.contains(column)) out.put(camel(column), value instanceof Timestamp t ? t.toInstant() : value);
    });
    return out;
  }

  static String camel(String column) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
