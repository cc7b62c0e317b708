package ua.dnipro.contactcenter.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's schema lacks for the departments' task lists: Tasklist's filters sort by
 * due date. Created once the engine has created or upgraded its tables (IF NOT EXISTS: at every
 * start, harmlessly); where a DBA owns the schema (schema update off) they are logged for the DBA.
 */
@Component
class InboxIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(InboxIndexes.class);

  static final List<String> STATEMENTS = List.of(
      "CREATE INDEX IF NOT EXISTS CC_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_)");

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (!"true".equals(configuration.getDatabaseSchemaUpdate())) {
      LOG.info("The engine does not manage its schema; for the task lists, the DBA creates: {}", STATEMENTS);
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : STATEMENTS) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the task lists' indexes", e);
    }
  }
}
