package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.dnipro.contactcenter.api.Problems;

/**
 * Until the node is ready (its start-up work done: groups, accounts, the classifier; Spring Boot
 * serves requests before its runners have finished), the APIs and the engine answer 503 with
 * Retry-After instead of failing half-way; so they do when the node stops taking traffic.
 */
class NotReadyYet extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "5";

  private final ApplicationAvailability availability;
  private final ObjectMapper json;

  NotReadyYet(ApplicationAvailability availability, ObjectMapper json) {
    this.availability = availability;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-ready",
        "Not ready", "the node is starting or stopping: try again in " + RETRY_AFTER_SECONDS + " s"));
  }
}
