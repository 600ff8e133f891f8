package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsTest {
  @Test
  void columnsBecomeCamelCaseAndTimestampsInstantsInTheirOrderWithoutTheLeftOut() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", 1L);
    row.put("case_number", "SC-1");
    row.put("first_answered_at", Timestamp.from(Instant.parse("2026-12-06T10:00:00Z")));
    row.put("status", null);
    row.put("customer_id", 9L);
    Map<String, Object> shaped = Rows.camelCase(row, "id", "customer_id");
    assertThat(shaped).containsExactly(Map.entry("caseNumber", "SC-1"),
        Map.entry("firstAnsweredAt", Instant.parse("2026-12-06T10:00:00Z")), new java.util.AbstractMap.SimpleEntry<>(
            "status", null));
    assertThat(Rows.camel("a__b_c")).isEqualTo("aBC");
  }
}
