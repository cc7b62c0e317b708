package ua.dnipro.contactcenter.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.Precedence;

/**
 * Nodes starting together on one PostgreSQL take turns through their start-up work: the engine's
 * schema and deployments, the groups, accounts and grants, the complaint numbers' sequences, the
 * departments' processes and the classifier's release. A node takes a session advisory lock before
 * the engine is built and lets it go when it is ready (or has failed; a node that dies lets it go
 * with its connection); the next node then finds the work done and does nothing twice. Every step
 * is written to find its own work done, so a node started alone is no different.
 *
 * <p>On the embedded database, which one node alone opens, there is nobody to wait for.
 */
@Component
@Order(Precedence.StartUp.TURN)
class StartUpTurns extends AbstractProcessEnginePlugin {

  /** The advisory lock's key: "STARTUP!" in ASCII. */
  static final long KEY = 0x5354415254555021L;

  private static final Logger LOG = LoggerFactory.getLogger(StartUpTurns.class);

  private final DataSource dataSource;
  private Connection turn;

  StartUpTurns(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      // tried every second rather than waited for in one statement, which the driver's socket timeout
      // would cut off while a first start-up (a schema upgrade, a migration) takes longer
      long waiting = 0;
      while (!lock(connection, "SELECT pg_try_advisory_lock(" + KEY + ")")) {
        if (waiting % 30 == 0) {
          LOG.info("Another node is starting on this database: waiting for its start-up to finish ({} s; it holds"
              + " pg_locks advisory objid {})", waiting, KEY & 0xFFFFFFFFL);
        }
        Thread.sleep(1_000);
        waiting++;
      }
      turn = connection;
      LOG.info("This node's start-up turn: other nodes starting now wait until it is ready");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the start-up turn on the database", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for another node's start-up", e);
    }
  }

  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
  public synchronized void startUpOver() {
    if (turn == null) {
      return;
    }
    try (Connection connection = turn; Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      // closing the connection ends the session, which lets the lock go anyway
      LOG.warn("Start-up turn released by closing its connection: {}", e.toString());
    } finally {
      turn = null;
    }
  }

  private static boolean lock(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getBoolean(1);
    }
  }
}
