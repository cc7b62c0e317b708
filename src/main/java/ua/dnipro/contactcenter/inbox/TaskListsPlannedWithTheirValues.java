package ua.dnipro.contactcenter.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterSingleResultCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A person's task list is planned with its values. Camunda's task query tests grant bits
 * ({@code PERMS_ & 2 = 2}) and, for the heads', dispatchers' and controllers' tasks, joins grants made
 * per task: a generic plan cannot estimate either, and PostgreSQL may keep one that joins every
 * task with every grant (the department's list took seconds so, before its tasks lost their grants
 * of their own). So within the transaction of each task query and each filter's list or count,
 * PostgreSQL plans with the query's values ({@code SET LOCAL plan_cache_mode = force_custom_plan}),
 * and afterwards goes back to its own choice. Everything else keeps that choice: forcing custom
 * plans on every connection made PostgreSQL plan each of a filing's ninety statements again, a fifth
 * of intake.
 */
@Component
class TaskListsPlannedWithTheirValues extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new PlannedWithTheirValues());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** The commands that read a task list: a task query (engine REST, the application) or a filter's. */
  static boolean readsTaskList(Command<?> command) {
    return command instanceof TaskQueryImpl || command instanceof ExecuteFilterListPageCmd
        || command instanceof ExecuteFilterListCmd || command instanceof ExecuteFilterCountCmd
        || command instanceof ExecuteFilterSingleResultCmd;
  }

  /** Runs inside the command's transaction and context (after the engine's own interceptors). */
  static final class PlannedWithTheirValues extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!readsTaskList(command)
          || !"postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
        return next.execute(command);
      }
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
      planModeFor(connection, "force_custom_plan");
      T result = next.execute(command);
      // a task list read inside a longer transaction (a step of a filing) leaves the rest of it as it was
      planModeFor(connection, "DEFAULT");
      return result;
    }

    private static void planModeFor(Connection connection, String mode) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL plan_cache_mode = " + mode);
      } catch (SQLException e) {
        throw new ProcessEngineException("cannot set how PostgreSQL plans a task list", e);
      }
    }
  }
}
