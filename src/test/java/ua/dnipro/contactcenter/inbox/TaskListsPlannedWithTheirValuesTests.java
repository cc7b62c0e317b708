package ua.dnipro.contactcenter.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ExternalTaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * On PostgreSQL a person's task list is planned with its values, except a department's own list,
 * and everything else as PostgreSQL chooses: seen from inside each statement (the mode PostgreSQL
 * has on the statement's own connection when the driver prepares it).
 */
class TaskListsPlannedWithTheirValuesTests extends PostgresApplicationTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  /** The plan mode each task statement of this thread met, while watching. */
  static final ThreadLocal<List<String>> SEEN = new ThreadLocal<>();
  static boolean probing;

  @BeforeEach
  void watchTheTaskStatements() {
    synchronized (TaskListsPlannedWithTheirValuesTests.class) {
      if (!probing) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
            .getConfiguration().addInterceptor(new PlanModeProbe());
        probing = true;
      }
    }
  }

  @AfterEach
  void stopWatching() {
    SEEN.remove();
    identityService.clearAuthentication();
  }

  @Test
  void aPersonsTaskListIsPlannedWithItsValuesUnlessItIsADepartmentsOwnList() {
    identityService.setAuthentication("head.of.water", List.of("water-utility-heads"));

    assertThat(modesOf(() -> taskService.createTaskQuery().taskCandidateGroup("water-utility-heads").listPage(0, 15)))
        .containsExactly("force_custom_plan");
    assertThat(modesOf(() -> taskService.createTaskQuery().taskCandidateGroup("water-utility-heads").count()))
        .containsExactly("force_custom_plan");
    assertThat(modesOf(() -> taskService.createTaskQuery().processDefinitionKey("ComplaintProcess").listPage(0, 15)))
        .as("the complaints' tasks, granted each").containsExactly("force_custom_plan");
    assertThat(modesOf(() -> taskService.createTaskQuery()
        .processDefinitionKey(DepartmentWork.keyOf("water-utility")).listPage(0, 15)))
        .as("the department's own list").containsExactly("auto");
  }

  @Test
  void theEnginesOwnLookupsAndEverythingAfterATaskListArePlannedAsPostgresqlChooses() {
    assertThat(modesOf(() -> taskService.createTaskQuery().processInstanceBusinessKey("2026-000001").list()))
        .as("no grant check").containsExactly("auto");

    identityService.setAuthentication("dispatcher", List.of("dispatchers"));
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    String afterATaskList = commands.execute(context -> {
      new TaskQueryImpl(commands).taskCandidateGroup("dispatchers").list();
      return planMode(context);
    });
    assertThat(afterATaskList).as("a task list read inside a longer transaction").isEqualTo("auto");
  }

  @Test
  void onlyTheEnginesTaskListAndCountStatementsAreConcerned() {
    TaskQueryImpl checked = new TaskQueryImpl();
    checked.taskCandidateGroup("dispatchers");
    AuthorizationCheck grants = new AuthorizationCheck();
    grants.setAuthorizationCheckEnabled(true);
    checked.setAuthCheck(grants);
    ExternalTaskQueryImpl externalTasks = new ExternalTaskQueryImpl();
    externalTasks.setAuthCheck(grants);

    assertThat(TaskListsPlannedWithTheirValues.plannedWithItsValues(TaskListsPlannedWithTheirValues.TASK_LIST, checked))
        .isTrue();
    assertThat(TaskListsPlannedWithTheirValues.plannedWithItsValues(TaskListsPlannedWithTheirValues.TASK_COUNT, checked))
        .isTrue();
    assertThat(TaskListsPlannedWithTheirValues.plannedWithItsValues(
        "org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity.selectExternalTaskByQueryCriteria",
        externalTasks)).isFalse();
  }

  interface Call {
    void run();
  }

  static List<String> modesOf(Call call) {
    SEEN.set(new ArrayList<>());
    call.run();
    List<String> seen = SEEN.get();
    SEEN.remove();
    return seen;
  }

  static String planMode(CommandContext context) {
    return planMode(context.getDbSqlSession().getSqlSession().getConnection());
  }

  static String planMode(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("SHOW plan_cache_mode")) {
      mode.next();
      return mode.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Notes the plan mode on the connection of each statement on ACT_RU_TASK, as it is prepared. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class PlanModeProbe implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      List<String> seen = SEEN.get();
      String sql = ((StatementHandler) invocation.getTarget()).getBoundSql().getSql();
      if (seen != null && sql.replaceAll("\\s+", " ").matches("(?is).*from ACT_RU_TASK RES.*")) {
        seen.add(planMode((Connection) invocation.getArgs()[0]));
      }
      return invocation.proceed();
    }
  }
}
