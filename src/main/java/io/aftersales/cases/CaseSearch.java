package io.aftersales.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds cases by what a person has at hand, in one step: the case number, an RMA, an order number, a tracking
 * number, the customer's email address or part of their name; optionally within the days a case was opened. A read
 * model over the records of cases, returns and shipments (plain SQL, read-only), newest first.
 */
@Component
public class CaseSearch {
  /** At most this many cases per answer: a search that finds more is narrowed, not paged through. */
  public static final int LIMIT = 200;

  private final NamedParameterJdbcTemplate jdbc;

  CaseSearch(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One case found, with the facts a result list shows. */
  public record Found(String caseNumber, String subject, String customerName, String customerEmail, String status,
      String requestType, String priority, Instant openedAt, Instant closedAt) {}

  /**
   * @param query what the person typed (blank: every case in the period)
   * @param from first day (UTC) a case was opened, or null
   * @param to last day (UTC) a case was opened, or null
   */
  public List<Found> find(String query, LocalDate from, LocalDate to) {
    String q = query == null || query.isBlank() ? null : query.strip();
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("q", q == null ? "" : q)
        .addValue("all", q == null)
        .addValue("like", q == null ? "" : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        .addValue("from", from == null ? null : Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)),
            java.sql.Types.TIMESTAMP)
        .addValue("to", to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
            java.sql.Types.TIMESTAMP)
        .addValue("limit", LIMIT);
    return jdbc.query("""
        select c.case_number, c.subject, cu.name, cu.email, c.status, c.request_type, c.priority, c.opened_at,
               c.closed_at
          from aftersales.service_case c
          join aftersales.customer cu on cu.id = c.customer_id
          left join aftersales.sales_order o on o.id = c.order_id
         where (:all
                or upper(c.case_number) = upper(:q)
                or lower(cu.email) = lower(:q)
                or cu.name ilike :like
                or upper(c.order_reference) = upper(:q)
                or upper(o.order_number) = upper(:q)
                or c.case_number in (select r.case_number from aftersales.return_authorization r
                                      where upper(r.rma_number) = upper(:q) or upper(r.order_number) = upper(:q))
                or c.case_number in (select s.case_number from aftersales.shipment s
                                      where upper(s.tracking_number) = upper(:q) or upper(s.reference) = upper(:q))
                or c.case_number in (select p.case_number from aftersales.spare_part_order p
                                      where upper(p.tracking_number) = upper(:q)))
           and (cast(:from as timestamptz) is null or c.opened_at >= :from)
           and (cast(:to as timestamptz) is null or c.opened_at < :to)
         order by c.opened_at desc
         limit :limit
        """, parameters, (rs, i) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9))));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
