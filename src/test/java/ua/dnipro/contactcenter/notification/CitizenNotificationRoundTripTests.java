package ua.dnipro.contactcenter.notification;

import ua.dnipro.contactcenter.complaint.CitizenNotification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * Channel adapters as they will be written: Camunda's own Java external-task client, logged in as
 * the channel's account, fetching from the channel's topic over /engine-rest.
 */
class CitizenNotificationRoundTripTests extends PostgresApplicationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void theViberAdapterDeliversRegisteredAndResolvedAndTheirGrantsGo() {
    String number = file("viber-bot");
    Map<String, List<Map<String, Object>>> delivered = new ConcurrentHashMap<>();
    ExternalTaskClient viber = adapter("viber-bot");
    try {
      viber.subscribe("citizen-notification-viber").lockDuration(30_000).handler((task, service) -> {
        delivered.computeIfAbsent(task.getVariable("complaintNumber"), key -> new CopyOnWriteArrayList<>())
            .add(task.getAllVariables());
        service.complete(task);
      }).open();

      await().atMost(Duration.ofSeconds(60)).until(() -> events(delivered, number).contains("REGISTERED"));
      resolve(number, "Воду подано о 14:00");
      await().atMost(Duration.ofSeconds(60)).until(() -> events(delivered, number).contains("RESOLVED"));
    } finally {
      viber.stop();
    }

    Map<String, Object> resolved = delivered.get(number).stream().filter(n -> "RESOLVED".equals(n.get("event"))).findFirst()
        .orElseThrow();
    assertThat(resolved).containsEntry("status", "RESOLVED").containsEntry("resolution", "Воду подано о 14:00")
        .containsEntry("channel", "VIBER").containsEntry("recipientPhone", "+380671234567");
    await().atMost(Duration.ofSeconds(60)).until(() -> notificationsOf(number).stream().allMatch(n -> n.getEndTime() != null));
    for (var notification : notificationsOf(number)) {
      assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
          .resourceId(notification.getId()).count()).as("grant of a delivered notification").isZero();
    }
  }

  @Test
  void aFailedDeliveryIsRetriedWithBackOffAndEndsInAnIncidentNothingIsLost() {
    String number = file("telegram-bot");
    List<Long> attempts = new CopyOnWriteArrayList<>();
    ExternalTaskClient telegram = adapter("telegram-bot");
    try {
      telegram.subscribe("citizen-notification-telegram").lockDuration(30_000).handler((task, service) -> {
        if (!number.equals(task.getVariable("complaintNumber"))) {
          return; // another test's notification: left locked, fetched again later
        }
        attempts.add(System.currentTimeMillis());
        int retries = task.getRetries() == null ? 2 : task.getRetries() - 1;
        long backOff = 500L << attempts.size(); // 1 s, 2 s, ...
        service.handleFailure(task, "Telegram API answered 502", "Bad Gateway from api.telegram.org", retries, backOff);
      }).open();

      await().atMost(Duration.ofSeconds(90)).until(() -> incidentOf(number) != null);
    } finally {
      telegram.stop();
    }

    assertThat(attempts).hasSize(3);
    assertThat(attempts.get(1) - attempts.get(0)).isGreaterThanOrEqualTo(1000);
    assertThat(attempts.get(2) - attempts.get(1)).isGreaterThanOrEqualTo(2000);
    Incident incident = incidentOf(number);
    assertThat(incident.getIncidentType()).isEqualTo("failedExternalTask");
    assertThat(incident.getIncidentMessage()).isEqualTo("Telegram API answered 502");
    // still there, for an administrator to retry from Cockpit
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId()).count())
        .isEqualTo(1);
  }

  String file(String account) {
    Response response = as(account).post("/api/v1/complaints", ComplaintFixtures.apiBodyAtAHouseOfItsOwn());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("number").asText();
  }

  ExternalTaskClient adapter(String account) {
    return ExternalTaskClient.create()
        .baseUrl("http://localhost:" + port + "/engine-rest")
        .workerId(account + "-adapter")
        .addInterceptor(new BasicAuthProvider(account, CHANNEL_PASSWORD))
        .asyncResponseTimeout(1_000)
        .lockDuration(30_000)
        .disableBackoffStrategy()
        .build();
  }

  void resolve(String number, String resolution) {
    ProcessInstance complaint = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(number).singleResult();
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getId();
    taskService.complete(taskId, Variables.putValue("outcome", "RESOLVED").putValue("resolution", resolution));
  }

  List<org.camunda.bpm.engine.history.HistoricProcessInstance> notificationsOf(String number) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CitizenNotification.KEY)
        .processInstanceBusinessKey(number).list();
  }

  Incident incidentOf(String number) {
    return notificationsOf(number).stream()
        .map(notification -> runtimeService.createIncidentQuery().processInstanceId(notification.getId()).singleResult())
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  static List<Object> events(Map<String, List<Map<String, Object>>> delivered, String number) {
    return delivered.getOrDefault(number, List.of()).stream().map(n -> n.get("event")).toList();
  }
}
