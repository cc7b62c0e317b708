package ua.dnipro.contactcenter.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.complaint.AuditTrailHistoryLevel;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * Personal data on PostgreSQL, from filing to forgetting: a complaint with a recognisable applicant
 * and description is filed, read by a channel and an administrator (both logged), resolved and
 * closed; past the retention the cleanup runs, and then every table of the database, read as text,
 * holds none of the planted values, while the statistics are as they were.
 */
class PersonalDataRetentionPostgresTests extends PostgresApplicationTest {

  static final String NAME = "Засадженко";
  static final String PHONE = "+380931112233";
  static final String DESCRIPTION = "ЗАСАДЖЕНИЙ-ОПИС-7731 тече труба";
  static final String APPLICANT_ADDRESS = "вул. Засаджена, 99, кв. 7";
  static final String PLACE = "вул. Посаджена, 12";
  static final String RESOLUTION = "ЗАСАДЖЕНЕ-РІШЕННЯ: Засадженку замінено трубу";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired PersonalDataRetention retention;
  @Autowired ProcessEngineConfiguration engineConfiguration;

  @Test
  void aClosedComplaintPastItsRetentionLeavesNoTraceOfItsApplicantInAnyTableAndTheStatisticsStay() {
    assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).getHistoryLevel())
        .isInstanceOf(AuditTrailHistoryLevel.class);
    String number = filePlantedComplaint();
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM cc_complaint WHERE complaint_number = ?",
        String.class, number);

    // read by the channel (our API) and by an administrator (engine REST): each read logged
    assertThat(as("hotline").get("/api/v1/complaints/" + number).json().at("/applicant/phone").asText()).isEqualTo(PHONE);
    // the department's task's form shows the applicant, read from the vault when the form is read
    String departmentsTask = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getId();
    Response variables = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD)
        .get("/engine-rest/task/" + departmentsTask + "/form-variables");
    assertThat(variables.json().at("/applicantPhone/value").asText()).isEqualTo(PHONE);
    assertThat(variables.json().at("/applicantPhone/type").asText()).isEqualTo("String");
    Response log = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD)
        .get("/api/v1/admin/personal-data-reads?complaint=" + number);
    assertThat(log.status()).as(log.body()).isEqualTo(200);
    assertThat(log.json()).extracting(read -> read.get("reader").asText() + " " + read.get("door").asText())
        .contains("hotline api", PostgresForTests.ADMIN_USER + " engine-rest");
    assertThat(log.body()).doesNotContain(PHONE);
    assertThat(as("hotline").get("/api/v1/admin/personal-data-reads?complaint=" + number).status()).isEqualTo(403);
    assertThat(as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD)
        .get("/api/v1/admin/personal-data-reads?from=yesterday").body()).contains("from");

    // resolved by the department, its notification not yet delivered; then the re-opening window closes
    String task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult().getId();
    taskService.complete(task, Map.of(ComplaintProcess.Variables.OUTCOME, "RESOLVED",
        ComplaintProcess.Variables.RESOLUTION, RESOLUTION));
    // the save point after the task: the job executor goes on from there
    await().atMost(Duration.ofSeconds(60)).until(() -> state(number).status() == ComplaintStatus.RESOLVED);
    closeReopeningWindow(instance);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).as("closed").isZero();
    // a dispatcher published words for the public that, by mistake, quote the citizen
    jdbc.update("INSERT INTO cc_public_description (complaint_number, description, published_by, published_at) "
        + "VALUES (?, ?, 'reviewer', CURRENT_TIMESTAMP)", number, "Заявник пише: " + DESCRIPTION);
    Map<String, Object> statistics = jdbc.queryForMap("SELECT * FROM cc_complaint_fact WHERE complaint_number = ?", number);
    List<Map<String, Object>> history = complaintRecords.history(number);
    assertThat(tablesHolding(PHONE)).as("before the retention, the vault holds the phone").contains("cc_personal_data");

    Instant fiveYearsOn = Instant.now().plus(Duration.ofDays(5 * 366 + 30));
    assertThat(retention.forgetDue(fiveYearsOn)).isGreaterThanOrEqualTo(1);

    for (String planted : List.of(NAME, PHONE, "ЗАСАДЖЕНИЙ-ОПИС-7731", "Засаджена, 99", "Посаджена", "ЗАСАДЖЕНЕ-РІШЕННЯ")) {
      assertThat(tablesHolding(planted)).as("tables holding " + planted).isEmpty();
    }
    assertThat(jdbc.queryForMap("SELECT * FROM cc_complaint_fact WHERE complaint_number = ?", number))
        .as("the statistics row").isEqualTo(statistics);
    assertThat(complaintRecords.history(number)).as("the status history's codes and times").isEqualTo(history);
    assertThat(state(number).resolvedOnTime()).isTrue();
    assertThat(jdbc.queryForObject("SELECT anonymised_at FROM cc_personal_data WHERE complaint_number = ?",
        java.sql.Timestamp.class, number)).isNotNull();
    // what the channel still sees: status and history, no applicant
    Response view = as("hotline").get("/api/v1/complaints/" + number);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().has("applicant")).isFalse();
    assertThat(retention.forgetDue(fiveYearsOn)).as("done once").isZero();
  }

  String filePlantedComplaint() {
    Map<String, Object> body = ComplaintFixtures.apiBody();
    Map<String, Object> applicant = ComplaintFixtures.part(body, "applicant");
    applicant.put("lastName", NAME);
    applicant.put("phone", PHONE);
    applicant.put("address", APPLICANT_ADDRESS);
    body.put("description", DESCRIPTION);
    ComplaintFixtures.part(body, "location").put("address", PLACE);
    Response filed = as("hotline").header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/complaints", body);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    return filed.json().get("number").asText();
  }

  /** Fires the timer that ends the citizen's re-opening window (due in two weeks) now. */
  void closeReopeningWindow(String instance) {
    await().atMost(Duration.ofSeconds(60)).until(() -> managementService.createJobQuery().processInstanceId(instance)
        .activityId(ComplaintProcess.Elements.CATCH_REOPENING_WINDOW_CLOSED).count() == 1);
    Job timer = managementService.createJobQuery().processInstanceId(instance)
        .activityId(ComplaintProcess.Elements.CATCH_REOPENING_WINDOW_CLOSED).singleResult();
    managementService.executeJob(timer.getId());
  }

  /** Every table of the database (engine's and ours) with a row whose text, or any binary column, holds the value. */
  List<String> tablesHolding(String value) {
    List<String> holding = new ArrayList<>();
    for (String table : jdbc.queryForList("""
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""", String.class)) {
      String quoted = "\"" + table + "\"";
      Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + quoted + " t WHERE CAST(t AS TEXT) LIKE ?",
          Integer.class, "%" + value + "%");
      for (String binary : jdbc.queryForList("""
          SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ? AND data_type = 'bytea'""", String.class, table)) {
        rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + quoted + " WHERE position(convert_to(?, 'UTF8') in \""
            + binary + "\") > 0", Integer.class, value);
      }
      if (rows > 0) {
        holding.add(table);
      }
    }
    return holding;
  }
}
