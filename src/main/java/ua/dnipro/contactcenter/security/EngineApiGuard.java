package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.dnipro.contactcenter.api.FieldViolation;

/**
 * Stands in front of both doors to the engine, {@code /engine-rest} and the webapps' own
 * {@code /camunda/api}: reads each request once, refuses any request-supplied expression in its
 * parameters or body, refuses bodies that are not strict JSON (a body our check cannot read is a
 * body it cannot vouch for), and holds every authenticated call to the {@link EnginePolicy}.
 */
class EngineApiGuard extends OncePerRequestFilter {

  /** Strict: no trailing content after the document, nothing Camunda's own reader would take differently. */
  static final ObjectMapper STRICT_JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static final List<String> PAGING = List.of("firstResult", "maxResults");

  private final ObjectMapper json;
  private final EnginePolicy policy;
  private final IdentityService identityService;
  private final String engineName;

  EngineApiGuard(ObjectMapper json, EnginePolicy policy, IdentityService identityService, String engineName) {
    this.json = json;
    this.policy = policy;
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest effective = request;
    JsonNode body = null;
    if (!isMultipart(request)) {
      Optional<CachedBodyRequest> cached = CachedBodyRequest.of(request);
      if (cached.isEmpty()) {
        EngineApiErrors.write(response, json, 413, EngineApiErrors.INVALID_REQUEST,
            "the request body is larger than " + CachedBodyRequest.MAX_BODY + " bytes", java.util.List.of());
        return;
      }
      effective = cached.get();
      if (!cached.get().isForm() && !isBlank(cached.get().body())) {
        try {
          body = STRICT_JSON.readTree(cached.get().body());
        } catch (JacksonException notJson) {
          EngineApiErrors.invalid(response, json, new FieldViolation("body", "json",
              "the request body is not a single well-formed JSON document"));
          return;
        }
      }
    }
    // a multipart body is left for its resource to read (its parts are files, not queries): only
    // the query string's names are looked at then
    for (String name : isMultipart(request) ? CachedBodyRequest.queryParameterNames(request.getQueryString())
        : effective.getParameterMap().keySet()) {
      if (ExpressionKeys.isExpressionKey(name)) {
        refuseExpression(response, name);
        return;
      }
    }
    var query = CachedBodyRequest.queryParameters(request.getQueryString());
    for (String paging : PAGING) {
      String value = query.getOrDefault(paging, List.of()).stream().findFirst().orElse(null);
      if (value != null && !value.matches("\\d{1,9}")) {
        EngineApiErrors.invalid(response, json, new FieldViolation(paging, "non-negative-integer",
            paging + " must be a whole number from 0, was '" + value + "'"));
        return;
      }
    }
    if (body != null) {
      Optional<String> expression = ExpressionKeys.find(body);
      if (expression.isPresent()) {
        refuseExpression(response, expression.get());
        return;
      }
    }
    Optional<EngineOperation> operation = EngineOperation.of(request.getMethod(), RequestPaths.of(request));
    Optional<EngineCaller> caller = EngineCaller.of(request, identityService, engineName);
    if (operation.isPresent() && caller.isPresent()) {
      // anonymous callers are the engine's and the webapps' own business: they answer 401
      EnginePolicy.Decision decision = policy.decide(caller.get(), operation.get(), body);
      if (decision instanceof EnginePolicy.Refused refused) {
        EngineApiErrors.forbidden(response, json, refused.reason());
        return;
      }
      if (decision instanceof EnginePolicy.Invalid invalid) {
        EngineApiErrors.invalid(response, json, invalid.problems());
        return;
      }
      if (decision instanceof EnginePolicy.Missing missing) {
        EngineApiErrors.write(response, json, 404, EngineApiErrors.INVALID_REQUEST, missing.message(), java.util.List.of());
        return;
      }
      if (decision instanceof EnginePolicy.Done done) {
        response.setStatus(done.status());
        return;
      }
    }
    ClientMistakeResponse answer = new ClientMistakeResponse(response);
    chain.doFilter(effective, answer);
    answer.finish(json);
  }

  private void refuseExpression(HttpServletResponse response, String field) throws IOException {
    EngineApiErrors.invalid(response, json, new FieldViolation(field, "no-expressions",
        "expressions are not accepted in requests (no key ending in 'Expression', at any depth)"));
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
