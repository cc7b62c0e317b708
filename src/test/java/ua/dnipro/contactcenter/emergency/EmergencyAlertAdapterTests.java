package ua.dnipro.contactcenter.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.fasterxml.jackson.databind.JsonNode;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * An SMS or pager adapter, as it would be written: an account of the group
 * emergency-alert-adapters fetching the topic emergency-alert over /engine-rest. It gets each
 * emergency's alert, without the applicant, and nothing else; channels do not get the alerts.
 */
class EmergencyAlertAdapterTests extends PostgresApplicationTest {

  static final String ADAPTER = "sms-gateway";

  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void thePagerAdapterGetsTheAlertOfAnEmergencyWithoutTheApplicantAndCompletesIt() {
    String number = file(ComplaintFixtures.apiBodyAtAHouseOfItsOwn());
    HttpApi adapter = adapter();

    JsonNode alert = fetchAlertOf(adapter, number);

    assertThat(alert).as("the alert of " + number).isNotNull();
    JsonNode variables = alert.get("variables");
    assertThat(variables.at("/event/value").asText()).isEqualTo("EMERGENCY_ALERTED");
    assertThat(variables.at("/message/value").asText()).startsWith("Аварія " + number + " · Водопостачання")
        .contains("КП «Дніпроводоканал»", "Взяти в роботу до ");
    assertThat(variables.at("/recipientGroups/value").asText()).isEqualTo("duty-dispatchers,water-utility-heads");
    assertThat(variables.toString()).doesNotContain("Коваленко").doesNotContain("380671234567")
        .doesNotContain("Січеславська").doesNotContain("вул.");
    Response completed = adapter.post("/engine-rest/external-task/" + alert.get("id").asText() + "/complete",
        Map.of("workerId", ADAPTER));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    // past the save point after the delivery, the job executor ends it
    await().atMost(Duration.ofSeconds(60)).until(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(EmergencyAlert.KEY).processInstanceBusinessKey(number).count() == 0);
  }

  @Test
  void aComplaintThatIsNoEmergencyPagesNobody() {
    var body = ComplaintFixtures.apiBodyAtAHouseOfItsOwn();
    body.put("category", "ROADS");
    body.put("issueType", "POTHOLE");
    String number = file(body);

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EmergencyAlert.KEY)
        .processInstanceBusinessKey(number).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
  }

  @Test
  void theAdapterSeesNothingButTheAlertsAndChannelsDoNotSeeTheAlerts() {
    String number = file(ComplaintFixtures.apiBodyAtAHouseOfItsOwn());
    HttpApi adapter = adapter();

    assertThat(adapter.get("/engine-rest/task").status()).as("a machine account works external tasks only")
        .isEqualTo(403);
    assertThat(adapter.get("/engine-rest/process-instance").status()).isEqualTo(403);
    assertThat(adapter.get("/api/v1/complaints/" + number).status()).isIn(401, 403);
    Response citizens = adapter.post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", ADAPTER,
        "maxTasks", 50, "topics", List.of(Map.of("topicName", "citizen-notification-hotline", "lockDuration", 1000))));
    assertThat(citizens.status()).isEqualTo(200);
    assertThat(citizens.json()).as("the citizens' notifications are the channels' alone").isEmpty();

    Response byChannel = as("hotline").post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "hotline",
        "maxTasks", 50, "topics", List.of(Map.of("topicName", EmergencyAlert.TOPIC, "lockDuration", 1000))));
    assertThat(byChannel.status()).isEqualTo(200);
    assertThat(byChannel.json()).as("the alerts are the adapters' alone").isEmpty();
  }

  @Test
  void theDutyDispatchersAndTheHeadsSeeTheEmergencyInTheirTasksButNotTheExecutorsTask() {
    String number = file(ComplaintFixtures.apiBodyAtAHouseOfItsOwn());
    String duty = Accounts.person(identityService, "duty.olha", CityGroups.DUTY_DISPATCHERS);

    identityService.setAuthentication(duty, List.of(CityGroups.DUTY_DISPATCHERS));
    try {
      List<Task> seen = taskService.createTaskQuery().processInstanceBusinessKey(number).list();
      assertThat(seen).extracting(Task::getTaskDefinitionKey).containsExactly("Task_TakeEmergencyUnderControl");
    } finally {
      identityService.clearAuthentication();
    }
    identityService.setAuthentication("water.head", List.of("water-utility-heads"));
    try {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).list())
          .extracting(Task::getTaskDefinitionKey).containsExactly("Task_TakeEmergencyUnderControl");
    } finally {
      identityService.clearAuthentication();
    }
    identityService.setAuthentication("water.executor", List.of("water-utility"));
    try {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).list())
          .extracting(Task::getTaskDefinitionKey).containsExactly(DepartmentWork.Elements.TASK_RESOLVE);
    } finally {
      identityService.clearAuthentication();
    }
  }

  String file(Map<String, Object> body) {
    Response response = as("hotline").post("/api/v1/complaints", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("number").asText();
  }

  HttpApi adapter() {
    if (identityService.createUserQuery().userId(ADAPTER).count() == 0) {
      Accounts.person(identityService, ADAPTER, CityGroups.EMERGENCY_ALERT_ADAPTERS);
    }
    return as(ADAPTER, Accounts.PASSWORD);
  }

  /** Fetches the topic until the alert of that complaint comes (others' alerts are left to expire). */
  static JsonNode fetchAlertOf(HttpApi adapter, String number) {
    Response fetched = adapter.post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", ADAPTER,
        "maxTasks", 100, "topics", List.of(Map.of("topicName", EmergencyAlert.TOPIC, "lockDuration", 60_000,
            "businessKey", number))));
    assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
    return fetched.json().isEmpty() ? null : fetched.json().get(0);
  }
}
