package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.PostgresForTests;
import ua.dnipro.contactcenter.testing.TasklistSession;

/**
 * Finding 6: {@code POST /engine-rest/deployment/create;x=1} did not match the Modeler gate's
 * pattern, yet reached the engine, so an administrator's credentials deployed any BPMN. Every
 * other spelling of the same path must be refused or gated too, and nothing may be deployed.
 */
class PathBypassAttackTests extends PostgresApplicationTest {

  static final byte[] ATTACK = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="attack">
        <process id="Attack" isExecutable="true"><startEvent id="start"/></process>
      </definitions>""".getBytes(StandardCharsets.UTF_8);

  @Autowired RepositoryService repositoryService;

  @Test
  void noSpellingOfTheDeploymentPathDeploysAProcess() {
    HttpApi admin = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    long deployments = repositoryService.createDeploymentQuery().count();

    for (String path : List.of("/engine-rest/deployment/create;x=1", "/engine-rest/deployment;x=1/create",
        "/engine-rest//deployment/create", "//engine-rest/deployment/create", "/engine-rest/./deployment/create",
        "/engine-rest/deployment/x/../create", "/engine-rest/deployment/create%3Bx=1",
        "/engine-rest/deployment%2Fcreate")) {
      Response response = admin.postMultipart(path, Map.of("deployment-name", "attack"), Map.of("Attack.bpmn", ATTACK));
      assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(400);
    }
    // encodings the router undoes are decoded before the gate decides: the gate takes no processes
    for (String path : List.of("/engine-rest/deployment/%63reate", "/engine-rest/engine/default/deployment/create/",
        "/engine-rest/%64eployment/create")) {
      Response response = admin.postMultipart(path, Map.of("deployment-name", "attack"), Map.of("Attack.bpmn", ATTACK));
      assertThat(response.status()).as(path + " -> " + response.body()).isIn(400, 404);
    }

    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Attack").count()).isZero();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void tasklistsOwnApiDeploysAndReDeploysNothingEvenForAnAdministrator() {
    TasklistSession admin = TasklistSession.login(port, PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    String anyDeployment = repositoryService.createDeploymentQuery().list().get(0).getId();
    long deployments = repositoryService.createDeploymentQuery().count();

    var redeployed = admin.post(TasklistSession.engine("/deployment/" + anyDeployment + "/redeploy"), "{}");
    assertThat(redeployed.statusCode()).as(redeployed.body()).isEqualTo(403);
    assertThat(as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD)
        .post("/engine-rest/engine/default/deployment/" + anyDeployment + "/redeploy", Map.of()).status()).isEqualTo(403);
    assertThat(admin.post(TasklistSession.engine("/deployment/create"), "{}").statusCode()).isEqualTo(403);

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void thePlainPathStillWorksForWhatItIsFor() {
    assertThat(anonymous().get("/engine-rest/engine").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/v1/statistics").status()).isEqualTo(200);
  }
}
