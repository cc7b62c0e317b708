package ua.dnipro.contactcenter.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.dnipro.contactcenter.complaint.CitizenNotification;
import ua.dnipro.contactcenter.personaldata.PersonalData;
import ua.dnipro.contactcenter.personaldata.PersonalDataField;
import ua.dnipro.contactcenter.personaldata.PersonalDataReference;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;
import ua.dnipro.contactcenter.config.Precedence;

/**
 * The upgrade from the releases that copied the applicant's personal data into process variables,
 * task-local variables, task names and notification variables, in runtime and history: at start,
 * each complaint without a row in the personal-data vault gets one, from those variables; a running
 * complaint's copies become references; every historic copy is deleted, and the address is taken
 * out of its tasks' names. Idempotent: a complaint with a vault row is never touched.
 */
@Component
@Order(Precedence.StartUp.PERSONAL_DATA_MIGRATION)
class PersonalDataMigration implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataMigration.class);
  /** The personal data earlier releases kept as variables of the complaint's process. */
  static final List<String> EARLIER_VARIABLES = List.of("applicantFirstName", "applicantLastName", "applicantPatronymic",
      "applicantPhone", "applicantEmail", "applicantAddress", "description", "locationAddress", "latitude", "longitude");
  /** Copies of it: for the forms, the task list's address column, the notification's recipient. */
  static final Map<String, PersonalDataField> COPIES = Map.of(
      "applicantName", PersonalDataField.APPLICANT_NAME, "applicantPhone", PersonalDataField.APPLICANT_PHONE,
      "applicantAddress", PersonalDataField.APPLICANT_ADDRESS, "description", PersonalDataField.DESCRIPTION,
      "locationAddress", PersonalDataField.LOCATION_ADDRESS, "inboxAddress", PersonalDataField.LOCATION_ADDRESS,
      "recipientPhone", PersonalDataField.APPLICANT_PHONE);
  /** The references a complaint of this release holds at process level. */
  static final List<String> PROCESS_REFERENCES = List.of("applicantName", "applicantPhone", "applicantAddress",
      "description", "locationAddress");

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final PersonalDataVault vault;
  private final TransactionTemplate transaction;

  PersonalDataMigration(JdbcTemplate jdbc, RuntimeService runtimeService, TaskService taskService,
      HistoryService historyService, PersonalDataVault vault, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.vault = vault;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    int migrated = migrate();
    if (migrated > 0) {
      LOG.info("Moved the personal data of {} complaints filed before this release into the vault", migrated);
    }
  }

  int migrate() {
    return InBatches.untilNoneLeft(jdbc, transaction, """
        SELECT c.complaint_number, c.process_instance_id FROM cc_complaint c
        LEFT JOIN cc_personal_data p ON p.complaint_number = c.complaint_number
        WHERE p.complaint_number IS NULL ORDER BY c.complaint_number FETCH FIRST %d ROWS ONLY""",
        complaint -> migrate((String) complaint.get("complaint_number"), (String) complaint.get("process_instance_id")));
  }

  private void migrate(String number, String processInstanceId) {
    Map<String, Object> v = EarlierVariables.of(runtimeService, historyService, processInstanceId, EARLIER_VARIABLES);
    vault.keep(PersonalData.filed(number, text(v, "applicantFirstName"), text(v, "applicantLastName"),
        text(v, "applicantPatronymic"), text(v, "applicantPhone"), text(v, "applicantEmail"),
        text(v, "applicantAddress"), text(v, "description"), text(v, "locationAddress"), number(v, "latitude"),
        number(v, "longitude")));
    if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      for (String name : EARLIER_VARIABLES) {
        runtimeService.removeVariable(processInstanceId, name);
      }
      for (String name : PROCESS_REFERENCES) {
        runtimeService.setVariable(processInstanceId, name, new PersonalDataReference(number, COPIES.get(name)));
      }
      for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
        for (String name : taskService.getVariablesLocal(task.getId(), COPIES.keySet()).keySet()) {
          taskService.removeVariableLocal(task.getId(), name);
          taskService.setVariableLocal(task.getId(), name, new PersonalDataReference(number, COPIES.get(name)));
        }
      }
      for (ProcessInstance notification : runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(CitizenNotification.KEY).processInstanceBusinessKey(number).list()) {
        if (runtimeService.getVariable(notification.getId(), "recipientPhone") != null) {
          runtimeService.removeVariable(notification.getId(), "recipientPhone");
          runtimeService.setVariable(notification.getId(), "recipientPhone",
              new PersonalDataReference(number, PersonalDataField.APPLICANT_PHONE));
        }
      }
    }
    List<String> instances = new ArrayList<>(List.of(processInstanceId));
    for (HistoricProcessInstance notification : historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CitizenNotification.KEY).processInstanceBusinessKey(number).list()) {
      instances.add(notification.getId());
    }
    List<String> names = new ArrayList<>(EARLIER_VARIABLES);
    names.addAll(COPIES.keySet());
    for (HistoricVariableInstance copy : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.toArray(String[]::new)).variableNameIn(names.toArray(String[]::new)).list()) {
      historyService.deleteHistoricVariableInstance(copy.getId());
    }
    untitleAddresses("ACT_RU_TASK", processInstanceId);
    untitleAddresses("ACT_HI_TASKINST", processInstanceId);
  }

  /**
   * Earlier task names ended with the address: "Вирішити звернення 2026-000123 · Категорія: тип ·
   * вул. Робоча, 1". The only place the application writes the engine's tables itself: there is no
   * API to rename a historic task.
   */
  private void untitleAddresses(String table, String processInstanceId) {
    for (Map<String, Object> task : jdbc.queryForList(
        "SELECT ID_, NAME_ FROM " + table + " WHERE PROC_INST_ID_ = ?", processInstanceId)) {
      String name = (String) task.get("NAME_");
      if (name != null) {
        String[] parts = name.split(" · ");
        if (parts.length >= 3) {
          jdbc.update("UPDATE " + table + " SET NAME_ = ? WHERE ID_ = ?", parts[0] + " · " + parts[1], task.get("ID_"));
        }
      }
    }
  }

  private static String text(Map<String, Object> values, String name) {
    return values.get(name) instanceof String text ? text : null;
  }

  private static Double number(Map<String, Object> values, String name) {
    return values.get(name) instanceof Number value ? value.doubleValue() : null;
  }
}
