package ua.dnipro.contactcenter.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * A complaint filed before this release: on the earlier release's process (its listeners' names),
 * with its state in process variables and no records of the application's own. After the upgrade
 * it gets its records from those variables and goes on to its resolution.
 */
class UpgradeFromEarlierReleaseTests extends PostgresApplicationTest {

  static final String EARLIER_PROCESS = "ComplaintProcessOfEarlierRelease";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ComplaintRecordsBackfill backfill;
  @Autowired PersonalDataMigration personalDataMigration;
  @Autowired PersonalDataVault vault;

  @Test
  void aComplaintFiledBeforeTheUpgradeGetsItsRecordsFromItsVariablesAndIsResolved() {
    String deployment = repositoryService.createDeployment()
        .addClasspathResource("legacy/" + EARLIER_PROCESS + ".bpmn").deploy().getId();
    try {
      String number = "2025-900001";
      Instant received = Instant.now().minus(Duration.ofHours(1));
      vault.keep(ComplaintFixtures.personalData(number));
      ProcessInstance complaint = runtimeService.startProcessInstanceByKey(EARLIER_PROCESS, number,
          ComplaintFixtures.startVariables("WATER", "NO_WATER", received));
      Object dueAt = runtimeService.getVariable(complaint.getId(), "slaDeadline");
      // what the earlier release left behind: its intake record, the state in variables, no records
      jdbc.update("""
          INSERT INTO cc_complaint (complaint_number, channel, received_at, process_instance_id, request_hash)
          VALUES (?, 'HOTLINE', ?, ?, ?)""", number, Timestamp.from(received), complaint.getId(), "0".repeat(64));
      runtimeService.setVariable(complaint.getId(), "status", "IN_PROGRESS");
      runtimeService.setVariable(complaint.getId(), "overdue", false);
      runtimeService.setVariable(complaint.getId(), "statusHistory", SpinValues.jsonValue("""
          [{"event":"REGISTERED","status":"REGISTERED","at":"%s","channel":"HOTLINE"},
           {"event":"ROUTED","status":"IN_PROGRESS","at":"%s","department":"water-utility","slaTier":"EMERGENCY"}]"""
          .formatted(received, received)).create());
      jdbc.update("DELETE FROM cc_complaint_event WHERE complaint_number = ?", number);
      jdbc.update("DELETE FROM cc_complaint_state WHERE complaint_number = ?", number);
      // ... and the applicant in plain variables, task-local copies and the task's name, no vault row
      jdbc.update("DELETE FROM cc_personal_data WHERE complaint_number = ?", number);
      runtimeService.setVariables(complaint.getId(), Map.of("applicantFirstName", "Олена", "applicantLastName", "Коваленко",
          "applicantPhone", "+380509998877", "applicantAddress", "вул. Стара, 3", "description", "Немає води з ранку",
          "locationAddress", "вул. Робоча, 1", "latitude", 48.4593, "longitude", 35.0183));
      String openTask = taskService.createTaskQuery().processInstanceId(complaint.getId()).singleResult().getId();
      taskService.setVariablesLocal(openTask, Map.of("applicantName", "Коваленко Олена", "inboxAddress", "вул. Робоча, 1"));
      jdbc.update("UPDATE ACT_RU_TASK SET NAME_ = NAME_ || ' · вул. Робоча, 1' WHERE ID_ = ?", openTask);
      jdbc.update("UPDATE ACT_HI_TASKINST SET NAME_ = NAME_ || ' · вул. Робоча, 1' WHERE ID_ = ?", openTask);

      assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);

      ComplaintState state = state(number);
      assertThat(state.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
      assertThat(state.department()).isEqualTo("water-utility");
      assertThat(state.dueAt()).isEqualTo(((java.util.Date) dueAt).toInstant());
      assertThat(complaintRecords.history(number)).extracting(entry -> entry.get("event"))
          .containsExactly("REGISTERED", "ROUTED");
      assertThat(backfill.backfill()).as("a recorded complaint is left alone").isZero();

      assertThat(personalDataMigration.migrate()).isGreaterThanOrEqualTo(1);
      assertThat(vault.forApplication(number).orElseThrow().phone()).isEqualTo("+380509998877");
      assertThat(jdbc.queryForObject("""
          SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE TEXT_ LIKE '%+380509998877%' OR TEXT_ LIKE '%Коваленко%'
              OR TEXT_ LIKE '%Робоча%' OR TEXT_ LIKE '%Стара%'""", Integer.class)).as("only references").isZero();
      assertThat(runtimeService.getVariable(complaint.getId(), "applicantPhone")).isEqualTo("+380509998877");
      assertThat(taskService.getVariableLocal(openTask, "inboxAddress")).isEqualTo("вул. Робоча, 1");
      assertThat(jdbc.queryForObject("SELECT NAME_ FROM ACT_HI_TASKINST WHERE ID_ = ?", String.class, openTask))
          .doesNotContain("Робоча");
      assertThat(personalDataMigration.migrate()).as("a migrated complaint is left alone").isZero();

      // the earlier process's own completion check still holds, under its earlier name
      String task = taskService.createTaskQuery().processInstanceId(complaint.getId()).singleResult().getId();
      taskService.complete(task, Map.of("outcome", "RESOLVED", "resolution", "Воду подано"));
      await().atMost(Duration.ofSeconds(60)).until(() -> state(number).status() == ComplaintStatus.RESOLVED);

      JsonNode view = as("hotline").get("/api/v1/complaints/" + number).json();
      assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
      assertThat(view.get("resolution").asText()).isEqualTo("Воду подано");
      assertThat(view.get("history")).extracting(entry -> entry.get("event").asText())
          .containsExactly("REGISTERED", "ROUTED", "RESOLVED");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }
}
