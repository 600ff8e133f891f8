package io.aftersales.shared;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Spreadsheets from our data (Apache Commons CSV, RFC 4180), with cells a spreadsheet would run defused. */
public final class Csv {
  private Csv() {}

  /** The rows under the header; every text cell passes {@link #safe}. */
  public static String write(List<String> header, List<Object[]> rows) throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
        .get())) {
      for (Object[] row : rows) {
        Object[] cells = new Object[row.length];
        for (int i = 0; i < row.length; i++)
          cells[i] = row[i] instanceof String text ? safe(text) : row[i];
        csv.printRecord(cells);
      }
    }
    return out.toString();
  }

  /**
   * A cell a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first: CSV injection) starts with
   * an apostrophe; customers' words and our codes reach these files.
   */
  public static String safe(String cell) {
    if (cell == null || cell.isEmpty()) return cell;
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell
        : cell;
  }
}
