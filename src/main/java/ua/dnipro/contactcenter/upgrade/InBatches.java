package ua.dnipro.contactcenter.upgrade;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** How an upgrade step works through what is left to do: a batch of rows per transaction, until none is left. */
final class InBatches {

  static final int BATCH = 200;

  private InBatches() {
  }

  /**
   * Runs the step on the rows the query finds ({@code %d} in it: the batch size), one batch per
   * transaction, and asks again until it finds none (the step must make a row no longer found);
   * how many rows were done.
   */
  static int untilNoneLeft(JdbcTemplate jdbc, TransactionTemplate transaction, String query,
      Consumer<Map<String, Object>> step) {
    int done = 0;
    while (true) {
      List<Map<String, Object>> left = jdbc.queryForList(query.formatted(BATCH));
      if (left.isEmpty()) {
        return done;
      }
      transaction.executeWithoutResult(status -> left.forEach(step));
      done += left.size();
    }
  }
}
