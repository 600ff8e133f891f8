package io.aftersales.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The SOPs for staff ({@code sop/} in the repository, {@code /sop/...} here, linked from every task form): a person's
 * browser gets a readable page, rendered from the Markdown; other clients get the Markdown itself. Raw HTML in an SOP
 * is shown as text, never run.
 */
@RestController
class SopPages {
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final java.time.Clock clock;

  SopPages(org.springframework.jdbc.core.JdbcTemplate jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }
  private static final Pattern PATH = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*\\.md");
  private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();

  @GetMapping("/sop/**")
  ResponseEntity<String> sop(HttpServletRequest request) throws IOException {
    String path = request.getRequestURI().substring("/sop/".length());
    ClassPathResource resource = new ClassPathResource("static/sop/" + path);
    if (!PATH.matcher(path).matches() || !resource.exists()) return ResponseEntity.notFound().build();
    String markdown;
    try (InputStream in = resource.getInputStream()) {
      markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String accept = request.getHeader("Accept");
    if (accept == null || !accept.contains("text/html")) {
      return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
          .body(markdown);
    }
    // A person read it (a browser page): counted for the most-used SOPs (insight), with who, never the content.
    jdbc.update("insert into aftersales.sop_view (path, viewer, viewed_at) values (?, ?, ?)", path,
        request.getUserPrincipal() == null ? null : Texts.shorten(request.getUserPrincipal().getName(), 64),
        java.sql.Timestamp.from(clock.instant()));
    String title = markdown.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip())
        .orElse(path);
    String page =
        """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%1$s · SOP</title><link rel="stylesheet" href="/assets/app.css"></head>
            <body><main class="container sop"><article class="card">%2$s</article>
            <p class="muted">Standard operating procedure <code>sop/%3$s</code> · <a href="/camunda/app/tasklist/">Tasklist</a></p>
            </main></body></html>
            """
            .formatted(HtmlUtils.htmlEscape(title), renderer.render(parser.parse(markdown)),
                HtmlUtils.htmlEscape(path));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
  }
}
