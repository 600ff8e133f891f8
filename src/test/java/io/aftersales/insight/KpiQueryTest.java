package io.aftersales.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** The period and filters of a KPI request, and the arithmetic every KPI shares. */
class KpiQueryTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate TODAY = LocalDate.parse("2026-12-06");

  private static String field(Map<String, String> params) {
    ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class,
        () -> KpiQuery.parse(params, TODAY, BERLIN));
    assertThat(e.getStatusCode().value()).isEqualTo(400);
    return e.getBody().getProperties().get("errors").toString();
  }

  @Test
  void withoutAPeriodItIsTheLast30DaysInTheCalendarsZone() {
    KpiQuery q = KpiQuery.parse(Map.of(), TODAY, BERLIN);
    assertThat(q.from()).isEqualTo(LocalDate.parse("2026-11-07"));
    assertThat(q.to()).isEqualTo(TODAY);
    assertThat(q.start()).isEqualTo(Instant.parse("2026-11-06T23:00:00Z"));
    assertThat(q.end()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
    assertThat(q.filters()).isEmpty();
  }

  @Test
  void filtersAreReadWhateverTheirCaseAndWrongOnesAreNamed() {
    KpiQuery q = KpiQuery.parse(Map.of("from", "2026-03-02", "to", "2026-03-08", "sourceChannel", "email",
        "salesChannel", "amazon", "requestType", "Return", "procedure", "RETURN-HANDLING", "priority", "high",
        "product", " KW-KET-17 "), TODAY, BERLIN);
    assertThat(q.filters()).containsExactly(Map.entry("salesChannel", "AMAZON"), Map.entry("sourceChannel", "EMAIL"),
        Map.entry("requestType", "RETURN"), Map.entry("procedure", "return-handling"), Map.entry("priority", "HIGH"),
        Map.entry("product", "KW-KET-17"));
    assertThat(field(Map.of("from", "yesterday"))).contains("from");
    assertThat(field(Map.of("to", "2026-13-01"))).contains("to");
    assertThat(field(Map.of("from", "2026-03-09", "to", "2026-03-08"))).contains("to");
    assertThat(field(Map.of("from", "2025-01-01", "to", "2026-03-08"))).contains("from");
    assertThat(field(Map.of("sourceChannel", "FAX"))).contains("sourceChannel");
    assertThat(field(Map.of("product", "x'; drop table"))).contains("product");
    assertThat(KpiQuery.parse(Map.of("from", "2025-03-08", "to", "2026-03-08"), TODAY, BERLIN).from())
        .isEqualTo(LocalDate.parse("2025-03-08"));
  }

  @Test
  void mediansAveragesSharesAndAges() {
    assertThat(Kpis.median(List.of())).isNull();
    assertThat(Kpis.median(List.of(10.0, 30.0, 3780.0))).isEqualTo(30.0);
    assertThat(Kpis.median(List.of(120.0, 2880.0))).isEqualTo(1500.0);
    assertThat(Kpis.average(List.of(10.0, 30.0, 3780.0))).isEqualTo(1273.33);
    assertThat(Kpis.average(List.of())).isNull();
    assertThat(Kpis.share(2, 3)).isEqualTo(0.6667);
    assertThat(Kpis.share(1, 0)).isNull();
    Instant now = Instant.parse("2026-12-06T12:00:00Z");
    assertThat(Kpis.age(now.minus(Duration.ofHours(23)), now)).isEqualTo("under 1 day");
    assertThat(Kpis.age(now.minus(Duration.ofHours(24)), now)).isEqualTo("1-3 days");
    assertThat(Kpis.age(now.minus(Duration.ofHours(72)), now)).isEqualTo("3-7 days");
    assertThat(Kpis.age(now.minus(Duration.ofHours(168)), now)).isEqualTo("7-14 days");
    assertThat(Kpis.age(now.minus(Duration.ofHours(336)), now)).isEqualTo("14-30 days");
    assertThat(Kpis.age(now.minus(Duration.ofHours(720)), now)).isEqualTo("over 30 days");
  }

  @Test
  void theCohortBindsEveryFilterAsAParameterNeverAsText() {
    KpiQuery q = KpiQuery.parse(Map.of("sourceChannel", "CHAT", "procedure", "none", "product", "KW-KET-17"), TODAY,
        BERLIN);
    Kpis.Cohort cohort = Kpis.cohort(q);
    assertThat(cohort.sql()).contains("c.source_channel = :sourceChannel", "p.sku = :product",
        "k.procedure = :procedure").doesNotContain("KW-KET-17", "'CHAT'");
    assertThat(cohort.params().getValue("product")).isEqualTo("KW-KET-17");
    assertThat(Kpis.cohort(KpiQuery.parse(Map.of(), TODAY, BERLIN)).sql()).doesNotContain(":procedure",
        ":sourceChannel");
  }
}
