package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What a search asks the database (the query itself runs in the ITs on PostgreSQL). */
class CaseSearchTest {
  private final NamedParameterJdbcTemplate jdbc = mock(NamedParameterJdbcTemplate.class);
  private final CaseSearch search = new CaseSearch(jdbc);

  private MapSqlParameterSource asked(String query, LocalDate from, LocalDate to) {
    search.find(query, from, to);
    ArgumentCaptor<MapSqlParameterSource> parameters = ArgumentCaptor.forClass(MapSqlParameterSource.class);
    verify(jdbc).query(anyString(), parameters.capture(), any(RowMapper.class));
    return parameters.getValue();
  }

  @Test
  void whatWasTypedIsMatchedAsItIsAndAsPartOfANameWithItsWildcardsTakenLiterally() {
    MapSqlParameterSource p = asked("  50%_off\\ Maria ", null, null);
    assertThat(p.getValue("q")).isEqualTo("50%_off\\ Maria");
    assertThat(p.getValue("like")).isEqualTo("%50\\%\\_off\\\\ Maria%");
    assertThat(p.getValue("all")).isEqualTo(false);
    assertThat(p.getValue("limit")).isEqualTo(CaseSearch.LIMIT);
    assertThat(p.getValue("from")).isNull();
    assertThat(p.getValue("to")).isNull();
  }

  @Test
  void nothingTypedIsEveryCaseOfThePeriodWhoseLastDayCountsWhole() {
    MapSqlParameterSource p = asked(" ", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-06"));
    assertThat(p.getValue("all")).isEqualTo(true);
    assertThat(p.getValue("q")).isEqualTo("");
    assertThat(p.getValue("like")).isEqualTo("");
    assertThat(p.getValue("from")).isEqualTo(Timestamp.from(Instant.parse("2026-12-01T00:00:00Z")));
    assertThat(p.getValue("to")).isEqualTo(Timestamp.from(Instant.parse("2026-12-07T00:00:00Z")));
  }

  @Test
  void noQueryAtAllIsEveryCase() {
    assertThat(asked(null, null, null).getValue("all")).isEqualTo(true);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Test
  void eachRowBecomesACaseFound() throws Exception {
    java.sql.ResultSet row = mock(java.sql.ResultSet.class);
    org.mockito.Mockito.when(row.getString(1)).thenReturn("SC-1");
    org.mockito.Mockito.when(row.getString(2)).thenReturn("Dented pan");
    org.mockito.Mockito.when(row.getString(3)).thenReturn("Maria");
    org.mockito.Mockito.when(row.getString(4)).thenReturn("maria@example.com");
    org.mockito.Mockito.when(row.getString(5)).thenReturn("CLOSED");
    org.mockito.Mockito.when(row.getString(6)).thenReturn("RETURN");
    org.mockito.Mockito.when(row.getString(7)).thenReturn("HIGH");
    org.mockito.Mockito.when(row.getTimestamp(8)).thenReturn(Timestamp.from(Instant.parse("2026-12-01T10:00:00Z")));
    org.mockito.Mockito.when(row.getTimestamp(9)).thenReturn(null);
    org.mockito.Mockito.when(jdbc.query(anyString(), any(MapSqlParameterSource.class), any(RowMapper.class)))
        .thenAnswer(call -> java.util.List.of(((RowMapper) call.getArgument(2)).mapRow(row, 0)));
    assertThat(search.find("SC-1", null, null)).containsExactly(new CaseSearch.Found("SC-1", "Dented pan", "Maria",
        "maria@example.com", "CLOSED", "RETURN", "HIGH", Instant.parse("2026-12-01T10:00:00Z"), null));
  }
}
