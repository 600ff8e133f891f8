package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.junit.jupiter.api.Test;

/** Tomcat's own error pages as problem+json. */
class ProblemErrorReportValveTest {
  private final ProblemErrorReportValve valve = new ProblemErrorReportValve();
  private final Response response = mock(Response.class);
  private final StringWriter written = new StringWriter();

  private void respond(int status, long contentWritten, boolean firstReport) throws IOException {
    when(response.getStatus()).thenReturn(status);
    when(response.getContentWritten()).thenReturn(contentWritten);
    when(response.setErrorReported()).thenReturn(firstReport);
    when(response.getReporter()).thenReturn(new PrintWriter(written));
  }

  @Test
  void aRefusalIsWrittenAsProblemJson() throws IOException {
    respond(400, 0, true);
    valve.report(mock(Request.class), response, null);
    assertThat(written.toString())
        .isEqualTo("{\"type\":\"/problems/bad-request\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"The request was refused by the web server (400 Bad Request).\"}");
    verify(response).setContentType("application/problem+json");
    verify(response).setCharacterEncoding("UTF-8");
    verify(response).finishResponse();
  }

  @Test
  void theReasonBecomesTheTypeSlug() throws IOException {
    respond(431, 0, true);
    valve.report(mock(Request.class), response, null);
    assertThat(written.toString()).startsWith("{\"type\":\"/problems/request-header-fields-too-large\","
        + "\"title\":\"Request Header Fields Too Large\",\"status\":431,");
  }

  @Test
  void anUnknownStatusIsAnError() throws IOException {
    respond(499, 0, true);
    valve.report(mock(Request.class), response, null);
    assertThat(written.toString()).isEqualTo("{\"type\":\"/problems/error\",\"title\":\"Error\",\"status\":499,"
        + "\"detail\":\"The request was refused by the web server (499 Error).\"}");
  }

  @Test
  void successAWrittenBodyOrAnEarlierReportIsLeftAlone() throws IOException {
    respond(399, 0, true);
    valve.report(mock(Request.class), response, null);
    respond(500, 1, true);
    valve.report(mock(Request.class), response, null);
    respond(500, 0, false);
    valve.report(mock(Request.class), response, null);
    assertThat(written.toString()).isEmpty();
    verify(response, never()).setContentType(anyString());
  }

  @Test
  void withoutAReporterNothingIsFinished() throws IOException {
    respond(404, 0, true);
    when(response.getReporter()).thenReturn(null);
    valve.report(mock(Request.class), response, null);
    verify(response).setContentType("application/problem+json");
    verify(response, never()).finishResponse();
  }

  @Test
  void aClientThatIsGoneIsNoFailure() throws IOException {
    respond(400, 0, true);
    doThrow(new IOException("broken pipe")).when(response).finishResponse();
    valve.report(mock(Request.class), response, null);
    respond(400, 0, true);
    doThrow(new IllegalStateException("committed")).when(response).setContentType(anyString());
    valve.report(mock(Request.class), response, null);
    assertThat(written.toString()).contains("\"status\":400");
  }
}
