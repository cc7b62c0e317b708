package ua.dnipro.contactcenter.intake;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Hands out complaint numbers such as {@code 2026-000123}: the year of receipt in the city's time
 * zone, then a counter that starts again each year. Each number is taken in a short transaction of
 * its own, so the year's counter row is locked for that moment only, never for the whole filing:
 * filings on one node or several do not wait for each other's commit. A filing that fails after
 * taking its number leaves that number unused: a gap, which is harmless, because the number only
 * names a complaint (statistics count complaints, not numbers).
 */
@Component
public class ComplaintNumbers {

  private final JdbcTemplate jdbc;
  private final ContactCenterProperties properties;
  private final TransactionTemplate separateTransaction;
  private final TransactionTemplate savepoint;

  public ComplaintNumbers(JdbcTemplate jdbc, ContactCenterProperties properties,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public String next(Instant receivedAt) {
    int year = receivedAt.atZone(properties.timeZone()).getYear();
    Long number = separateTransaction.execute(status -> {
      if (increment(year) == 0) {
        createCounter(year);
        if (increment(year) == 0) {
          throw new IllegalStateException("no complaint counter for " + year);
        }
      }
      return jdbc.queryForObject("SELECT last_number FROM cc_complaint_number WHERE numbering_year = ?", Long.class,
          year);
    });
    return "%d-%06d".formatted(year, number);
  }

  private int increment(int year) {
    return jdbc.update("UPDATE cc_complaint_number SET last_number = last_number + 1 WHERE numbering_year = ?", year);
  }

  /**
   * The first complaint of a year creates its counter, behind a savepoint of the number's own
   * transaction: two filings racing at New Year both try, one wins, and the loser's failed insert
   * (which would abort its transaction on PostgreSQL) is rolled back to the savepoint. On the same
   * connection: a third one per filing could exhaust the pool when a year's first filings come at
   * once (as on a fresh database under load), each holding two and waiting for a third.
   */
  private void createCounter(int year) {
    try {
      savepoint.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO cc_complaint_number (numbering_year, last_number) VALUES (?, 0)", year));
    } catch (DuplicateKeyException createdByAnotherFiling) {
      // the counter exists now, which is all we need
    }
  }
}
