package ua.dnipro.contactcenter;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The newcomer's profile: starts on H2 without any environment, deploys the models from
 * processes/ and decisions/, and creates the (loudly logged) development administrator.
 */
@SpringBootTest(properties = {
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

  @Test
  void startsWithTheModelsOfTheRepositoryAndADevelopmentAdministrator() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("ComplaintProcess").count()).isEqualTo(1);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("ComplaintRouting").count()).isEqualTo(1);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("SlaTier").count()).isEqualTo(1);
    assertThat(identityService.checkPassword("admin", "Dnipro-dev-2026")).isTrue();
  }
}
