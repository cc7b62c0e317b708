package ua.dnipro.contactcenter.operations;

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
 * What the engine's schema lacks for the departments' task lists and for timers on time, created
 * once the engine has created or upgraded its tables (IF NOT EXISTS: at every start, harmlessly;
 * where a DBA owns the schema, schema update off, they are logged for the DBA):
 * <ul>
 *   <li>an index on the jobs' due date: the job executor asks for the due jobs every two seconds
 *       on every node, among hundreds of thousands of timers due in the future (a few per open
 *       complaint); without it each of those polls reads them all;</li>
 *   <li>an index on the tasks' due date, which Tasklist's filters sort by;</li>
 *   <li>an index on the tasks' process definition and id (and tenant, which the engine's tenant
 *       check reads): a department's filter asks for the tasks of its own process, and counts them
 *       (Tasklist shows the count at each filter) from this index alone, without visiting the
 *       tasks' rows;</li>
 *   <li>an index on the tasks' process definition, due date and creation: a department's list, of
 *       its definition's current version, sorted as Tasklist asks (the filter's due date, then the
 *       newest), is read from it in order and stops at the page, instead of sorting all of the
 *       department's tasks;</li>
 *   <li>on PostgreSQL, statistics on the permission bits the engine's authorization check tests
 *       ({@code PERMS_ & 2 = 2}): without them the planner guesses that a handful of grants match
 *       a department, joins every open task with every one of the department's grants (tens of
 *       thousands by tens of thousands) and counts a department's tasks in minutes; with them it
 *       looks up each task's grants by index.</li>
 * </ul>
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  static final List<String> STATEMENTS = List.of(
      "CREATE INDEX IF NOT EXISTS CC_IDX_JOB_DUE_DATE ON ACT_RU_JOB (DUEDATE_)",
      "CREATE INDEX IF NOT EXISTS CC_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_)",
      "CREATE INDEX IF NOT EXISTS CC_IDX_TASK_PROCDEF_ID ON ACT_RU_TASK (PROC_DEF_ID_, ID_, TENANT_ID_)",
      "CREATE INDEX IF NOT EXISTS CC_IDX_TASK_PROCDEF_DUE ON ACT_RU_TASK (PROC_DEF_ID_, DUE_DATE_, CREATE_TIME_ DESC)");
  static final List<String> POSTGRESQL_STATEMENTS = List.of(
      "CREATE STATISTICS IF NOT EXISTS CC_STAT_AUTH_READ ON (PERMS_ & 2) FROM ACT_RU_AUTHORIZATION",
      "CREATE STATISTICS IF NOT EXISTS CC_STAT_AUTH_READ_TASK ON (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION",
      "ANALYZE ACT_RU_AUTHORIZATION");

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    boolean postgres = "postgres".equals(configuration.getDatabaseType());
    if (!"true".equals(configuration.getDatabaseSchemaUpdate())) {
      LOG.info("The engine does not manage its schema; for the task lists and timers, the DBA creates: {}{}", STATEMENTS,
          postgres ? POSTGRESQL_STATEMENTS : "");
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      if (postgres) {
        // an index build a stopped node left unfinished is invalid: built again
        try (var invalid = statement.executeQuery("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            + " WHERE NOT i.indisvalid AND c.relname LIKE 'cc_idx_%'")) {
          List<String> names = new java.util.ArrayList<>();
          while (invalid.next()) {
            names.add(invalid.getString(1));
          }
          for (String name : names) {
            statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + name);
          }
        }
      }
      for (String sql : STATEMENTS) {
        // on PostgreSQL without blocking the other nodes' writes to the table while it is built (a
        // rolling upgrade keeps filing and firing timers meanwhile)
        statement.execute(postgres ? sql.replace("CREATE INDEX IF NOT EXISTS", "CREATE INDEX CONCURRENTLY IF NOT EXISTS")
            : sql);
      }
      if (postgres) {
        for (String sql : POSTGRESQL_STATEMENTS) {
          statement.execute(sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the indexes of the task lists and timers", e);
    }
  }
}
