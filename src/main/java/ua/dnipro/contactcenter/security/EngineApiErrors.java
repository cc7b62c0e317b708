package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import ua.dnipro.contactcenter.api.FieldViolation;

/**
 * Refusals on the engine's REST APIs in the engine's own error format ({@code type}, {@code message}),
 * which Tasklist and Camunda's clients show as they are, with every broken rule under {@code problems}.
 */
final class EngineApiErrors {

  static final String INVALID_REQUEST = "InvalidRequestException";
  static final String AUTHORIZATION = "AuthorizationException";

  private EngineApiErrors() {
  }

  static void write(HttpServletResponse response, ObjectMapper json, int status, String type, String message,
      List<FieldViolation> problems) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (!problems.isEmpty()) {
      body.put("problems", problems);
    }
    response.setStatus(status);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }

  static void invalid(HttpServletResponse response, ObjectMapper json, FieldViolation problem) throws IOException {
    write(response, json, 400, INVALID_REQUEST, problem.field() + ": " + problem.message(), List.of(problem));
  }

  static void invalid(HttpServletResponse response, ObjectMapper json, List<FieldViolation> problems) throws IOException {
    String message = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
        : problems.size() + " fields break the rules: " + problems.stream()
            .map(p -> p.field() + " (" + p.message() + ")").reduce((a, b) -> a + "; " + b).orElse("");
    write(response, json, 400, INVALID_REQUEST, message, problems);
  }

  static void forbidden(HttpServletResponse response, ObjectMapper json, String message) throws IOException {
    write(response, json, 403, AUTHORIZATION, message, List.of());
  }
}
