package ua.dnipro.contactcenter.intake;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Hands out complaint numbers such as {@code 2026-000123}: the year of receipt in the city's time
 * zone, then a counter that starts again each year. The counter is a database sequence per year
 * ({@code cc_complaint_number_2026}): taking a number never waits for another filing, on this node
 * or any other, neither for its lock nor for its commit (a sequence's next value is not part of any
 * transaction). A filing that fails after taking its number leaves that number unused: a gap, which
 * is harmless, because the number only names a complaint (statistics count complaints, not
 * numbers). A year's sequence is made by its first filing; years counted before sequences (in the
 * table {@code cc_complaint_number}) go on after their last number.
 */
@Component
public class ComplaintNumbers implements org.springframework.boot.ApplicationRunner {

  private final JdbcTemplate jdbc;
  private final ContactCenterProperties properties;
  private final TransactionTemplate separateTransaction;
  /** The years whose sequence this node knows to exist. */
  private final Set<Integer> counted = ConcurrentHashMap.newKeySet();
  private volatile Boolean postgres;

  public ComplaintNumbers(JdbcTemplate jdbc, ContactCenterProperties properties,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * At start: this year's and next year's sequences, so that an account without the right to
   * create them fails now, not with the first filing of 1 January.
   */
  @Override
  public void run(org.springframework.boot.ApplicationArguments args) {
    int year = Instant.now().atZone(properties.timeZone()).getYear();
    prepare(year);
    prepare(year + 1);
  }

  public String next(Instant receivedAt) {
    int year = receivedAt.atZone(properties.timeZone()).getYear();
    prepare(year);
    Long number = jdbc.queryForObject(isPostgres() ? "SELECT nextval('" + sequence(year) + "')"
        : "SELECT NEXT VALUE FOR " + sequence(year), Long.class);
    return "%d-%06d".formatted(year, number);
  }

  private void prepare(int year) {
    if (!counted.contains(year)) {
      try {
        separateTransaction.executeWithoutResult(status -> createSequence(year));
      } catch (DataAccessException madeByAnotherNode) {
        // two nodes making it at once: one wins, the other finds it made
        if (!Boolean.TRUE.equals(separateTransaction.execute(status -> exists(year)))) {
          throw madeByAnotherNode;
        }
      }
      counted.add(year);
    }
  }

  private static String sequence(int year) {
    return "cc_complaint_number_" + year;
  }

  /** The year's sequence, unless it exists: starting after the year's last number counted before sequences, if any. */
  private void createSequence(int year) {
    if (exists(year)) {
      return;
    }
    Long last = jdbc.queryForList("SELECT last_number FROM cc_complaint_number WHERE numbering_year = ?", Long.class,
        year).stream().findFirst().orElse(0L);
    jdbc.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence(year) + " START WITH " + (last + 1));
  }

  private boolean exists(int year) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.sequences WHERE LOWER(sequence_name) = ? "
        + "AND LOWER(sequence_schema) = LOWER(CURRENT_SCHEMA)", Integer.class, sequence(year)) > 0;
  }

  private boolean isPostgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
          connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }
    return postgres;
  }
}
