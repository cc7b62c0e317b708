package ua.dnipro.contactcenter.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.DepartmentWork;

/**
 * How PostgreSQL plans a task list. Camunda's task query tests grant bits ({@code PERMS_ & 2 = 2})
 * and, for the heads', dispatchers' and controllers' tasks, joins grants made per task: a generic
 * plan cannot estimate either, and PostgreSQL may settle on one that joins every task with every
 * grant (a department's list took seconds so while each task had grants of its own). So a task
 * list is planned with its values ({@code SET LOCAL plan_cache_mode = force_custom_plan} for that
 * statement, PostgreSQL's default again after it), except a department's own list: its tasks live in
 * the department's process definition with one grant on it, its filter names that definition, and
 * its plan is best reused (planning it at each request cost 15 to 27 ms of its p95, measured at
 * 100,000 open complaints). The engine's own lookups of tasks (by id, by complaint), made without
 * a grant check, and every other statement keep PostgreSQL's own choice: forcing custom plans on
 * every connection made PostgreSQL plan each of a filing's ninety statements again, a fifth of
 * intake.
 */
@Component
class TaskListsPlannedWithTheirValues extends AbstractProcessEnginePlugin {

  static final String TASK_LIST = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";
  static final String TASK_COUNT =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if ("postgres".equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlannedWithTheirValues());
    }
  }

  /**
   * A task list or count the engine checks grants for (a person's, not the engine's own lookups),
   * other than a department's own list (its filter names the department's process definition).
   */
  static boolean plannedWithItsValues(String statement, Object parameter) {
    if (!TASK_LIST.equals(statement) && !TASK_COUNT.equals(statement)
        || !(parameter instanceof TaskQueryImpl tasks) || tasks.getAuthCheck() == null
        || !tasks.getAuthCheck().isAuthorizationCheckEnabled()) {
      return false;
    }
    return !isDepartmentWork(tasks.getProcessDefinitionKey()) && !isDepartmentWork(tasks.getProcessDefinitionId());
  }

  private static boolean isDepartmentWork(String keyOrId) {
    return keyOrId != null && keyOrId.startsWith(DepartmentWork.KEY_PREFIX);
  }

  @Intercepts({
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class})})
  static final class PlannedWithTheirValues implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      if (!plannedWithItsValues(statement.getId(), invocation.getArgs()[1])) {
        return invocation.proceed();
      }
      Connection connection = ((Executor) invocation.getTarget()).getTransaction().getConnection();
      planWith(connection, "force_custom_plan");
      Object result = invocation.proceed();
      // a task list read inside a longer transaction (a step of a filing) leaves the rest of it as it was
      planWith(connection, "DEFAULT");
      return result;
    }

    private static void planWith(Connection connection, String mode) throws SQLException {
      try (Statement set = connection.createStatement()) {
        set.execute("SET LOCAL plan_cache_mode = " + mode);
      }
    }
  }
}
