package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * Health for load balancers, everything else of the actuator for administrators; and a node that is
 * not ready answers 503 with Retry-After rather than failing half-way.
 */
class OperationsAccessTests extends PostgresApplicationTest {

  @Test
  void aLoadBalancerReadsTheStatusAndOnlyAdministratorsReadMoreOrTheMetrics() {
    Response ready = anonymous().get("/actuator/health/readiness");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("UP");
    assertThat(ready.json().has("components")).as("no details for anybody").isFalse();
    assertThat(anonymous().get("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
    assertThat(anonymous().get("/actuator/health").json().has("components")).isFalse();

    Response details = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD).get("/actuator/health/readiness");
    assertThat(details.json().at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(details.json().at("/components/jobExecution/status").asText()).isEqualTo("UP");
    assertThat(details.json().at("/components/readinessState/status").asText()).isEqualTo("UP");

    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(anonymous().get("/actuator/metrics").status()).isEqualTo(401);
    assertThat(anonymous().get("/actuator").status()).isEqualTo(401);
    assertThat(as("hotline").get("/actuator/prometheus").status()).as("a channel is no administrator").isEqualTo(403);
    Response metrics = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD).get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
  }

  @Test
  void aNodeThatIsNotReadyAnswers503WithRetryAfter() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    new NotReadyYet(availability(ReadinessState.REFUSING_TRAFFIC), new ObjectMapper())
        .doFilter(new MockHttpServletRequest("POST", "/api/v1/complaints"), response, chain);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(chain.getRequest()).as("not passed on").isNull();

    MockFilterChain passed = new MockFilterChain();
    new NotReadyYet(availability(ReadinessState.ACCEPTING_TRAFFIC), new ObjectMapper())
        .doFilter(new MockHttpServletRequest("POST", "/api/v1/complaints"), new MockHttpServletResponse(), passed);
    assertThat(passed.getRequest()).isNotNull();
  }

  static ApplicationAvailability availability(ReadinessState readiness) {
    return new ApplicationAvailability() {
      @Override
      public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
        return getState(type);
      }

      @Override
      @SuppressWarnings("unchecked")
      public <S extends AvailabilityState> S getState(Class<S> type) {
        return type == ReadinessState.class ? (S) readiness : (S) LivenessState.CORRECT;
      }

      @Override
      public <S extends AvailabilityState> org.springframework.boot.availability.AvailabilityChangeEvent<S> getLastChangeEvent(
          Class<S> type) {
        return null;
      }
    };
  }
}
