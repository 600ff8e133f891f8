package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;

/** The SOPs (copied to static/sop at build time) as pages for people and Markdown for programs. */
class SopPagesTest {
  private final org.springframework.jdbc.core.JdbcTemplate jdbc =
      org.mockito.Mockito.mock(org.springframework.jdbc.core.JdbcTemplate.class);
  private final SopPages pages = new SopPages(jdbc,
      java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T09:00:00Z"), java.time.ZoneOffset.UTC));

  private static MockHttpServletRequest get(String path, String accept) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    if (accept != null) request.addHeader("Accept", accept);
    return request;
  }

  @Test
  void aBrowserReadsTheSopAsAPage() throws Exception {
    var page = pages.sop(get("/sop/cases/review-case.md", "text/html,application/xhtml+xml,*/*;q=0.8"));
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("<title>Review case", "<h1>Review case", "<table>", "<td>",
        "href=\"service-case.md\"", "sop/cases/review-case.md", "/assets/app.css").doesNotContain("| ---");
    // A person's view is counted (who and when) for the most-used SOPs.
    MockHttpServletRequest anna = get("/sop/cases/review-case.md", "text/html");
    anna.setUserPrincipal(() -> "anna");
    pages.sop(anna);
    org.mockito.Mockito.verify(jdbc).update(
        "insert into aftersales.sop_view (path, viewer, viewed_at) values (?, ?, ?)",
        "cases/review-case.md", "anna", java.sql.Timestamp.from(java.time.Instant.parse("2026-12-07T09:00:00Z")));
  }

  @Test
  void aProgramReadsTheMarkdown() throws Exception {
    var raw = pages.sop(get("/sop/cases/review-case.md", "text/plain, */*"));
    assertThat(raw.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
    assertThat(raw.getBody()).startsWith("# Review case");
    assertThat(pages.sop(get("/sop/cases/review-case.md", null)).getBody()).startsWith("# Review case");
    org.mockito.Mockito.verifyNoInteractions(jdbc); // a program's read is not a person's view
  }

  @Test
  void onlySopFilesAreServed() throws Exception {
    for (String path : new String[]{"/sop/../application.yaml", "/sop/cases/nothing-here.md", "/sop/cases/",
        "/sop/CASES/review-case.md", "/sop/cases/review-case.md.bak"}) {
      assertThat(pages.sop(get(path, "text/html")).getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }
}
