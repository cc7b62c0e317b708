package ua.dnipro.contactcenter.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/** Task lists are planned with their values on PostgreSQL; every other statement as PostgreSQL chooses. */
class TaskListsPlannedWithTheirValuesTests extends PostgresApplicationTest {

  @Autowired ProcessEngine engine;

  @Test
  void aTaskQueryIsPlannedWithItsValuesAndTheTransactionGoesBackToPostgresqlsChoiceAfterIt() {
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    AtomicReference<String> duringTheList = new AtomicReference<>();
    AtomicReference<String> duringTheCount = new AtomicReference<>();
    TaskQueryImpl showingHowItIsPlanned = new TaskQueryImpl(commands) {
      @Override
      public List<Task> executeList(CommandContext context, Page page) {
        duringTheList.set(planMode(context));
        return List.of();
      }

      @Override
      public long executeCount(CommandContext context) {
        duringTheCount.set(planMode(context));
        return 0;
      }
    };

    showingHowItIsPlanned.list();
    showingHowItIsPlanned.count();
    assertThat(duringTheList).hasValue("force_custom_plan");
    assertThat(duringTheCount).hasValue("force_custom_plan");

    String elsewhere = commands.execute(TaskListsPlannedWithTheirValuesTests::planMode);
    assertThat(elsewhere).as("any other command").isEqualTo("auto");
    // a task list read inside a longer command (a step of a filing): the rest of it as before
    String afterATaskList = commands.execute(context -> {
      new TaskQueryImpl(commands).list();
      return planMode(context);
    });
    assertThat(afterATaskList).isEqualTo("auto");
  }

  @Test
  void theFiltersListsAndCountsAreTaskLists() {
    assertThat(TaskListsPlannedWithTheirValues.readsTaskList(new ExecuteFilterListPageCmd("filter", null, 0, 15)))
        .isTrue();
    assertThat(TaskListsPlannedWithTheirValues.readsTaskList(new ExecuteFilterCountCmd("filter", null))).isTrue();
    org.camunda.bpm.engine.impl.interceptor.Command<Object> other = context -> null;
    assertThat(TaskListsPlannedWithTheirValues.readsTaskList(other)).isFalse();
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
