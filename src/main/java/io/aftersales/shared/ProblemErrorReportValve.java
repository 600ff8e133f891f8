package io.aftersales.shared;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error pages (a request it refuses before any servlet runs: a malformed URI, a header too
 * large, an error after the application gave up) as RFC 9457 problem+json instead of an HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
    String reason = org.springframework.http.HttpStatus.resolve(status) != null
        ? org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase()
        : "Error";
    String slug = reason.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    String body = "{\"type\":\"" + Problems.BASE + slug + "\",\"title\":\"" + reason + "\",\"status\":" + status
        + ",\"detail\":\"The request was refused by the web server (" + status + " " + reason + ").\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is already on its way: nothing more to say
    }
  }
}
