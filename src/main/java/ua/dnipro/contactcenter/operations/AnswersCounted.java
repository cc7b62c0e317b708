package ua.dnipro.contactcenter.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer of the node, counted by door and status class ({@code cc_http_answers_total{door,
 * class}}), the first thing a request meets and the last it leaves, so that refusals of the guards
 * (400 of the firewall, 401, 403, 429, 503) are counted as well as the controllers' answers, which
 * Spring's own {@code http_server_requests} leaves to the doors it knows.
 */
public class AnswersCounted extends OncePerRequestFilter {

  /** Doors by path prefix, first match wins. */
  static final List<Map.Entry<String, String>> DOORS = List.of(
      Map.entry("/api/", "api"),
      Map.entry("/open311/", "open311"),
      Map.entry("/engine-rest/", "engine-rest"),
      Map.entry("/camunda/api/", "webapps-api"),
      Map.entry("/camunda/", "webapps"),
      Map.entry("/actuator", "actuator"));

  private final MeterRegistry registry;

  public AnswersCounted(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      // what escapes every filter is answered 500 by the server
      count(door(request.getRequestURI().substring(request.getContextPath().length())),
          failed ? 500 : response.getStatus());
    }
  }

  static String door(String path) {
    return DOORS.stream().filter(door -> path.startsWith(door.getKey())).map(Map.Entry::getValue).findFirst()
        .orElse("other");
  }

  private void count(String door, int status) {
    Counter.builder("cc.http.answers").description("Answers per door and status class")
        .tag("door", door).tag("class", status / 100 + "xx").register(registry).increment();
  }
}
