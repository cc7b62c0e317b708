package ua.dnipro.contactcenter.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * On PostgreSQL, task lists are planned with their values, except a department's own list (by its
 * process definition), and every other statement as PostgreSQL chooses.
 */
class TaskListsPlannedWithTheirValuesTests extends PostgresApplicationTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;

  @Test
  void aTaskListIsPlannedWithItsValuesUnlessItIsADepartmentsOwnList() {
    long before = TaskListsPlannedWithTheirValues.plannedWithTheirValuesOnThisThread();
    taskService.createTaskQuery().taskCandidateGroup("water-utility-heads").listPage(0, 15);
    taskService.createTaskQuery().taskCandidateGroup("water-utility-heads").count();
    assertThat(TaskListsPlannedWithTheirValues.plannedWithTheirValuesOnThisThread()).as("a list and a count by candidate group").isEqualTo(before + 2);

    taskService.createTaskQuery().processDefinitionKey(DepartmentWork.keyOf("water-utility")).listPage(0, 15);
    taskService.createTaskQuery().processDefinitionKey(DepartmentWork.keyOf("water-utility")).count();
    assertThat(TaskListsPlannedWithTheirValues.plannedWithTheirValuesOnThisThread()).as("the department's own list").isEqualTo(before + 2);
  }

  @Test
  void theRestOfTheTransactionIsPlannedAsPostgresqlChooses() {
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    String elsewhere = commands.execute(TaskListsPlannedWithTheirValuesTests::planMode);
    assertThat(elsewhere).isEqualTo("auto");
    // a task list read inside a longer command (a step of a filing): the rest of it as before
    long before = TaskListsPlannedWithTheirValues.plannedWithTheirValuesOnThisThread();
    String afterATaskList = commands.execute(context -> {
      new TaskQueryImpl(commands).taskCandidateGroup("dispatchers").list();
      return planMode(context);
    });
    assertThat(TaskListsPlannedWithTheirValues.plannedWithTheirValuesOnThisThread()).isEqualTo(before + 1);
    assertThat(afterATaskList).isEqualTo("auto");
  }

  @Test
  void onlyTaskListsAndCountsAreConcerned() {
    TaskQueryImpl byGroup = new TaskQueryImpl();
    byGroup.taskCandidateGroup("dispatchers");
    TaskQueryImpl byDefinition = new TaskQueryImpl();
    byDefinition.processDefinitionId("DepartmentWork_water-utility:3:42");
    TaskQueryImpl byKey = new TaskQueryImpl();
    byKey.processDefinitionKey(DepartmentWork.keyOf("water-utility"));
    String list = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";
    String count = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria";

    assertThat(TaskListsPlannedWithTheirValues.plannedWithItsValues(list, new ListQueryParameterObject(byGroup, 0, 15)))
        .isTrue();
    assertThat(TaskListsPlannedWithTheirValues.plannedWithItsValues(count, byGroup)).isTrue();
    assertThat(TaskListsPlannedWithTheirValues.plannedWithItsValues(list,
        new ListQueryParameterObject(byDefinition, 0, 15))).isFalse();
    assertThat(TaskListsPlannedWithTheirValues.plannedWithItsValues(count, byKey)).isFalse();
    assertThat(TaskListsPlannedWithTheirValues.plannedWithItsValues(list, new ListQueryParameterObject(byKey, 0, 15)))
        .isFalse();
    assertThat(TaskListsPlannedWithTheirValues.plannedWithItsValues(
        "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.selectExecutionsByQueryCriteria",
        new ListQueryParameterObject(byGroup, 0, 15))).isFalse();
  }

  static String planMode(CommandContext context) {
    try (Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
        ResultSet mode = statement.executeQuery("SHOW plan_cache_mode")) {
      mode.next();
      return mode.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
