package io.aftersales.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditControllerTest {
  @Test
  void aCellASpreadsheetWouldCalculateIsDefused() {
    for (String formula : new String[]{"=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"}) {
      assertThat(AuditController.safe(formula)).isEqualTo("'" + formula);
    }
    assertThat(AuditController.safe("Hello =1")).isEqualTo("Hello =1");
    assertThat(AuditController.safe("")).isEmpty();
    assertThat(AuditController.safe(null)).isNull();
  }
}
