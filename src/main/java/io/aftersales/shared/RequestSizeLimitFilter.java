package io.aftersales.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code aftersales.api.max-body-size} on {@code /api/**} with 413
 * problem+json, before anything parses them; chunked bodies are counted while buffering.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {
  private final long maxBytes;
  private final long maxUploadBytes;
  private final ObjectMapper json;

  RequestSizeLimitFilter(@Value("${aftersales.api.max-body-size:256KB}") org.springframework.util.unit.DataSize max,
      @Value("${aftersales.api.max-upload-size:51MB}") org.springframework.util.unit.DataSize maxUpload,
      ObjectMapper json) {
    this.maxBytes = max.toBytes();
    this.maxUploadBytes = maxUpload.toBytes();
    this.json = json;
  }

  /** Uploads of photos and receipts ({@code POST /api/cases/{n}/attachments}) may be larger than JSON bodies. */
  private long limitOf(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/attachments")
        ? maxUploadBytes
        : maxBytes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitOf(request);
    if (request.getContentLengthLong() > limit) {
      reject(response, limit);
      return;
    }
    // A chunked multipart upload is counted by the container's multipart limits (spring.servlet.multipart.*), which
    // read the parts from the request itself: buffering it here would leave them nothing to read.
    boolean multipart = request.getContentType() != null
        && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    if (request.getContentLengthLong() == -1 && request.getHeader("Transfer-Encoding") != null && !multipart) {
      byte[] body = request.getInputStream().readNBytes((int) limit + 1);
      if (body.length > limit) {
        reject(response, limit);
        return;
      }
      chain.doFilter(new BufferedBodyRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void reject(HttpServletResponse response, long limit) throws IOException {
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.detail(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
        "Request body too large", "The request body must be at most " + limit + " bytes"));
  }

  private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }
        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
        @Override
        public boolean isFinished() { return in.available() == 0; }
        @Override
        public boolean isReady() { return true; }
        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() { return body.length; }

    @Override
    public long getContentLengthLong() { return body.length; }
  }
}
