package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestFirewallTests {

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/deployment/create;x=1", "/engine-rest//task", "//engine-rest/task",
      "/engine-rest/./task", "/engine-rest/task/..", "/a/../engine-rest/task", "/engine-rest%2ftask",
      "/engine-rest/task%2E%2E", "/engine-rest/task%3bx", "/engine-rest/task%252e", "/engine-rest\\task",
      "/engine-rest/task%00"})
  void refusesEveryOtherSpellingOfAPath(String path) {
    assertThat(RequestFirewall.refusal(path)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/engine-rest/task", "/api/v1/complaints/2026-000001", "/dashboard/",
      "/camunda/app/tasklist/default/", "/webjars/leaflet/1.9.4/dist/leaflet.css", "/api/v1/task%20x", "/a.b/c.d"})
  void letsPlainPathsThrough(String path) {
    assertThat(RequestFirewall.refusal(path)).isEmpty();
  }
}
