package ua.dnipro.contactcenter.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/** GET /api/v1/complaints/{number} and the citizen's re-opening, over real HTTP on PostgreSQL. */
class ComplaintTrackingApiTests extends PostgresApplicationTest {

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  String file(String account, String category, String issueType) {
    Map<String, Object> body = ComplaintFixtures.apiBody();
    body.put("category", category);
    body.put("issueType", issueType);
    // each test's complaint about its own place: the same question at the same place soon after a
    // resolution would be a repeated appeal
    ComplaintFixtures.part(body, "location").put("address", ComplaintFixtures.anotherHouse());
    Response response = as(account).post("/api/v1/complaints", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("number").asText();
  }

  @Test
  void theFilingChannelSeesStatusHistoryAndItsCitizensDataOtherChannelsOnlyTheStatus() {
    String number = file("hotline", "LIFTS", "PERSON_STUCK");

    JsonNode own = as("hotline").get("/api/v1/complaints/" + number).json();
    assertThat(own.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(own.at("/department/code").asText()).isEqualTo("lift-service");
    assertThat(own.get("overdue").asBoolean()).isFalse();
    assertThat(own.has("dueAt")).isTrue();
    // the statutory term the channel tells the citizen: fifteen days for people stuck in a lift (no
    // additional study), ending at midnight in Kyiv after its last day (later if that is a day off)
    java.time.Instant received = java.time.Instant.parse(own.get("receivedAt").asText());
    java.time.Instant term = java.time.Instant.parse(own.get("statutoryDeadline").asText());
    assertThat(term.atZone(java.time.ZoneId.of("Europe/Kyiv")).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
    assertThat(Duration.between(received, term)).isBetween(Duration.ofDays(15), Duration.ofDays(19));
    assertThat(own.at("/applicant/lastName").asText()).isEqualTo("Коваленко");
    assertThat(own.get("description").asText()).isNotBlank();
    assertThat(own.at("/location/address").asText()).startsWith("вул. Робоча, ");
    assertThat(events(own)).as("people stuck in a lift: an emergency").containsExactly("REGISTERED", "ROUTED",
        "EMERGENCY_ALERTED");

    Response foreign = as("telegram-bot").get("/api/v1/complaints/" + number);
    assertThat(foreign.status()).isEqualTo(200);
    JsonNode other = foreign.json();
    assertThat(other.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(other.has("applicant")).isFalse();
    assertThat(other.has("description")).isFalse();
    assertThat(other.has("location")).isFalse();
    assertThat(foreign.body()).doesNotContain("Коваленко", "+380671234567", "Січеславська", "вул. Робоча");
  }

  @Test
  void aResolvedComplaintShowsItsResolutionAndTheCitizenMayReopenIt() {
    String number = file("website", "LIGHTING", "LAMP_OUT");
    resolve(number, "Лампу замінено 12 листопада");

    JsonNode resolved = as("website").get("/api/v1/complaints/" + number).json();
    assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.get("resolution").asText()).isEqualTo("Лампу замінено 12 листопада");
    assertThat(resolved.has("resolvedAt")).isTrue();
    assertThat(resolved.has("reopenableUntil")).isTrue();
    assertThat(events(resolved)).containsExactly("REGISTERED", "ROUTED", "RESOLVED");

    assertThat(as("viber-bot").post("/api/v1/complaints/" + number + "/reopening", Map.of("reason", "Не світить")).status())
        .as("only the filing channel").isEqualTo(403);
    assertThat(as("website").post("/api/v1/complaints/" + number + "/reopening", Map.of("reason", " ")).status())
        .isEqualTo(422);

    Response reopened = as("website").post("/api/v1/complaints/" + number + "/reopening",
        Map.of("reason", "Ліхтар знову не світить"));

    assertThat(reopened.status()).as(reopened.body()).isEqualTo(202);
    assertThat(reopened.json().get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(reopened.json().has("resolution")).isFalse();
    assertThat(events(reopened.json())).containsExactly("REGISTERED", "ROUTED", "RESOLVED", "REOPENED", "ROUTED");

    Response again = as("website").post("/api/v1/complaints/" + number + "/reopening", Map.of("reason", "Ще раз"));
    assertThat(again.status()).as("an open complaint cannot be re-opened").isEqualTo(409);
    assertThat(again.json().get("type").asText()).endsWith("/not-reopenable");
  }

  @Test
  void theCitizenConfirmsTheResolutionWithARatingAndTheComplaintClosesAtOnce() {
    String number = file("website", "LIGHTING", "LAMP_OUT");
    String confirmation = "/api/v1/complaints/" + number + "/confirmation";
    Response early = as("website").post(confirmation, Map.of("rating", 5));
    assertThat(early.status()).as("not resolved yet").isEqualTo(409);
    assertThat(early.json().get("type").asText()).endsWith("/not-confirmable");
    resolve(number, "Лампу замінено");

    assertThat(as("viber-bot").post(confirmation, Map.of("rating", 5)).status()).as("only the filing channel")
        .isEqualTo(403);
    for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of(), Map.of("rating", 0), Map.of("rating", 6),
        Map.of("rating", -3), Map.of("rating", 4, "comment", "ж".repeat(2001)))) {
      Response refused = as("website").post(confirmation, bad);
      assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(422);
      assertThat(refused.body()).contains(bad.containsKey("comment") ? "\"comment\"" : "\"rating\"");
    }
    for (Object notAWholeNumber : List.of("five", 4.5)) {
      Response refused = as("website").post(confirmation, Map.of("rating", notAWholeNumber));
      assertThat(refused.status()).as(refused.body()).isBetween(400, 422);
      assertThat(refused.body()).contains("rating");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(number).count()).as("nothing refused changed anything").isEqualTo(1);

    Response confirmed = as("website").post(confirmation, Map.of("rating", 4, "comment", "Дякую, світить"));

    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(202);
    JsonNode view = confirmed.json();
    assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(view.get("rating").asInt()).isEqualTo(4);
    assertThat(view.has("confirmedAt")).isTrue();
    assertThat(view.get("reopenableUntil")).as("closed then: nothing to re-open").isEqualTo(view.get("confirmedAt"));
    assertThat(events(view)).containsExactly("REGISTERED", "ROUTED", "RESOLVED", "CONFIRMED");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(number).count()).as("closed at once").isZero();
    assertThat(as("website").post("/api/v1/complaints/" + number + "/reopening", Map.of("reason", "Ні")).status())
        .isEqualTo(409);
    assertThat(as("website").post(confirmation, Map.of("rating", 5)).status()).isEqualTo(409);
  }

  @Test
  void anUnknownNumberIs404() {
    Response response = as("hotline").get("/api/v1/complaints/1999-000001");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  void resolve(String number, String resolution) {
    var instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(number).singleResult();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult();
    taskService.complete(task.getId(), Variables.putValue("outcome", "RESOLVED").putValue("resolution", resolution));
    await().atMost(Duration.ofSeconds(60)).until(() ->
        "RESOLVED".equals(as("website").get("/api/v1/complaints/" + number).json().get("status").asText()));
  }

  static List<String> events(JsonNode complaint) {
    List<String> events = new ArrayList<>();
    complaint.get("history").forEach(entry -> events.add(entry.get("event").asText()));
    return events;
  }
}
