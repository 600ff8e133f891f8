package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Our spreadsheets: RFC 4180 quoting by Commons CSV, and no cell a spreadsheet would run. */
class CsvTest {
  @Test
  void rowsAreQuotedAndFormulaCellsDefused() throws Exception {
    String csv = Csv.write(List.of("section", "key", "value"), List.of(
        new Object[]{"cases", "all", 4}, new Object[]{"product", "=HYPERLINK(\"x\")", 0.5},
        new Object[]{"agent", "a, b", null}, new Object[]{"sop", "-1+2", "@SUM(A1)"}));
    assertThat(csv).isEqualTo("section,key,value\r\ncases,all,4\r\nproduct,\"'=HYPERLINK(\"\"x\"\")\",0.5\r\n"
        + "agent,\"a, b\",\r\nsop,'-1+2,'@SUM(A1)\r\n");
    assertThat(Csv.safe("+1")).isEqualTo("'+1");
    assertThat(Csv.safe("\tx")).isEqualTo("'\tx");
    assertThat(Csv.safe("\rx")).isEqualTo("'\rx");
    assertThat(Csv.safe("plain")).isEqualTo("plain");
    assertThat(Csv.safe("")).isEmpty();
    assertThat(Csv.safe(null)).isNull();
  }
}
