package ua.dnipro.contactcenter.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * A department's efficiency on a fixture with known answers, in March 2021 where no other test
 * works: the executors' tasks as the engine's history keeps them (created, claimed, completed, due),
 * and the application's records of resolutions, re-openings, ratings, overdue complaints and
 * requests for more time. Worked out by hand: lift-service's three tasks took 1, 3 and 2 hours to
 * be claimed (median 2) and 4, 24 and 2 hours of work (median 4); two were on time.
 */
class DepartmentEfficiencyApiTests extends PostgresApplicationTest {

  static final String PERIOD = "?from=2021-03-01&to=2021-03-31";

  @Autowired StatisticsProjection projection;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;

  @BeforeEach
  void fixture() {
    jdbc.update("DELETE FROM ACT_HI_IDENTITYLINK WHERE TASK_ID_ LIKE 'EF-%'");
    jdbc.update("DELETE FROM ACT_HI_TASKINST WHERE ID_ LIKE 'EF-%'");
    jdbc.update("DELETE FROM cc_complaint_fact WHERE complaint_number LIKE 'EF-%'");
    jdbc.update("DELETE FROM cc_extension_fact WHERE complaint_number LIKE 'EF-%'");
    Accounts.person(identityService, "ef.lift.head", "lift-service-heads");
    Accounts.person(identityService, "ef.controller", "controllers");
    Accounts.person(identityService, "ef.water.head", "water-utility-heads");
    Accounts.person(identityService, "ef.lift.executor", "lift-service");

    task("EF-T1", "lift-service", "olena", "2021-03-01T08:00:00Z", "2021-03-01T13:00:00Z", "2021-03-02T08:00:00Z");
    claim("EF-T1", "olena", "2021-03-01T09:00:00Z");
    claim("EF-T1", "olena", "2021-03-01T10:00:00Z"); // claimed again after an unclaim: the first claim counts
    task("EF-T2", "lift-service", "olena", "2021-03-02T08:00:00Z", "2021-03-03T11:00:00Z", "2021-03-03T08:00:00Z");
    claim("EF-T2", "olena", "2021-03-02T11:00:00Z");
    task("EF-T3", "lift-service", "petro", "2021-03-05T08:00:00Z", "2021-03-05T12:00:00Z", "2021-03-06T08:00:00Z");
    claim("EF-T3", "petro", "2021-03-05T10:00:00Z");
    // not counted: completed after the period, cancelled, another department's
    task("EF-T4", "lift-service", "petro", "2021-03-31T20:00:00Z", "2021-04-01T08:00:00Z", null);
    task("EF-T5", "lift-service", "petro", "2021-03-10T08:00:00Z", "2021-03-10T09:00:00Z", null);
    jdbc.update("UPDATE ACT_HI_TASKINST SET DELETE_REASON_ = 'deleted' WHERE ID_ = 'EF-T5'");
    task("EF-T6", "water-utility", "ivan", "2021-03-10T08:00:00Z", "2021-03-10T09:00:00Z", null);

    complaint("EF-01", "lift-service", "2021-03-01T08:00:00Z");
    projection.resolved("EF-01", at("2021-03-01T08:00:00Z"), at("2021-03-01T13:00:00Z"), true, "lift-service");
    projection.confirmed("EF-01", 4);
    // overdue with the lifts, returned, resolved by housing: the overdue counts against the lifts
    complaint("EF-02", "lift-service", "2021-03-02T08:00:00Z");
    projection.overdue("EF-02");
    projection.returned("EF-02");
    projection.routed("EF-02", "housing", "SHORT", at("2021-03-05T08:00:00Z"), "HOUSING", null);
    projection.resolved("EF-02", at("2021-03-02T08:00:00Z"), at("2021-03-04T08:00:00Z"), false, "housing");
    // resolved, re-opened once, resolved again
    complaint("EF-03", "lift-service", "2021-03-05T08:00:00Z");
    projection.reopened("EF-03");
    projection.resolved("EF-03", at("2021-03-05T08:00:00Z"), at("2021-03-06T08:00:00Z"), true, "lift-service");
    projection.confirmed("EF-03", 2);

    projection.extensionRequested("EF-01", "lift-service", at("2021-03-01T10:00:00Z"));
    projection.extensionDecided("EF-01", true);
    projection.extensionRequested("EF-03", "lift-service", at("2021-03-05T09:00:00Z"));
    projection.extensionDecided("EF-03", false);
    projection.extensionRequested("EF-02", "lift-service", at("2021-03-02T09:00:00Z"));
  }

  @Test
  void theHeadSeesTheDepartmentAndEachExecutorWithExactFigures() {
    Response response = as("ef.lift.head", Accounts.PASSWORD).get("/api/v1/efficiency/departments/lift-service" + PERIOD);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode department = response.json().get("department");
    assertThat(department.get("tasksCompleted").asInt()).isEqualTo(3);
    assertThat(department.get("medianHoursToFirstClaim").asDouble()).isEqualTo(2.0);
    assertThat(department.get("medianWorkingHours").asDouble()).isEqualTo(4.0);
    assertThat(department.get("onTimeShare").asDouble()).isEqualTo(0.667);
    assertThat(department.get("extensionsRequested").asInt()).isEqualTo(3);
    assertThat(department.get("extensionsGranted").asInt()).isEqualTo(1);
    assertThat(department.get("resolved").asInt()).isEqualTo(2);
    assertThat(department.get("firstTimeRightShare").asDouble()).isEqualTo(0.5);
    assertThat(department.get("averageRating").asDouble()).isEqualTo(3.0);
    assertThat(department.get("ratings").asInt()).isEqualTo(2);
    assertThat(department.get("overdue").asInt()).as("held by the lifts when it went overdue").isEqualTo(1);

    JsonNode executors = response.json().get("executors");
    assertThat(executors).hasSize(2);
    assertThat(executors.get(0).toString()).isEqualTo("{\"executor\":\"olena\",\"tasksCompleted\":2,"
        + "\"medianHoursToFirstClaim\":2.0,\"medianWorkingHours\":14.0,\"onTimeShare\":0.5}");
    assertThat(executors.get(1).toString()).isEqualTo("{\"executor\":\"petro\",\"tasksCompleted\":1,"
        + "\"medianHoursToFirstClaim\":2.0,\"medianWorkingHours\":2.0,\"onTimeShare\":1.0}");

    Response housing = as("ef.controller", Accounts.PASSWORD).get("/api/v1/efficiency/departments/housing" + PERIOD);
    assertThat(housing.json().at("/department/overdue").asInt()).as("not the department that resolved it").isZero();
    assertThat(housing.json().at("/department/resolved").asInt()).isEqualTo(1);
  }

  @Test
  void onlyTheDepartmentsHeadsAndTheControllersSeeIt() {
    String path = "/api/v1/efficiency/departments/lift-service" + PERIOD;
    assertThat(as("ef.controller", Accounts.PASSWORD).get(path).status()).isEqualTo(200);
    assertThat(as("ef.water.head", Accounts.PASSWORD).get(path).status()).as("another department's head").isEqualTo(403);
    assertThat(as("ef.lift.executor", Accounts.PASSWORD).get(path).status()).as("an executor").isEqualTo(403);
    assertThat(as("hotline").get(path).status()).as("a channel").isEqualTo(403);
    assertThat(anonymous().get(path).status()).isEqualTo(401);
    assertThat(get("/api/v1/statistics/efficiency?from=2021-03-01&to=2021-03-31").body())
        .as("the public ranking names no executor").doesNotContain("olena", "petro");
  }

  @Test
  void aBadPeriodOrAnUnknownDepartmentIsRefusedWithTheReason() {
    var head = as("ef.lift.head", Accounts.PASSWORD);
    Response badDate = head.get("/api/v1/efficiency/departments/lift-service?from=March&to=2021-03-31");
    assertThat(badDate.status()).isEqualTo(422);
    assertThat(badDate.body()).contains("\"from\"", "YYYY-MM-DD");
    Response tooLong = head.get("/api/v1/efficiency/departments/lift-service?from=2020-01-01&to=2021-03-31");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.body()).contains("366");
    assertThat(head.get("/api/v1/efficiency/departments/no-such-department" + PERIOD).status()).isEqualTo(404);
  }

  Response get(String path) {
    return anonymous().get(path);
  }

  void task(String id, String department, String assignee, String created, String completed, String due) {
    jdbc.update("""
        INSERT INTO ACT_HI_TASKINST (ID_, PROC_DEF_KEY_, TASK_DEF_KEY_, ASSIGNEE_, START_TIME_, END_TIME_, DUE_DATE_,
                                     DELETE_REASON_)
        VALUES (?, ?, 'Task_ResolveComplaint', ?, ?, ?, ?, 'completed')""",
        id, "DepartmentWork_" + department, assignee, Timestamp.from(at(created)), Timestamp.from(at(completed)),
        due == null ? null : Timestamp.from(at(due)));
  }

  void claim(String task, String user, String when) {
    jdbc.update("""
        INSERT INTO ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, USER_ID_, TASK_ID_, OPERATION_TYPE_)
        VALUES (?, ?, 'assignee', ?, ?, 'add')""", task + "-" + when, Timestamp.from(at(when)), user, task);
  }

  void complaint(String number, String department, String received) {
    projection.registered(number, "HOTLINE", "LIFTS", null, "SOBORNYI", at(received), null, null);
    projection.routed(number, department, "SHORT", at(received).plusSeconds(86_400), "LIFTS", null);
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
