package ua.dnipro.contactcenter.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Whether a failure may pass if the same request is sent again: a conflict, a lost connection, an
 * overload, maintenance.
 */
final class TransientFailures {

  /** SQLSTATE classes of passing trouble: connection (08), rolled back (40), resources (53), operator (57). */
  private static final Set<String> TRANSIENT_SQL_STATES = Set.of("08", "40", "53", "57");

  private TransientFailures() {
  }

  static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      // a suspended process is maintenance, which ends
      if (cause instanceof OptimisticLockingException || cause instanceof SuspendedEntityInteractionException
          || cause instanceof TransientDataAccessException
          || cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
          && TRANSIENT_SQL_STATES.contains(sql.getSQLState().substring(0, 2))) {
        return true;
      }
    }
    return false;
  }
}
