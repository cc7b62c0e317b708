package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/** Finding 7: the smaller holes, each sent as it was found. */
class SmallHolesAttackTests extends PostgresApplicationTest {

  static final String COMPLAINTS = "/api/v1/complaints";

  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ExternalTaskService externalTaskService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  static List<String> violations(Response response) {
    return java.util.stream.StreamSupport.stream(response.json().path("errors").spliterator(), false)
        .map(error -> error.get("field").asText() + ":" + error.get("rule").asText()).toList();
  }

  @Test
  void aNulByteInAnyTextIsAPermanent422NamingTheFieldNotARetry() {
    Map<String, Object> body = ComplaintFixtures.apiBody();
    body.put("description", "Немає води\u0000");
    ComplaintFixtures.part(body, "applicant").put("firstName", "Оле\u0000на");
    ComplaintFixtures.part(body, "applicant").put("email", "olena\u0000@example.com");
    ComplaintFixtures.part(body, "location").put("address", "вул. Робоча\u0000, 1");

    Response refused = as("hotline").header("Idempotency-Key", "nul-bytes").post(COMPLAINTS, body);

    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(violations(refused)).containsExactlyInAnyOrder("description:no-control-characters",
        "applicant.firstName:no-control-characters", "applicant.email:email-format",
        "location.address:no-control-characters");
    assertThat(refused.header("Retry-After")).isNull();
  }

  @Test
  void invisibleTextIsNoText() {
    Map<String, Object> body = ComplaintFixtures.apiBody();
    body.put("description", "\u200B\u200B\uFEFF");
    ComplaintFixtures.part(body, "applicant").put("lastName", "\u2060");

    assertThat(violations(as("hotline").post(COMPLAINTS, body)))
        .containsExactlyInAnyOrder("description:required", "applicant.lastName:required");
  }

  @Test
  void aWrongJsonTypeIsNamedWithoutOurClassesAndNothingIsCoercedOrIgnored() {
    Map<String, Object> body = ComplaintFixtures.apiBody();
    body.put("applicant", "Олена Коваленко");
    Response mistyped = as("hotline").post(COMPLAINTS, body);
    assertThat(mistyped.status()).isEqualTo(422);
    assertThat(violations(mistyped)).containsExactly("applicant:type");
    assertThat(mistyped.body()).doesNotContain("ua.dnipro", "ComplaintRequest", "$", "java.");
    assertThat(mistyped.json().get("errors").get(0).get("message").asText()).isEqualTo("must be a JSON object");

    Map<String, Object> stringLatitude = ComplaintFixtures.apiBody();
    ComplaintFixtures.part(stringLatitude, "location").put("lat", "48.46");
    Response coerced = as("hotline").post(COMPLAINTS, stringLatitude);
    assertThat(violations(coerced)).containsExactly("location.lat:type");

    String trailing = "{\"category\":\"WATER\"} and then some";
    assertThat(as("hotline").post(COMPLAINTS, trailing).status()).isEqualTo(400);
  }

  @Test
  void plainRefusalsOfTheEngineRestApiAre4xxNot500() {
    HttpApi admin = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    Response weak = admin.post("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "s.weak", "firstName", "Слабкий", "lastName", "Пароль"),
        "credentials", Map.of("password", "short")));
    assertThat(weak.status()).as(weak.body()).isEqualTo(400);
    assertThat(weak.json().get("problems").get(0).get("field").asText()).isEqualTo("credentials.password");
    assertThat(weak.json().get("problems").get(0).get("rule").asText()).isEqualTo("password-policy");
    assertThat(identityService.createUserQuery().userId("s.weak").count()).isZero();

    Response ghost = admin.put("/engine-rest/group/water-utility/members/s.ghost", Map.of());
    assertThat(ghost.status()).as(ghost.body()).isEqualTo(404);
    assertThat(ghost.json().get("message").asText()).contains("s.ghost");
    assertThat(admin.put("/engine-rest/group/no-such-group/members/" + PostgresForTests.ADMIN_USER, Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  void aRevokeThatTheEngineWouldNotEvaluateIsRefusedNotSilentlyStored() {
    HttpApi admin = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    Response revoke = admin.post("/engine-rest/authorization/create", Map.of("type", 2, "permissions", List.of("READ"),
        "groupId", "water-utility", "resourceType", 7, "resourceId", "*"));
    assertThat(revoke.status()).as(revoke.body()).isEqualTo(400);
    assertThat(revoke.body()).contains("type").contains("no-revokes");
    Response grant = admin.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("READ"),
        "groupId", "water-utility", "resourceType", 5, "resourceId", "revoke-test-filter"));
    assertThat(grant.status()).as("grants are the model: " + grant.body()).isEqualTo(200);
    admin.delete("/engine-rest/authorization/" + grant.json().get("id").asText());
  }

  @Test
  void aChannelCannotTouchItsNotificationsBeyondDeliveringThem() {
    Response filed = as("hotline").post(COMPLAINTS, ComplaintFixtures.apiBody());
    String number = filed.json().get("number").asText();
    ProcessInstance notification = runtimeService.createProcessInstanceQuery().processDefinitionKey("CitizenNotification")
        .processInstanceBusinessKey(number).list().get(0);
    HttpApi hotline = as("hotline");

    Response moved = hotline.post("/engine-rest/process-instance/" + notification.getId() + "/modification", Map.of(
        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_DeliverNotification",
            "variables", Map.of("notificationTopic", Map.of("value", "citizen-notification-telegram", "local", false))))));
    assertThat(moved.status()).isEqualTo(403);
    assertThat(hotline.put("/engine-rest/process-instance/" + notification.getId() + "/variables/notificationTopic",
        Map.of("value", "citizen-notification-telegram")).status()).isEqualTo(403);
    assertThat(runtimeService.getVariable(notification.getId(), "notificationTopic")).isNull();
    assertThat(externalTaskService.createExternalTaskQuery().processInstanceId(notification.getId()).singleResult()
        .getTopicName()).isEqualTo("citizen-notification-hotline");

    JsonNode locked = hotline.post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "hotline-adapter",
        "maxTasks", 10, "topics", List.of(Map.of("topicName", "citizen-notification-hotline", "lockDuration", 60000))))
        .json();
    String task = locked.get(0).get("id").asText();
    Response foreign = as("telegram-bot").post("/engine-rest/external-task/" + locked.get(0).get("id").asText()
        + "/complete", Map.of("workerId", "thief"));
    assertThat(foreign.status()).as("another channel's notification does not exist for it").isEqualTo(404);

    Response withVariables = hotline.post("/engine-rest/external-task/" + task + "/complete", Map.of(
        "workerId", "hotline-adapter", "variables", Map.of("recipientPhone", Map.of("value", "+380500000000"))));
    assertThat(withVariables.status()).isEqualTo(400);
    assertThat(hotline.post("/engine-rest/external-task/" + task + "/complete", Map.of("workerId", "hotline-adapter",
        "variables", Map.of())).status()).isEqualTo(204);
  }

  @Test
  void aResolutionIsShownOnlyToTheChannelThatFiledTheComplaint() {
    String number = as("hotline").post(COMPLAINTS, ComplaintFixtures.apiBodyAtAHouseOfItsOwn()).json().get("number")
        .asText();
    String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("ComplaintProcess")
        .processInstanceBusinessKey(number).singleResult().getId();
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getId(),
        Map.of("outcome", "RESOLVED", "resolution", "Воду подано; дзвонили пані Олені на +380671234567"));
    await().atMost(Duration.ofSeconds(60)).until(() -> state(number).status() == ComplaintStatus.RESOLVED);

    JsonNode own = as("hotline").get(COMPLAINTS + "/" + number).json();
    JsonNode foreign = as("viber-bot").get(COMPLAINTS + "/" + number).json();

    assertThat(own.get("resolution").asText()).startsWith("Воду подано");
    assertThat(foreign.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(foreign.has("resolution")).isFalse();
    assertThat(foreign.toString()).doesNotContain("+380671234567", "Олен");
  }

  @Test
  void theEngineRestApisAnswerPlainMistakesWith4xx() {
    HttpApi admin = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    Response negative = admin.get("/engine-rest/task?firstResult=-5");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().get("problems").get(0).get("field").asText()).isEqualTo("firstResult");
    assertThat(admin.get("/engine-rest/task/no-such-task/variables").status()).isEqualTo(404);
    assertThat(admin.post("/engine-rest/task", Map.of("sorting", List.of(Map.of("sortBy", "processVariable",
        "sortOrder", "asc")))).status()).isEqualTo(400);
  }

  @Test
  void anAdministratorsFileUploadReachesTheEngineWhole() {
    String number = as("hotline").post(COMPLAINTS, ComplaintFixtures.apiBodyAtAHouseOfItsOwn()).json().get("number")
        .asText();
    String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("ComplaintProcess")
        .processInstanceBusinessKey(number).singleResult().getId();
    String task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getId();

    Response attached = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD).postMultipart(
        "/engine-rest/task/" + task + "/attachment/create", Map.of("attachment-name", "act.txt",
            "attachment-description", "Акт", "attachment-type", "text/plain"),
        Map.of("content", "Акт виконаних робіт".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(attached.status()).as(attached.body()).isEqualTo(200);
    assertThat(taskService.getTaskAttachments(task)).hasSize(1);
  }

  @Test
  void ourOwnPagesAndApisTellTheBrowserItsRules() {
    for (String path : List.of("/dashboard/", "/classifier/", "/api/docs", "/api/v1/statistics", "/api/openapi.json")) {
      Response page = anonymous().get(path);
      assertThat(page.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'", "script-src 'self'",
          "object-src 'none'");
      assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    }
  }
}
