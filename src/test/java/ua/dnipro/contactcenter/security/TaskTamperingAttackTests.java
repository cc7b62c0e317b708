package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.ComplaintProcess.Elements;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.intake.ComplaintFiling;
import ua.dnipro.contactcenter.intake.ComplaintFiling.FiledComplaint;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.TasklistSession;

/**
 * Findings 2 and 3: an executor rewrote the variables that drive deadlines, status and statistics
 * (directly, or by completing with extra variables), blocked its own escalation with a variable of
 * the wrong type, and handed its complaint to anyone (assignee, delegate, identity links, claim
 * for another user, a new due date). Each attack is sent as it was found; the complaint must be
 * exactly as it was.
 */
class TaskTamperingAttackTests extends PostgresApplicationTest {

  @Autowired ComplaintFiling filing;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;

  FiledComplaint water;
  boolean resolvedOnPurpose;
  Task executorTask;
  HttpApi executor;
  String executorId;

  @BeforeEach
  void anOverdueWaterComplaintInTheExecutorsInbox() {
    executorId = Accounts.person(identityService, "t.water.executor", "water-utility");
    Accounts.person(identityService, "t.lift.executor", "lift-service");
    Accounts.person(identityService, "t.nobody");
    Accounts.person(identityService, "t.water.head", "water-utility-heads");
    Accounts.person(identityService, "t.lift.head", "lift-service-heads");
    executor = as(executorId, Accounts.PASSWORD);
    // received seven hours ago: the 6-hour emergency deadline has passed
    // a house of its own each time: after a test that resolved it, the same complaint would be a
    // repeated appeal, for the heads
    water = filing.file(ComplaintFixtures.complaint("WATER", "PIPE_BURST", ComplaintFixtures.anotherHouse(),
        Instant.now().minus(Duration.ofHours(7))));
    await().atMost(Duration.ofSeconds(60)).until(() -> state(water.number()).overdue());
    executorTask = task(DepartmentWork.Elements.TASK_RESOLVE);
  }

  @AfterEach
  void theComplaintIsAsItWas() {
    if (resolvedOnPurpose) {
      return;
    }
    ComplaintState state = state(water.number());
    assertThat(state.department()).isEqualTo("water-utility");
    assertThat(state.overdue()).isTrue();
    assertThat(state.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    assertThat(state.dueAt()).isEqualTo(executorTask.getDueDate().toInstant());
    assertThat(variable("department")).isEqualTo("water-utility");
    Task task = taskService.createTaskQuery().taskId(executorTask.getId()).singleResult();
    if (task != null) {
      assertThat(task.getDueDate()).isEqualTo(executorTask.getDueDate());
      assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId())
          .containsExactly("water-utility");
    }
  }

  @Test
  void anExecutorCannotWriteTheVariablesThatDriveDeadlinesStatusAndStatistics() {
    String task = "/engine-rest/task/" + executorTask.getId();
    String instance = "/engine-rest/process-instance/" + water.processInstanceId();
    List<Response> attempts = List.of(
        executor.put(task + "/variables/slaDeadline", Map.of("value", "2030-01-01T00:00:00.000+0000", "type", "Date")),
        executor.put(task + "/variables/status", Map.of("value", "RESOLVED", "type", "String")),
        executor.put(task + "/variables/statusHistory", Map.of("value", "[]", "type", "String")),
        executor.put(task + "/variables/department", Map.of("value", "lift-service", "type", "String")),
        executor.put(task + "/localVariables/overdue", Map.of("value", false, "type", "Boolean")),
        executor.post(task + "/variables", Map.of("modifications", Map.of("overdue", Map.of("value", false)))),
        executor.delete(task + "/variables/overdue"),
        executor.put(instance + "/variables/status", Map.of("value", "RESOLVED", "type", "String")),
        executor.post("/engine-rest/execution/" + water.processInstanceId() + "/localVariables",
            Map.of("modifications", Map.of("overdue", Map.of("value", false)))));
    for (Response attempt : attempts) {
      assertThat(attempt.status()).as(attempt.body()).isEqualTo(403);
    }
  }

  @Test
  void completingOrSubmittingAcceptsOnlyTheFormsFieldsWithTheirTypes() {
    String task = "/engine-rest/task/" + executorTask.getId();
    Response forged = executor.post(task + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", "Усунуто"),
        "overdue", Map.of("value", false), "department", Map.of("value", "lift-service"))));
    assertThat(forged.status()).as(forged.body()).isEqualTo(400);
    assertThat(fields(forged)).containsExactlyInAnyOrder("overdue", "department");
    assertThat(rules(forged)).containsOnly("not-a-form-field");

    Response submitted = executor.post(task + "/submit-form", Map.of("variables", Map.of(
        "outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", "Усунуто"),
        "slaDeadline", Map.of("value", "2030-01-01T00:00:00.000+0000", "type", "Date"))));
    assertThat(submitted.status()).isEqualTo(400);
    assertThat(fields(submitted)).containsExactly("slaDeadline");

    // the string that stopped the SLA timer job, and a resolution of the wrong type
    Response history = executor.post(task + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", "Усунуто"),
        "statusHistory", Map.of("value", "not a list", "type", "String"))));
    assertThat(fields(history)).containsExactly("statusHistory");
    Response integer = executor.post(task + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", 42, "type", "Integer"))));
    assertThat(integer.status()).isEqualTo(400);
    assertThat(fields(integer)).containsExactly("resolution");
    assertThat(rules(integer)).containsExactly("type");
    // serialized objects are no form field's value
    Response object = executor.post(task + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", "x", "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json")))));
    assertThat(object.status()).isEqualTo(400);

    assertThat(taskService.createTaskQuery().taskId(executorTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void theFormsOwnRulesAnswer400NamingTheField() {
    String task = "/engine-rest/task/" + executorTask.getId();
    Response blank = executor.post(task + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", "\u200B"))));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(fields(blank)).containsExactly("resolution");
    assertThat(rules(blank)).containsExactly("required");
    Response unknownOutcome = executor.post(task + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "FIXED_IT"))));
    assertThat(unknownOutcome.status()).isEqualTo(400);
    assertThat(rules(unknownOutcome)).containsExactly("one-of");
    Response nul = executor.post(task + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", "Усунуто\u0000"))));
    assertThat(rules(nul)).containsExactly("no-control-characters");
  }

  @Test
  void throughTasklistsOwnApiTheSameRulesHold() {
    TasklistSession tasklist = TasklistSession.login(port, executorId, Accounts.PASSWORD);
    String task = TasklistSession.engine("/task/" + executorTask.getId());

    assertThat(tasklist.post(task + "/variables", "{\"modifications\":{\"overdue\":{\"value\":false}}}").statusCode())
        .isEqualTo(403);
    var forged = tasklist.post(task + "/submit-form",
        "{\"variables\":{\"outcome\":{\"value\":\"RESOLVED\"},\"resolution\":{\"value\":\"Усунуто\"},"
            + "\"overdue\":{\"value\":false,\"type\":\"Boolean\"}}}");
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
    assertThat(forged.body()).contains("overdue");
  }

  @Test
  void anExecutorCannotHandTheComplaintToAnybody() {
    String task = "/engine-rest/task/" + executorTask.getId();
    List<Response> attempts = List.of(
        executor.post(task + "/assignee", Map.of("userId", "t.lift.executor")),
        executor.post(task + "/delegate", Map.of("userId", "t.nobody")),
        executor.post(task + "/identity-links", Map.of("groupId", "lift-service", "type", "candidate")),
        executor.post(task + "/identity-links/delete", Map.of("groupId", "water-utility", "type", "candidate")),
        executor.put(task, Map.of("name", "x", "due", "2030-01-01T00:00:00.000+0000")),
        executor.post(task + "/claim", Map.of("userId", "t.nobody")),
        executor.post(task + "/bpmnError", Map.of("errorCode", "x")),
        executor.post(task + "/bpmnEscalation", Map.of("escalationCode", "x")),
        executor.post(task + "/resolve", Map.of()),
        executor.post("/engine-rest/task/create", Map.of("id", "t-forged", "name", "x")));
    for (Response attempt : attempts) {
      assertThat(attempt.status()).as(attempt.body()).isEqualTo(403);
    }
    assertThat(taskService.createTaskQuery().taskId(executorTask.getId()).singleResult().getAssignee()).isNull();

    // a claim for nobody is an unclaim: not of a task somebody else holds
    taskService.setAssignee(executorTask.getId(), "t.colleague");
    try {
      for (Object claimForNobody : List.of(Map.of(), java.util.Collections.singletonMap("userId", null),
          Map.of("value", true))) {
        assertThat(executor.post(task + "/claim", claimForNobody).status()).isEqualTo(403);
      }
      assertThat(executor.post(task + "/unclaim", Map.of()).status()).isEqualTo(403);
      assertThat(taskService.createTaskQuery().taskId(executorTask.getId()).singleResult().getAssignee())
          .isEqualTo("t.colleague");
    } finally {
      taskService.setAssignee(executorTask.getId(), null);
    }
    assertThat(executor.send("POST", task + "/claim", "[]").status()).isEqualTo(400);
    // a comment belongs to the task it is made on, not to another complaint
    Response elsewhere = executor.post(task + "/comment/create", Map.of("message", "Підкинуто",
        "processInstanceId", "some-other-complaint"));
    assertThat(elsewhere.status()).isEqualTo(400);
    assertThat(fields(elsewhere)).containsExactly("processInstanceId");

    // what the executor's work needs still works
    assertThat(executor.post(task + "/claim", Map.of("userId", executorId)).status()).isEqualTo(204);
    assertThat(executor.post(task + "/comment/create", Map.of("message", "Бригада виїхала")).status()).isEqualTo(200);
    assertThat(executor.post(task + "/unclaim", Map.of()).status()).isEqualTo(204);
  }

  @Test
  void tasklistsApiChangesNothingWithoutTheSessionsToken() {
    TasklistSession tasklist = TasklistSession.login(port, executorId, Accounts.PASSWORD);
    String task = TasklistSession.engine("/task/" + executorTask.getId());
    tasklist.post(task + "/claim", "{\"userId\":\"" + executorId + "\"}");

    assertThat(tasklist.postWithoutToken(task + "/unclaim", "{}").statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(executorTask.getId()).singleResult().getAssignee()).isEqualTo(executorId);
    taskService.setAssignee(executorTask.getId(), null);
  }

  @Test
  void whoeverMayWorkAllOfADepartmentsTasksIsHeldToTheFormToo() {
    // a grant an administrator might make one day: the controllers work the water utility's tasks
    var grant = authorizationService.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("controllers");
    grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
    grant.setResourceId(DepartmentWork.keyOf("water-utility"));
    grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ_TASK);
    grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.TASK_WORK);
    authorizationService.saveAuthorization(grant);
    try {
      HttpApi controller = as(Accounts.person(identityService, "t.controller", "controllers"), Accounts.PASSWORD);
      Response forged = controller.post("/engine-rest/task/" + executorTask.getId() + "/complete", Map.of("variables",
          Map.of("outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", "Так"),
              "department", Map.of("value", "lift-service"))));
      assertThat(forged.status()).as(forged.body()).isEqualTo(400);
      assertThat(fields(forged)).containsExactly("department");
    } finally {
      authorizationService.deleteAuthorization(grant.getId());
    }
  }

  @Test
  void theEngineItselfGivesTheTasksGroupOnlyTheRightToWorkIt() {
    identityService.setAuthentication(executorId, List.of("water-utility"));
    try {
      assertThatThrownBy(() -> taskService.setAssignee(executorTask.getId(), "t.nobody"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> taskService.addCandidateGroup(executorTask.getId(), "lift-service"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> taskService.setVariable(executorTask.getId(), "overdue", false))
          .isInstanceOf(AuthorizationException.class);
      Task task = taskService.createTaskQuery().taskId(executorTask.getId()).singleResult();
      task.setDueDate(Date.from(Instant.now().plus(Duration.ofDays(30))));
      assertThatThrownBy(() -> taskService.saveTask(task)).isInstanceOf(AuthorizationException.class);
      taskService.claim(executorTask.getId(), executorId);
    } finally {
      identityService.clearAuthentication();
      taskService.setAssignee(executorTask.getId(), null);
    }
  }

  @Test
  void anExecutorCannotDecideOnTheirOwnRequestForMoreTimeOnlyTheirHeadCan() {
    resolvedOnPurpose = true;
    String until = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Kyiv")).plusDays(10).toString();
    Response asked = executor.post("/engine-rest/task/" + executorTask.getId() + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "EXTENSION_REQUESTED"), "extensionUntil", Map.of("value", until),
        "extensionReason", Map.of("value", "Чекаємо на засувку"))));
    assertThat(asked.status()).as(asked.body()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .processInstanceId(water.processInstanceId()).taskDefinitionKey(ComplaintProcess.Elements.TASK_DECIDE_EXTENSION)
        .count() == 1);
    String decide = taskService.createTaskQuery().processInstanceId(water.processInstanceId())
        .taskDefinitionKey(ComplaintProcess.Elements.TASK_DECIDE_EXTENSION).singleResult().getId();
    Map<String, Object> approval = Map.of("variables", Map.of("extensionDecision", Map.of("value", "APPROVED")));

    assertThat(executor.get("/engine-rest/task/" + decide).status()).as("not even seen").isEqualTo(404);
    for (Response attempt : List.of(executor.post("/engine-rest/task/" + decide + "/complete", approval),
        executor.post("/engine-rest/task/" + decide + "/submit-form", approval),
        executor.post("/engine-rest/task/" + decide + "/claim", Map.of("userId", executorId)),
        as("t.lift.head", Accounts.PASSWORD).post("/engine-rest/task/" + decide + "/complete", approval))) {
      assertThat(attempt.status()).as(attempt.body()).isIn(403, 404);
    }
    assertThat(taskService.createTaskQuery().taskId(decide).count()).as("still the head's to decide").isEqualTo(1);

    Response approved = as("t.water.head", Accounts.PASSWORD).post("/engine-rest/task/" + decide + "/complete", approval);
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(60)).until(() -> state(water.number()).dueAt().equals(
        java.time.LocalDate.parse(until).plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Kyiv")).toInstant()));
  }

  @Test
  void aLegitimateCompletionStillGoesThroughAndCountsAsOverdue() {
    resolvedOnPurpose = true;
    Response done = executor.post("/engine-rest/task/" + executorTask.getId() + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "RESOLVED", "type", "String"), "resolution", Map.of("value", "Порив усунуто"))));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(60)).until(() -> state(water.number()).status() == ComplaintStatus.RESOLVED);
    assertThat(state(water.number()).resolvedBy()).isEqualTo("water-utility");
    assertThat(state(water.number()).resolvedOnTime()).isFalse();
  }

  @Test
  void evenVariablesRewrittenInTheEngineForgeNeitherTheRecordNorTheRankingNorBreakTheChannelsView() {
    resolvedOnPurpose = true;
    // what an administrator's slip in Cockpit (or any other way into the engine) could leave behind
    String id = water.processInstanceId();
    runtimeService.setVariable(id, "overdue", false);
    runtimeService.setVariable(id, "department", "lift-service");
    runtimeService.setVariable(id, "slaDeadline", Date.from(Instant.now().plus(Duration.ofDays(365))));
    runtimeService.setVariable(id, "status", "RESOLVED");
    runtimeService.setVariable(id, "statusHistory", "not a list");
    runtimeService.setVariable(id, "applicantFirstName", 42);

    Response view = as("hotline").get("/api/v1/complaints/" + water.number());
    assertThat(view.status()).as(view.body()).isEqualTo(200);
    assertThat(view.json().get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.json().get("department").get("code").asText()).isEqualTo("water-utility");
    assertThat(view.json().get("overdue").asBoolean()).isTrue();
    assertThat(view.json().get("history")).extracting(entry -> entry.get("event").asText()).contains("OVERDUE");
    assertThat(view.json().at("/applicant/firstName").asText()).as("the applicant is the vault's, not a variable's")
        .isEqualTo("Олена");

    Response done = executor.post("/engine-rest/task/" + executorTask.getId() + "/complete", Map.of("variables", Map.of(
        "outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", "Порив усунуто"))));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(60)).until(() -> state(water.number()).status() == ComplaintStatus.RESOLVED);

    assertThat(state(water.number()).resolvedBy()).isEqualTo("water-utility");
    assertThat(state(water.number()).resolvedOnTime()).isFalse();
    assertThat(jdbc.queryForMap("SELECT department, resolved_on_time, overdue FROM cc_complaint_fact WHERE complaint_number = ?",
        water.number())).containsEntry("department", "water-utility").containsEntry("resolved_on_time", false)
        .containsEntry("overdue", true);
  }

  Object variable(String name) {
    var instance = runtimeService.createProcessInstanceQuery().processInstanceId(water.processInstanceId()).singleResult();
    return instance == null ? null : runtimeService.getVariable(water.processInstanceId(), name);
  }

  Task task(String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(water.number()).taskDefinitionKey(key).singleResult();
  }

  static List<String> fields(Response response) {
    return values(response, "field");
  }

  static List<String> rules(Response response) {
    return values(response, "rule");
  }

  static List<String> values(Response response, String name) {
    JsonNode problems = response.json().path("problems");
    return java.util.stream.StreamSupport.stream(problems.spliterator(), false).map(p -> p.path(name).asText()).toList();
  }
}
