package ua.dnipro.contactcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.net.CookieManager;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintProcess.Elements;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.intake.ComplaintFiling;
import ua.dnipro.contactcenter.intake.ComplaintFiling.FiledComplaint;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * Complaints end to end in the production profile on a real PostgreSQL: the organisation seeded
 * at start-up, complaints filed and numbered, each department seeing and resolving only its own
 * work (Java API, engine REST and the Tasklist's own API), and an overdue complaint escalated by
 * the job executor.
 */
class ComplaintLifecyclePostgresTests extends PostgresApplicationTest {

  static final String WATER_EXECUTOR = "olena.water";
  static final String LIFT_EXECUTOR = "petro.lifts";
  static final String PASSWORD = "Executor-pass-1";

  @Autowired ProcessEngine engine;
  @Autowired ComplaintFiling filing;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @AfterEach
  void forgetTheUser() {
    identityService.clearAuthentication();
  }

  @Test
  void startUpCreatesTheOrganisationAndTheAdministratorFromTheEnvironment() {
    assertThat(identityService.createGroupQuery().groupIdIn("water-utility", "water-utility-heads", "dispatchers",
        "controllers", "analysts").count()).isEqualTo(5);
    // departments and their heads, dispatchers/duty dispatchers/controllers/analysts, administrators, channels,
    // SMS and pager adapters
    assertThat(identityService.createGroupQuery().count()).isEqualTo(16 * 2 + 4 + 1 + 1 + 1);
    assertThat(identityService.createUserQuery().memberOfGroup("channels").list()).extracting(User::getId)
        .containsExactlyInAnyOrder("hotline", "website", "mobile-app", "viber-bot", "telegram-bot");
    assertThat(identityService.checkPassword(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD)).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(User::getId).containsExactly(PostgresForTests.ADMIN_USER);
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", List.of("water-utility"),
        Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ComplaintProcess.KEY).count()).isEqualTo(1);
  }

  @Test
  void eachDepartmentSeesOnlyItsOwnComplaintWithItsDueDateAndResolvesIt() throws Exception {
    createExecutor(WATER_EXECUTOR, "water-utility");
    createExecutor(LIFT_EXECUTOR, "lift-service");
    Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String place = ComplaintFixtures.anotherHouse();
    FiledComplaint water = filing.file(ComplaintFixtures.complaint("WATER", "NO_WATER", place, received));
    FiledComplaint lift = filing.file(ComplaintFixtures.complaint("LIFTS", "LIFT_NOT_WORKING", "пр. Гагаріна, 10", received));

    assertThat(water.number()).matches("\\d{4}-\\d{6}");
    assertThat(lift.number()).isNotEqualTo(water.number());

    Task waterTask = taskSeenBy(WATER_EXECUTOR, "water-utility", water);
    assertThat(waterTask.getDueDate()).isEqualTo(Date.from(received.plus(Duration.ofHours(6))));
    assertThat(waterTask.getName()).contains(water.number()).as("no address: names stay in history")
        .doesNotContain(place);
    Task liftTask = taskSeenBy(LIFT_EXECUTOR, "lift-service", lift);
    assertThat(List.of(waterTask.getId(), liftTask.getId())).doesNotHaveDuplicates();
    assertThat(liftTask.getDueDate()).isEqualTo(Date.from(received.plus(Duration.ofHours(24))));

    identityService.setAuthentication(WATER_EXECUTOR, List.of("water-utility"));
    assertThatThrownBy(() -> taskService.claim(liftTask.getId(), WATER_EXECUTOR)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(liftTask.getId(),
        Variables.putValue(OUTCOME, "RESOLVED").putValue(RESOLUTION, "не моє"))).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.getVariables(liftTask.getId())).isInstanceOf(AuthorizationException.class);

    taskService.claim(waterTask.getId(), WATER_EXECUTOR);
    taskService.complete(waterTask.getId(), Variables.putValue(OUTCOME, "RESOLVED").putValue(RESOLUTION, "Воду подано"));
    identityService.clearAuthentication();

    // the save point after the task: the job executor records the resolution
    await().atMost(Duration.ofSeconds(60)).until(() -> state(water.number()).status() == ComplaintStatus.RESOLVED);
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(water.processInstanceId())
        .activityId(Elements.GATEWAY_AWAIT_REOPENING).count()).isEqualTo(1);
    assertThat(state(water.number()).resolvedBy()).isEqualTo("water-utility");
  }

  @Test
  void anOverdueComplaintIsEscalatedToTheHeadByTheJobExecutorWhileTheExecutorKeepsIt() {
    // received seven hours ago by the hotline: the emergency deadline (6 h) has passed
    FiledComplaint complaint = filing.file(ComplaintFixtures.complaint("WATER", "PIPE_BURST", "вул. Набережна, 7",
        Instant.now().minus(Duration.ofHours(7))));

    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .processInstanceId(complaint.processInstanceId()).taskDefinitionKey(Elements.TASK_REVIEW_OVERDUE).count() == 1);

    Task headTask = taskService.createTaskQuery().processInstanceId(complaint.processInstanceId())
        .taskDefinitionKey(Elements.TASK_REVIEW_OVERDUE).singleResult();
    assertThat(taskService.getIdentityLinksForTask(headTask.getId()))
        .anyMatch(link -> "water-utility-heads".equals(link.getGroupId()));
    assertThat(state(complaint.number()).overdue()).isTrue();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(complaint.number())
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).count()).isEqualTo(1);
  }

  @Test
  void complaintsFiledAtTheSameTimeGetDistinctNumbers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<FiledComplaint>> filed = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Callable<FiledComplaint> file = () -> filing.file(ComplaintFixtures.complaint("ROADS", "POTHOLE", "вул. Курчатова, 2"));
        filed.add(pool.submit(file));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<FiledComplaint> complaint : filed) {
        numbers.add(complaint.get().number());
      }
      assertThat(Set.copyOf(numbers)).hasSize(16);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eachYearHasItsOwnNumberSequenceCountedInKyivTime() {
    // 31 December 2024, 22:30 UTC is already New Year's night in Kyiv
    FiledComplaint first = filing.file(ComplaintFixtures.complaint("WASTE", "ILLEGAL_DUMP", "вул. Старокозацька, 1",
        Instant.parse("2024-12-31T22:30:00Z")));
    FiledComplaint second = filing.file(ComplaintFixtures.complaint("WASTE", "ILLEGAL_DUMP", "вул. Старокозацька, 1",
        Instant.parse("2025-01-01T08:00:00Z")));
    FiledComplaint lastYear = filing.file(ComplaintFixtures.complaint("WASTE", "ILLEGAL_DUMP", "вул. Старокозацька, 1",
        Instant.parse("2024-12-31T21:30:00Z")));

    assertThat(first.number()).isEqualTo("2025-000001");
    assertThat(second.number()).isEqualTo("2025-000002");
    assertThat(lastYear.number()).isEqualTo("2024-000001");
  }

  @Test
  void engineRestAsksForCredentialsAndShowsEachUserOnlyTheirWork() throws Exception {
    createExecutor("oksana.lights", "street-lighting");
    FiledComplaint light = filing.file(ComplaintFixtures.complaint("LIGHTING", "STREET_DARK", "вул. Висока, 3"));
    filing.file(ComplaintFixtures.complaint("TRADE", "ILLEGAL_TRADE", "пл. Вокзальна, 1"));
    HttpClient http = HttpClient.newHttpClient();

    assertThat(get(http, "/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(get(http, "/engine-rest/process-instance", null).statusCode()).isEqualTo(401);
    // (a wrong password of a real user would lock that user for a few seconds: brute-force protection)
    assertThat(get(http, "/engine-rest/task", "nobody:" + PASSWORD).statusCode()).isEqualTo(401);
    assertThat(get(http, "/engine-rest/engine", null).statusCode()).isEqualTo(200);

    HttpResponse<String> tasks = get(http, "/engine-rest/task", "oksana.lights:" + PASSWORD);
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).contains(light.number()).doesNotContain("ILLEGAL_TRADE").doesNotContain("пл. Вокзальна");
    long streetLightingTasks = taskService.createTaskQuery().taskCandidateGroup("street-lighting").count();
    assertThat(get(http, "/engine-rest/task/count", "oksana.lights:" + PASSWORD).body())
        .isEqualTo("{\"count\":" + streetLightingTasks + "}");
  }

  @Test
  void tasklistShowsTheExecutorTheirDepartmentsOpenComplaintWithItsDueDate() throws Exception {
    createExecutor("maria.animals", "animal-care");
    Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    FiledComplaint dog = filing.file(ComplaintFixtures.complaint("ANIMALS", "AGGRESSIVE_ANIMAL", "парк Глоби", received));
    filing.file(ComplaintFixtures.complaint("SNOW", "ICY_SIDEWALK", "вул. Князя Ярослава Мудрого, 4", received));

    // what the Tasklist page does in the browser: log in, then list its filters with their tasks
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=maria.animals&password=" + PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.body()).contains("\"tasklist\"");

    HttpResponse<String> filters = browser.send(HttpRequest.newBuilder(
        url("/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true")).build(),
        HttpResponse.BodyHandlers.ofString());
    // the department's own open-tasks filter, with its one complaint
    assertThat(filters.body()).contains("\"name\":\"Відкриті звернення: ").contains("\"itemCount\":1");

    HttpResponse<String> tasks = browser.send(HttpRequest.newBuilder(
        url("/camunda/api/engine/engine/default/task?sortBy=dueDate&sortOrder=asc")).build(),
        HttpResponse.BodyHandlers.ofString());
    String due = received.plus(Duration.ofHours(24)).toString().replace("Z", "");
    assertThat(tasks.body()).contains(dog.number()).contains("\"due\":\"" + due).doesNotContain("Князя Ярослава");
  }

  // --- helpers --------------------------------------------------------------------------------

  void createExecutor(String userId, String department) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(userId, department);
    }
  }

  /** The user sees exactly the tasks of their group, this complaint's among them; returns that one. */
  Task taskSeenBy(String userId, String group, FiledComplaint complaint) {
    List<String> groupsTasks = taskService.createTaskQuery().taskCandidateGroup(group).list().stream()
        .map(Task::getId).toList();
    identityService.setAuthentication(userId, List.of(group));
    try {
      List<Task> seen = taskService.createTaskQuery().list();
      assertThat(seen).as("tasks %s sees", userId).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(groupsTasks);
      List<String> complaintsTasks = taskService.createTaskQuery().processInstanceBusinessKey(complaint.number()).list()
          .stream().map(Task::getId).toList();
      return seen.stream().filter(task -> complaintsTasks.contains(task.getId())).findFirst().orElseThrow();
    } finally {
      identityService.clearAuthentication();
    }
  }


  URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpResponse<String> get(HttpClient http, String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
    if (credentials != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
