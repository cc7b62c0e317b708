package ua.dnipro.contactcenter;

import ua.dnipro.contactcenter.testing.HttpApi;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.intake.ComplaintFiling;
import ua.dnipro.contactcenter.statistics.StatisticsQueries;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Granularity;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Grouping;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The newcomer's profile: starts on H2 without any environment, deploys the models from
 * processes/ and decisions/, and creates the (loudly logged) development administrator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // the actuator on a port of its own, as operators may run it (docs/operations.md)
    "management.server.port=0",
    // an in-memory database instead of ./data, so the test leaves no files behind
    "spring.datasource.url=jdbc:h2:mem:default-profile;DB_CLOSE_DELAY=-1",
    // Camunda keeps engines in a static registry by name: "default" belongs to the PostgreSQL tests
    // (letters only: the starter ignores a name with a hyphen)
    "camunda.bpm.process-engine-name=defaultProfileTest",
    "contact-center.admin.user=",
    "contact-center.admin.password="})
class DefaultProfileTests {

  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired StatisticsQueries statistics;
  @Autowired ComplaintFiling filing;

  @Test
  void startsWithTheModelsOfTheRepositoryAndADevelopmentAdministrator() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("ComplaintProcess").count()).isEqualTo(1);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("ComplaintRouting").count()).isEqualTo(1);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("SlaTier").count()).isEqualTo(1);
    assertThat(identityService.checkPassword("admin", "Dnipro-dev-2026")).isTrue();
  }

  @Autowired org.springframework.boot.actuate.health.HealthEndpoint health;

  @Test
  void isReadyOnceStartedOnTheEmbeddedDatabase() {
    assertThat(health.healthForPath("readiness").getStatus())
        .isEqualTo(org.springframework.boot.actuate.health.Status.UP);
    assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(org.springframework.boot.actuate.health.Status.UP);
  }

  @org.springframework.boot.test.web.server.LocalManagementPort int managementPort;

  @Test
  void theActuatorOnAPortOfItsOwnIsGuardedAsOnTheApplicationsPort() {
    HttpApi anonymous = HttpApi.at(managementPort, null, null);
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
    assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health/readiness").json().has("components")).isFalse();
    HttpApi administrator = HttpApi.at(managementPort, "admin", "Dnipro-dev-2026");
    // (Spring Boot's tests export no Prometheus figures unless asked: the metrics endpoint stands for them)
    assertThat(administrator.get("/actuator/metrics").status()).isEqualTo(200);
    assertThat(administrator.get("/actuator/health/readiness").json().has("components")).isTrue();
    assertThat(administrator.get("/actuator/metrics/cc.http.answers?tag=door:actuator&tag=class:4xx").status())
        .as("the refusals on that port are counted too").isEqualTo(200);
  }

  @Test
  void theStatisticsQueriesRunOnH2AsOnPostgresql() {
    filing.file(ComplaintFixtures.complaint("WATER", "NO_WATER", "вул. Робоча, 1"));
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Kyiv"));
    assertThat(statistics.report(today, today, Granularity.DAY, Grouping.CATEGORY).totals())
        .singleElement().satisfies(water -> {
          assertThat(water.key()).isEqualTo("WATER");
          assertThat(water.received()).isEqualTo(1);
          assertThat(water.open()).isEqualTo(1);
        });
    for (Granularity granularity : Granularity.values()) {
      for (Grouping grouping : Grouping.values()) {
        assertThat(statistics.report(today.minusDays(40), today, granularity, grouping).totals()).isNotNull();
      }
    }
    assertThat(statistics.efficiency(today.minusDays(40), today)).isNotNull();
    assertThat(statistics.cells(today.minusDays(40), today)).isEmpty();
  }
}
