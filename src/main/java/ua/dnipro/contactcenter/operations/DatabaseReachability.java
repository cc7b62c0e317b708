package ua.dnipro.contactcenter.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Whether the database answers, as every connection the application asks for tells it: a
 * connection not given (the pool's connection timeout passed, the server refused or is gone) marks
 * the database unreachable, for the request in hand and for the node, until a connection is given
 * again. While it is unreachable, {@link DatabaseOutageAnswer} lets one request through every
 * {@link #PROBE_INTERVAL} to find out whether it is back, and answers the others 503 at once
 * instead of letting every thread wait out the pool's timeout.
 *
 * <p>Wraps the application's one {@link DataSource} (the engine's, Flyway's and ours).
 */
public final class DatabaseReachability implements BeanPostProcessor {

  static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

  private static final ThreadLocal<Boolean> FAILED_IN_THIS_REQUEST = new ThreadLocal<>();

  private final Clock clock = Clock.systemUTC();
  private final AtomicLong lastFailure = new AtomicLong();
  private final AtomicLong lastSuccess = new AtomicLong();
  private final AtomicLong lastProbe = new AtomicLong();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof Observed)) {
      return new Observed(dataSource);
    }
    return bean;
  }

  /** The database is known not to answer: the last attempt to connect failed. */
  boolean knownUnreachable() {
    return lastFailure.get() > lastSuccess.get();
  }

  /** Whether the caller may be the one request that tries the database again now. */
  boolean mayProbe() {
    long now = clock.millis();
    long previous = lastProbe.get();
    return now - previous >= PROBE_INTERVAL.toMillis() && lastProbe.compareAndSet(previous, now);
  }

  /** Whether a connection was refused to this thread since {@link #startRequest()}. */
  static boolean failedInThisRequest() {
    return Boolean.TRUE.equals(FAILED_IN_THIS_REQUEST.get());
  }

  static void startRequest() {
    FAILED_IN_THIS_REQUEST.remove();
  }

  static void endRequest() {
    FAILED_IN_THIS_REQUEST.remove();
  }

  private Connection observe(ConnectionSource source) throws SQLException {
    try {
      Connection connection = source.get();
      lastSuccess.set(Math.max(clock.millis(), lastFailure.get() + 1));
      return connection;
    } catch (SQLException | RuntimeException e) {
      if (unreachable(e)) {
        long now = clock.millis();
        lastFailure.set(Math.max(now, lastSuccess.get() + 1));
        // that was a look at the database too: the next one in two seconds
        lastProbe.set(now);
        FAILED_IN_THIS_REQUEST.set(Boolean.TRUE);
      }
      throw e;
    }
  }

  /**
   * Whether a connection not given means the database does not answer: the pool could not connect
   * (its timeout names the last connection failure as cause or SQL state 08…), or the driver could not.
   * A pool whose connections are all busy (a burst of filings) times out without either: that is load,
   * answered by the door as such, not an outage for the whole node.
   */
  static boolean unreachable(Exception e) {
    if (e instanceof java.sql.SQLTransientConnectionException timeout) {
      return timeout.getCause() != null || (timeout.getSQLState() != null && timeout.getSQLState().startsWith("08"));
    }
    return true;
  }

  private interface ConnectionSource {
    Connection get() throws SQLException;
  }

  /** The application's data source, telling {@link DatabaseReachability} how each connection went. */
  private final class Observed extends DelegatingDataSource {

    Observed(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return observe(() -> obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return observe(() -> obtainTargetDataSource().getConnection(username, password));
    }
  }
}
