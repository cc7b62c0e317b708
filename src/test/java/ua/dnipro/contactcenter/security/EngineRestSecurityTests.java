package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;


import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * /engine-rest as an attacker would try it: every operation of Camunda's own OpenAPI document,
 * for the default and the named engine, as an anonymous caller; then what a channel's account can
 * do there with valid credentials (only its own notifications).
 */
class EngineRestSecurityTests extends PostgresApplicationTest {

  static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "options");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  record Operation(String method, String path) {
  }

  @Test
  void everyEngineRestOperationAsksAnAnonymousCallerForCredentials() throws Exception {
    List<Operation> operations = camundaRestOperations();
    assertThat(operations).hasSizeGreaterThan(390);
    HttpApi anonymous = anonymous();
    List<String> open = new ArrayList<>();

    for (Operation operation : operations) {
      String path = operation.path().replaceAll("\\{[^}]+}", "x");
      for (String prefix : List.of("/engine-rest", "/engine-rest/engine/default")) {
        Response response = anonymous.send(operation.method().toUpperCase(), prefix + path,
            operation.method().equals("get") || operation.method().equals("options") ? null : "{}");
        boolean engineList = prefix.equals("/engine-rest") && path.equals("/engine") && operation.method().equals("get");
        if (engineList ? response.status() != 200 : response.status() != 401) {
          open.add(operation.method().toUpperCase() + " " + prefix + path + " -> " + response.status());
        }
      }
    }
    assertThat(open).as("operations that did not answer 401 (or 200 for the engine list)").isEmpty();
  }

  @Test
  void aChannelAccountCanDoNothingInTheEngineButWorkItsOwnNotifications() {
    Response filed = as("hotline").post("/api/v1/complaints", ComplaintFixtures.apiBodyAtAHouseOfItsOwn());
    assertThat(filed.status()).isEqualTo(201);
    String number = filed.json().get("number").asText();
    String complaintId = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(number).singleResult().getId();
    HttpApi hotline = as("hotline");

    // beyond the external-task protocol, nothing: not even reading
    for (String path : List.of("/engine-rest/process-definition", "/engine-rest/task",
        "/engine-rest/process-instance?processDefinitionKey=ComplaintProcess",
        "/engine-rest/history/variable-instance?processInstanceId=" + complaintId,
        "/engine-rest/process-instance/" + complaintId + "/variables", "/engine-rest/deployment",
        "/engine-rest/authorization")) {
      assertThat(hotline.get(path).status()).as(path).isEqualTo(403);
    }
    assertThat(hotline.put("/engine-rest/process-instance/" + complaintId + "/variables/status",
        Map.of("value", "RESOLVED", "type", "String")).status()).isIn(403, 404);
    assertThat(state(number).status()).hasToString("IN_PROGRESS");
    assertThat(hotline.post("/engine-rest/process-definition/key/ComplaintProcess/start",
        Map.of("businessKey", "2026-999999")).status()).isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2026-999999").count()).isZero();

    // a resolved complaint waits for the citizen's re-opening: only through the channel API
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(ua.dnipro.contactcenter.complaint.DepartmentWork.Elements.TASK_RESOLVE).singleResult();
    taskService.complete(task.getId(), Variables.putValue("outcome", "RESOLVED").putValue("resolution", "Усунуто"));
    await().atMost(Duration.ofSeconds(60)).until(() -> state(number).status().name().equals("RESOLVED"));
    Response reopen = hotline.post("/engine-rest/message", Map.of("messageName", "ComplaintReopened",
        "processInstanceId", complaintId));
    assertThat(reopen.status()).as(reopen.body()).isEqualTo(403);
    assertThat(state(number).status()).hasToString("RESOLVED");

    // its own citizens' notifications it sees, and no other channel's
    JsonNode notifications = hotline.get("/engine-rest/external-task?topicName=citizen-notification-hotline").json();
    assertThat(notifications).isNotEmpty();
    notifications.forEach(notification -> assertThat(runtimeService.getVariable(
        notification.get("processInstanceId").asText(), "channel")).isEqualTo("HOTLINE"));
    assertThat(as("telegram-bot").get("/engine-rest/external-task?topicName=citizen-notification-hotline").json()).isEmpty();
    Response stolen = as("telegram-bot").post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "thief",
        "maxTasks", 100, "topics", List.of(Map.of("topicName", "citizen-notification-hotline", "lockDuration", 1000))));
    assertThat(stolen.status()).isEqualTo(200);
    assertThat(stolen.json()).isEmpty();
  }

  static List<Operation> camundaRestOperations() throws Exception {
    try (InputStream in = EngineRestSecurityTests.class.getClassLoader().getResourceAsStream("openapi.json")) {
      JsonNode paths = new ObjectMapper().readTree(in).get("paths");
      List<Operation> operations = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        path.getValue().fieldNames().forEachRemaining(method -> {
          if (METHODS.contains(method)) {
            operations.add(new Operation(method, path.getKey()));
          }
        });
      }
      return operations;
    }
  }
}
