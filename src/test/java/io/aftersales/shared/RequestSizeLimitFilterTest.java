package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** Bodies over the limit on /api/** are refused with 413 before anything parses them, chunked ones too. */
class RequestSizeLimitFilterTest {
  private final ObjectMapper json = new ObjectMapper();
  private final RequestSizeLimitFilter filter =
      new RequestSizeLimitFilter(DataSize.ofBytes(10), DataSize.ofBytes(20), json);
  private final MockHttpServletResponse response = new MockHttpServletResponse();
  private final MockFilterChain chain = new MockFilterChain();

  private static MockHttpServletRequest request(String uri, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  /** A chunked request: the length is unknown until the body is read. */
  private static MockHttpServletRequest chunked(String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases") {
      @Override
      public long getContentLengthLong() { return -1; }

      @Override
      public int getContentLength() { return -1; }
    };
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    request.addHeader("Transfer-Encoding", "chunked");
    return request;
  }

  private void assertRefused() throws Exception {
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = json.readTree(response.getContentAsByteArray());
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("type").asText()).isEqualTo("/problems/body-too-large");
    assertThat(problem.path("title").asText()).isEqualTo("Request body too large");
    assertThat(problem.path("detail").asText()).isEqualTo("The request body must be at most 10 bytes");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void aBodyOverTheLimitIsRefused() throws Exception {
    filter.doFilter(request("/api/cases", "12345678901"), response, chain);
    assertRefused();
  }

  @Test
  void aBodyAtTheLimitPasses() throws Exception {
    MockHttpServletRequest request = request("/api/cases", "1234567890");
    filter.doFilter(request, response, chain);
    assertThat(chain.getRequest()).isSameAs(request);
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void otherPathsAreNotLimited() throws Exception {
    MockHttpServletRequest request = request("/engine-rest/task", "x".repeat(100));
    filter.doFilter(request, response, chain);
    assertThat(chain.getRequest()).isSameAs(request);
    assertThat(filter.shouldNotFilter(request("/api", ""))).isTrue();
    assertThat(filter.shouldNotFilter(request("/api/", ""))).isFalse();
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefused() throws Exception {
    filter.doFilter(chunked("12345678901"), response, chain);
    assertRefused();
  }

  @Test
  void aChunkedBodyAtTheLimitIsPassedOnBuffered() throws Exception {
    filter.doFilter(chunked("1234567890"), response, chain);
    ServletRequest passed = chain.getRequest();
    assertThat(passed).isNotNull().isInstanceOf(HttpServletRequest.class);
    assertThat(passed.getContentLength()).isEqualTo(10);
    assertThat(passed.getContentLengthLong()).isEqualTo(10);
    ServletInputStream in = passed.getInputStream();
    assertThat(in.isReady()).isTrue();
    assertThat(in.isFinished()).isFalse();
    assertThat(in.read()).isEqualTo('1');
    byte[] rest = new byte[20];
    assertThat(in.read(rest, 0, 20)).isEqualTo(9);
    assertThat(new String(rest, 0, 9, StandardCharsets.UTF_8)).isEqualTo("234567890");
    assertThat(in.isFinished()).isTrue();
    assertThat(in.read()).isEqualTo(-1);
    assertThatThrownBy(() -> in.setReadListener(null)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(passed.getReader().readLine()).isEqualTo("1234567890");
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void anUnknownLengthWithoutChunkingIsPassedOnAsItIs() throws Exception {
    MockHttpServletRequest request = chunked("12345678901");
    request.removeHeader("Transfer-Encoding");
    filter.doFilter(request, response, chain);
    assertThat(chain.getRequest()).isSameAs(request);
  }

  @Test
  void aChunkedMultipartUploadIsLeftToTheContainersMultipartLimits() throws Exception {
    MockHttpServletRequest upload = chunked("x".repeat(15));
    upload.setContentType("multipart/form-data; boundary=b");
    filter.doFilter(upload, response, chain);
    assertThat(response.getStatus()).isEqualTo(200);
    // Passed on as it is, unread: the container parses the parts from the request itself.
    assertThat(chain.getRequest()).isSameAs(upload);
  }

  @Test
  void anUploadOfAttachmentsHasItsOwnLargerLimit() throws Exception {
    MockHttpServletRequest upload = request("/api/cases/SC-2026-000001/attachments", "x".repeat(15));
    filter.doFilter(upload, response, chain);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(chain.getRequest()).isNotNull();

    MockHttpServletResponse tooLarge = new MockHttpServletResponse();
    filter.doFilter(request("/api/cases/SC-2026-000001/attachments", "x".repeat(21)), tooLarge, new MockFilterChain());
    assertThat(tooLarge.getStatus()).isEqualTo(413);
    assertThat(tooLarge.getContentAsString()).contains("at most 20 bytes");

    MockHttpServletResponse json = new MockHttpServletResponse();
    filter.doFilter(request("/api/cases/SC-2026-000001/messages", "x".repeat(15)), json, new MockFilterChain());
    assertThat(json.getStatus()).as("a reply keeps the JSON limit").isEqualTo(413);
  }

  @Test
  void aLargerLimitLetsLargerBodiesThrough() throws Exception {
    RequestSizeLimitFilter kilobyte =
        new RequestSizeLimitFilter(DataSize.ofKilobytes(1), DataSize.ofKilobytes(2), json);
    MockHttpServletRequest request = request("/api/cases", "x".repeat(1024));
    kilobyte.doFilter(request, response, chain);
    assertThat(chain.getRequest()).isSameAs(request);
  }
}
