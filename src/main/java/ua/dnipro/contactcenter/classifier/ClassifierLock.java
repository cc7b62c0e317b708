package ua.dnipro.contactcenter.classifier;

import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One classifier change at a time, across all nodes: taken before the version in effect is read, so
 * that a change is always made on top of the one before it (two analysts deploying at once, two
 * nodes starting together), and held until the change's transaction ends. On PostgreSQL a
 * transaction-scoped advisory lock; on the embedded database, which one node alone opens, a lock of
 * this node's.
 */
@Component
class ClassifierLock {

  /** The advisory lock's key: "CLASSIFY" in ASCII (the start-up's is operations.StartUpTurns'). */
  static final long KEY = 0x434C415353494659L;

  private final JdbcTemplate jdbc;
  private final ReentrantLock local = new ReentrantLock();
  private volatile Boolean postgres;

  ClassifierLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits for the lock; it is released when the current transaction ends. */
  void hold() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("the classifier's lock is held for a transaction: call it in one");
    }
    if (isPostgres()) {
      jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", KEY);
      return;
    }
    local.lock();
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        local.unlock();
      }
    });
  }

  private boolean isPostgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
          connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }
    return postgres;
  }
}
