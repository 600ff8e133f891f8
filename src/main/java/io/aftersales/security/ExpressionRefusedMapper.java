package io.aftersales.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.shared.Problems;
import io.aftersales.shared.Problems.FieldError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.springframework.http.ProblemDetail;

/**
 * Answers {@link ExpressionRefusedException} in the engine REST API and the webapps' engine API (both
 * Jersey, outside Spring MVC) as RFC 9457 problem+json with the fields at fault. {@code message} is kept
 * beside {@code detail} because Camunda's clients (Tasklist, Modeler) show an error's {@code message}.
 */
public final class ExpressionRefusedMapper implements ExceptionMapper<ExpressionRefusedException> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Response toResponse(ExpressionRefusedException refused) {
    return badRequest(refused.errors(), refused.getMessage());
  }

  static Response badRequest(List<FieldError> errors, String message) {
    ProblemDetail problem = Problems.invalid(errors);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) body.putAll(problem.getProperties());
    body.put("message", message);
    try {
      return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json")
          .entity(JSON.writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Registers the mapper in every Jersey application of the process (engine REST and each webapp API),
   * through Jersey's service-loader discovery ({@code META-INF/services}); Camunda's webapp applications
   * offer no other way to add a provider.
   */
  public static final class Registration implements ForcedAutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(ExpressionRefusedMapper.class)) {
        context.register(ExpressionRefusedMapper.class);
        context.register(OrQueriesOnlyInBody.class);
      }
    }
  }

  /**
   * Camunda reads {@code orQueries} only from a POST body; as a URL parameter it fails with a 500
   * ("argument type mismatch"). Refused up front as the client's mistake.
   */
  @PreMatching
  public static final class OrQueriesOnlyInBody implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getUriInfo().getQueryParameters().containsKey("orQueries")) {
        request.abortWith(badRequest(List.of(new FieldError("orQueries",
            "'orQueries' is accepted only in the JSON body of a POST query")), "orQueries: only in a POST body"));
      }
    }
  }
}
