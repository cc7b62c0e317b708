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
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.springframework.stereotype.Component;

/**
 * How PostgreSQL plans a task list. Camunda's task query tests grant bits ({@code PERMS_ & 2 = 2})
 * and, for the heads', dispatchers' and controllers' tasks, joins grants made per task: a generic
 * plan cannot estimate either, and PostgreSQL may settle on one that joins every task with every
 * grant (a department's list took seconds so while each task had grants of its own). So a task
 * list is planned with its values ({@code SET LOCAL plan_cache_mode = force_custom_plan} for that
 * statement, PostgreSQL's default again after it), except a department's own list: its tasks live in
 * the department's process definition with one grant on it, its filter names that definition, and
 * its plan is best reused (planning it at each request cost 10 ms of its p95, measured at 100,000
 * open complaints). Every other statement keeps PostgreSQL's own choice: forcing custom plans on
 * every connection made PostgreSQL plan each of a filing's ninety statements again, a fifth of
 * intake.
 */
@Component
class TaskListsPlannedWithTheirValues extends AbstractProcessEnginePlugin {

  /** How many task lists and counts this thread had planned with their values (for the tests). */
  private static final ThreadLocal<long[]> PLANNED = ThreadLocal.withInitial(() -> new long[1]);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if ("postgres".equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlannedWithTheirValues());
    }
  }

  static long plannedWithTheirValuesOnThisThread() {
    return PLANNED.get()[0];
  }

  /** A task list or count of tasks that is not a department's own list (by its process definition). */
  static boolean plannedWithItsValues(String statement, Object parameter) {
    if (!statement.contains("TaskByQueryCriteria") && !statement.contains("TaskCountByQueryCriteria")) {
      return false;
    }
    // a count gets the query itself (a query is a ListQueryParameterObject too), a list the query wrapped with its page
    Object query = parameter instanceof TaskQueryImpl || !(parameter instanceof ListQueryParameterObject list) ? parameter
        : list.getParameter();
    return !(query instanceof TaskQueryImpl tasks)
        || tasks.getProcessDefinitionId() == null && tasks.getProcessDefinitionKey() == null;
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
      PLANNED.get()[0]++;
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
