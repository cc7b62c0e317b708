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
    String door = door(request.getRequestURI().substring(request.getContextPath().length()));
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      if (!failed && request.isAsyncStarted()) {
        // answered later, on another thread (the engine's long polling): counted when it is
        request.getAsyncContext().addListener(new jakarta.servlet.AsyncListener() {
          @Override
          public void onComplete(jakarta.servlet.AsyncEvent event) {
            count(door, ((HttpServletResponse) event.getSuppliedResponse()).getStatus());
          }

          @Override
          public void onTimeout(jakarta.servlet.AsyncEvent event) {
          }

          @Override
          public void onError(jakarta.servlet.AsyncEvent event) {
          }

          @Override
          public void onStartAsync(jakarta.servlet.AsyncEvent event) {
          }
        });
      } else {
        // what escapes every filter is answered 500 by the server
        count(door, failed ? 500 : response.getStatus());
      }
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
