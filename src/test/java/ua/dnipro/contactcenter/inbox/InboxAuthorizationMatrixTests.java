package ua.dnipro.contactcenter.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.ComplaintProcess.Elements;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.intake.ComplaintFiling;
import ua.dnipro.contactcenter.intake.ComplaintFiling.FiledComplaint;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * Who may do what with which task, for every group against every action, on its own and on others'
 * tasks: through the Java API as an authenticated user, and through /engine-rest with the user's
 * credentials. Allowed where the table says so, denied everywhere else.
 */
class InboxAuthorizationMatrixTests extends PostgresApplicationTest {

  static final String PASSWORD = "Matrix-pass-2026";

  enum Action { READ, CLAIM, COMPLETE, READ_VARIABLES, READ_HISTORY }

  enum TaskKind {
    /** An overdue water complaint in the water utility's inbox. */
    WATER_EXECUTOR_TASK,
    /** The water utility head's escalation of it. */
    WATER_HEAD_TASK,
    /** A lift complaint in the lift service's inbox. */
    LIFT_EXECUTOR_TASK,
    /** An unclassifiable complaint with the dispatchers. */
    DISPATCHER_TASK
  }

  record Actor(String userId, List<String> groups) {
  }

  static final Set<Action> ALL = EnumSet.allOf(Action.class);
  static final Set<Action> SEE = EnumSet.of(Action.READ, Action.READ_VARIABLES, Action.READ_HISTORY);
  static final Set<Action> NOTHING = EnumSet.noneOf(Action.class);

  static final Actor WATER_EXECUTOR = new Actor("m.water.executor", List.of("water-utility"));
  static final Actor WATER_HEAD = new Actor("m.water.head", List.of("water-utility-heads"));
  static final Actor LIFT_EXECUTOR = new Actor("m.lift.executor", List.of("lift-service"));
  static final Actor LIFT_HEAD = new Actor("m.lift.head", List.of("lift-service-heads"));
  static final Actor DISPATCHER = new Actor("m.dispatcher", List.of("dispatchers"));
  static final Actor CONTROLLER = new Actor("m.controller", List.of("controllers"));
  static final Actor ANALYST = new Actor("m.analyst", List.of("analysts"));
  static final Actor CHANNEL = new Actor("m.channel", List.of("channels"));
  static final Actor NOBODY = new Actor("m.nobody", List.of());

  /** The table: what each actor may do with each kind of task. */
  static final Map<Actor, Map<TaskKind, Set<Action>>> ALLOWED = new LinkedHashMap<>();

  static {
    allow(WATER_EXECUTOR, Map.of(TaskKind.WATER_EXECUTOR_TASK, ALL));
    allow(WATER_HEAD, Map.of(TaskKind.WATER_HEAD_TASK, ALL));
    allow(LIFT_EXECUTOR, Map.of(TaskKind.LIFT_EXECUTOR_TASK, ALL));
    allow(LIFT_HEAD, Map.of());
    allow(DISPATCHER, Map.of(TaskKind.DISPATCHER_TASK, ALL));
    // controllers watch overdue work city-wide: they see the overdue task, they do not work it
    allow(CONTROLLER, Map.of(TaskKind.WATER_EXECUTOR_TASK, SEE));
    allow(ANALYST, Map.of());
    allow(CHANNEL, Map.of());
    allow(NOBODY, Map.of());
  }

  static void allow(Actor actor, Map<TaskKind, Set<Action>> allowed) {
    Map<TaskKind, Set<Action>> row = new LinkedHashMap<>();
    for (TaskKind kind : TaskKind.values()) {
      row.put(kind, allowed.getOrDefault(kind, NOTHING));
    }
    ALLOWED.put(actor, row);
  }

  @Autowired ComplaintFiling filing;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;

  @Test
  void everyGroupCanDoExactlyWhatTheTableSaysThroughTheJavaApiAndEngineRest() {
    ALLOWED.keySet().forEach(this::ensureUser);
    Map<TaskKind, Task> tasks = scenario();
    List<String> mismatches = new ArrayList<>();

    ALLOWED.forEach((actor, row) -> row.forEach((kind, allowed) -> {
      Task task = tasks.get(kind);
      for (Action action : Action.values()) {
        boolean expected = allowed.contains(action);
        boolean viaJava = javaApi(actor, action, task);
        boolean viaRest = engineRest(actor, action, task);
        if (viaJava != expected) {
          mismatches.add("Java API: %s %s %s: expected %s".formatted(actor.userId(), action, kind, expected ? "allowed" : "denied"));
        }
        if (viaRest != expected) {
          mismatches.add("REST: %s %s %s: expected %s".formatted(actor.userId(), action, kind, expected ? "allowed" : "denied"));
        }
      }
    }));

    assertThat(mismatches).isEmpty();
  }

  @Test
  void eachTaskIsCompletedByWhoeverItBelongsTo() {
    ALLOWED.keySet().forEach(this::ensureUser);
    Map<TaskKind, Task> tasks = scenario();

    complete(WATER_EXECUTOR, tasks.get(TaskKind.WATER_EXECUTOR_TASK),
        Map.of("outcome", "RESOLVED", "resolution", "Порив усунуто"));
    complete(WATER_HEAD, tasks.get(TaskKind.WATER_HEAD_TASK), Map.of("escalationNote", "Бригаду направлено"));
    complete(DISPATCHER, tasks.get(TaskKind.DISPATCHER_TASK), Map.of("classification", "ROADS/POTHOLE"));
    HttpApi liftExecutor = as(LIFT_EXECUTOR.userId(), PASSWORD);
    var completed = liftExecutor.post("/engine-rest/task/" + tasks.get(TaskKind.LIFT_EXECUTOR_TASK).getId() + "/complete",
        Map.of("variables", Map.of("outcome", Map.of("value", "RESOLVED"), "resolution", Map.of("value", "Ліфт працює"))));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);

    for (Task task : tasks.values()) {
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    }
  }

  @Test
  void aDepartmentsOwnProcessIsReadByThatDepartmentAloneAndNobodyStartsOrChangesIt() {
    ALLOWED.keySet().forEach(this::ensureUser);
    Map<TaskKind, Task> tasks = scenario();
    // the water utility's process, called by the water complaint
    String waterWork = tasks.get(TaskKind.WATER_EXECUTOR_TASK).getProcessInstanceId();
    String waterKey = DepartmentWork.keyOf("water-utility");
    HttpApi waterExecutor = as(WATER_EXECUTOR.userId(), PASSWORD);

    // its department reads it (the list's columns need that): the tier, nothing of the applicant
    var own = waterExecutor.get("/engine-rest/process-instance/" + waterWork + "/variables");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    own.json().fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("slaTier");

    for (Actor other : List.of(LIFT_EXECUTOR, WATER_HEAD, DISPATCHER, CONTROLLER, ANALYST, CHANNEL, NOBODY)) {
      HttpApi rest = as(other.userId(), PASSWORD);
      var listed = rest.get("/engine-rest/process-instance?processDefinitionKey=" + waterKey);
      // refused outright (a channel's account) or an empty list
      assertThat(listed.status() == 403 || listed.status() == 200 && listed.json().isEmpty()).as(other.userId() + ": "
          + listed.body()).isTrue();
      assertThat(rest.get("/engine-rest/process-instance/" + waterWork + "/variables").status()).as(other.userId())
          .isIn(403, 404);
    }
    // nobody of the department starts one, ends one or rewrites its schedule
    assertThat(waterExecutor.post("/engine-rest/process-definition/key/" + waterKey + "/start", Map.of()).status())
        .isIn(400, 403);
    assertThat(waterExecutor.delete("/engine-rest/process-instance/" + waterWork).status()).isIn(400, 403, 404);
    assertThat(waterExecutor.put("/engine-rest/process-instance/" + waterWork + "/variables/slaTier",
        Map.of("value", "LONG")).status()).isIn(400, 403);
    assertThat(runtimeService.getVariable(waterWork, "slaTier")).isEqualTo("EMERGENCY");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waterWork).count()).isEqualTo(1);
  }

  /** The tasks of the table, fresh for each test. */
  Map<TaskKind, Task> scenario() {
    // received seven hours ago: the 6-hour emergency deadline has passed, the head is alerted
    // each scenario at houses of its own: the same complaint again after an earlier test resolved it
    // would be a repeated appeal, for the heads
    FiledComplaint water = filing.file(ComplaintFixtures.complaint("WATER", "PIPE_BURST", ComplaintFixtures.anotherHouse(),
        Instant.now().minus(Duration.ofHours(7))));
    FiledComplaint lift = filing.file(ComplaintFixtures.complaint("LIFTS", "LIFT_NOT_WORKING", ComplaintFixtures.anotherHouse()));
    FiledComplaint other = filing.file(ComplaintFixtures.complaint("OTHER", "OTHER", ComplaintFixtures.anotherHouse()));
    await().atMost(Duration.ofSeconds(60)).until(() -> task(water, Elements.TASK_REVIEW_OVERDUE) != null);
    Map<TaskKind, Task> tasks = new LinkedHashMap<>();
    tasks.put(TaskKind.WATER_EXECUTOR_TASK, task(water, DepartmentWork.Elements.TASK_RESOLVE));
    tasks.put(TaskKind.WATER_HEAD_TASK, task(water, Elements.TASK_REVIEW_OVERDUE));
    tasks.put(TaskKind.LIFT_EXECUTOR_TASK, task(lift, DepartmentWork.Elements.TASK_RESOLVE));
    tasks.put(TaskKind.DISPATCHER_TASK, task(other, Elements.TASK_RECLASSIFY));
    return tasks;
  }

  boolean javaApi(Actor actor, Action action, Task task) {
    identityService.setAuthentication(actor.userId(), actor.groups());
    try {
      return switch (action) {
        case READ -> taskService.createTaskQuery().taskId(task.getId()).count() == 1;
        case READ_VARIABLES -> succeeds(() -> taskService.getVariables(task.getId()));
        case READ_HISTORY -> historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).count() == 1;
        case CLAIM -> succeeds(() -> taskService.claim(task.getId(), actor.userId()));
        case COMPLETE -> authorizedToComplete(() -> taskService.complete(task.getId(), PROBE));
      };
    } finally {
      identityService.clearAuthentication();
      taskService.setAssignee(task.getId(), null);
    }
  }

  boolean engineRest(Actor actor, Action action, Task task) {
    HttpApi rest = as(actor.userId(), PASSWORD);
    String path = "/engine-rest/task/" + task.getId();
    try {
      return switch (action) {
        case READ -> rest.get(path).status() == 200;
        case READ_VARIABLES -> rest.get(path + "/variables").status() == 200;
        case READ_HISTORY -> rest.get("/engine-rest/history/task?taskId=" + task.getId()).json().size() == 1;
        case CLAIM -> rest.post(path + "/claim", Map.of("userId", actor.userId())).status() == 204;
        case COMPLETE -> {
          var response = rest.post(path + "/complete", Map.of("variables", Map.of(
              "outcome", Map.of("value", "PROBE"), "classification", Map.of("value", "PROBE"),
              "escalationNote", Map.of("value", " "))));
          // the server's input check refusing it (500) means authorization let it through
          yield response.status() != 403 && response.status() != 404;
        }
      };
    } finally {
      taskService.setAssignee(task.getId(), null);
    }
  }

  /**
   * Input every task's server-side check refuses. Completing for real would consume the task; a
   * refusal by the input check, which runs after the authorization check, proves the latter passed.
   */
  static final Map<String, Object> PROBE = Variables.putValue("outcome", "PROBE").putValue("classification", "PROBE")
      .putValue("escalationNote", " ");

  static boolean authorizedToComplete(Runnable completion) {
    try {
      completion.run();
      throw new AssertionError("a completion with input every check refuses went through");
    } catch (org.camunda.bpm.engine.AuthorizationException denied) {
      return false;
    } catch (ProcessEngineException refusedByTheInputCheck) {
      return true;
    }
  }

  void complete(Actor actor, Task task, Map<String, Object> variables) {
    identityService.setAuthentication(actor.userId(), actor.groups());
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static boolean succeeds(Runnable call) {
    try {
      call.run();
      return true;
    } catch (org.camunda.bpm.engine.AuthorizationException denied) {
      return false;
    }
  }

  Task task(FiledComplaint complaint, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(complaint.number()).taskDefinitionKey(key)
        .singleResult();
  }

  void ensureUser(Actor actor) {
    if (identityService.createUserQuery().userId(actor.userId()).count() == 0) {
      User user = identityService.newUser(actor.userId());
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      actor.groups().forEach(group -> identityService.createMembership(actor.userId(), group));
    }
  }
}
