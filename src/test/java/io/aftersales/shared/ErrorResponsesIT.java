package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.IntegrationTestSupport;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Issue 6, promise 10: errors raised below Spring MVC (Tomcat, filters, the webapps) are problem+json too. */
class ErrorResponsesIT extends IntegrationTestSupport {
  @LocalServerPort
  int port;

  private String raw(String requestLine) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void tomcatsOwnRefusalsAreProblemJson() throws Exception {
    for (String line : new String[]{"GET /api/cases/%zz HTTP/1.1", "GET /api/cases/a%00b HTTP/1.1"}) {
      String response = raw(line);
      assertThat(response).as(line).startsWith("HTTP/1.1 400");
      assertThat(response.toLowerCase()).as(line).contains("content-type: application/problem+json");
      assertThat(response).as(line).contains("\"status\":400");
    }
  }

  @Test
  void errorsOfFiltersAndServletsKeepTheirStatusAsProblemJson() {
    // The webapps' CSRF filter refuses a POST without its token (sendError 403).
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> csrf = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>("username=anna&password=demo", form), String.class);
    assertThat(csrf.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(csrf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(csrf.getBody()).contains("\"status\":403");
  }
}
