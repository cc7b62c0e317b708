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
            "the request body is larger than " + CachedBodyRequest.MAX_BODY + " bytes", List.of());
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
    Optional<FieldViolation> problem = expressionOrBadPaging(request, effective, body);
    if (problem.isPresent()) {
      EngineApiErrors.invalid(response, json, problem.get());
      return;
    }
    Optional<EngineOperation> operation = EngineOperation.of(request.getMethod(), RequestPaths.of(request));
    Optional<EngineCaller> caller = EngineCaller.of(request, identityService, engineName);
    if (caller.isPresent() && !WebappSessions.tokenHolds(request)) {
      // the webapps' own check of their XSRF token comes after this filter; a change made here on
      // a session's behalf must not come before it
      EngineApiErrors.forbidden(response, json, "the session's XSRF token is missing or wrong");
      return;
    }
    // anonymous callers are the engine's and the webapps' own business: they answer 401
    if (operation.isPresent() && caller.isPresent()
        && answered(policy.decide(caller.get(), operation.get(), body), response)) {
      return;
    }
    ClientMistakeResponse answer = new ClientMistakeResponse(response);
    chain.doFilter(effective, answer);
    answer.finish(json);
  }

  /** An expression anywhere in the request, or paging that is not a whole number from 0. */
  private static Optional<FieldViolation> expressionOrBadPaging(HttpServletRequest request,
      HttpServletRequest effective, JsonNode body) {
    // a multipart body is left for its resource to read (its parts are files, not queries): only
    // the query string's names are looked at then
    for (String name : isMultipart(request) ? CachedBodyRequest.queryParameterNames(request.getQueryString())
        : effective.getParameterMap().keySet()) {
      if (ExpressionKeys.isExpressionKey(name)) {
        return Optional.of(expression(name));
      }
    }
    Optional<String> inBody = body == null ? Optional.empty() : ExpressionKeys.find(body);
    if (inBody.isPresent()) {
      return Optional.of(expression(inBody.get()));
    }
    var query = CachedBodyRequest.queryParameters(request.getQueryString());
    for (String paging : PAGING) {
      String value = query.getOrDefault(paging, List.of()).stream().findFirst().orElse(null);
      if (value != null && !value.matches("\\d{1,9}")) {
        return Optional.of(new FieldViolation(paging, "non-negative-integer",
            paging + " must be a whole number from 0, was '" + value + "'"));
      }
    }
    return Optional.empty();
  }

  private static FieldViolation expression(String field) {
    return new FieldViolation(field, "no-expressions",
        "expressions are not accepted in requests (no key ending in 'Expression', at any depth)");
  }

  /** Answers the policy's refusal, if it is one; whether the request is answered now. */
  private boolean answered(EnginePolicy.Decision decision, HttpServletResponse response) throws IOException {
    if (decision instanceof EnginePolicy.Refused refused) {
      EngineApiErrors.forbidden(response, json, refused.reason());
    } else if (decision instanceof EnginePolicy.Invalid invalid) {
      EngineApiErrors.invalid(response, json, invalid.problems());
    } else if (decision instanceof EnginePolicy.Missing missing) {
      EngineApiErrors.write(response, json, 404, EngineApiErrors.INVALID_REQUEST, missing.message(), List.of());
    } else if (decision instanceof EnginePolicy.Done done) {
      response.setStatus(done.status());
    } else {
      return false;
    }
    return true;
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
