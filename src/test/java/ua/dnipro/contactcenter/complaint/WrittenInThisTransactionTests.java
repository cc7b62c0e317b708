package ua.dnipro.contactcenter.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** What a transaction wrote is remembered in that transaction only, and only while it runs. */
class WrittenInThisTransactionTests {

  final WrittenInThisTransaction<String, String> written = new WrittenInThisTransaction<>();
  final DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource());
  final TransactionTemplate transaction = new TransactionTemplate(transactions);

  static JdbcDataSource dataSource() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:written-in-this-transaction;DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  @Test
  void aTransactionRecallsWhatItWroteUntilItForgetsIt() {
    transaction.executeWithoutResult(status -> {
      assertThat(written.recall("2026-000001")).isEmpty();
      written.remember("2026-000001", "registered");
      written.remember("2026-000001", "in progress");
      assertThat(written.recall("2026-000001")).contains("in progress");
      written.forget("2026-000001");
      assertThat(written.recall("2026-000001")).isEmpty();
    });
  }

  @Test
  void theNextTransactionRemembersNothingWhetherTheFirstCommittedOrRolledBack() {
    transaction.executeWithoutResult(status -> written.remember("2026-000001", "committed"));
    transaction.executeWithoutResult(status -> assertThat(written.recall("2026-000001")).isEmpty());

    transaction.executeWithoutResult(status -> {
      written.remember("2026-000002", "rolled back");
      status.setRollbackOnly();
    });
    transaction.executeWithoutResult(status -> assertThat(written.recall("2026-000002")).isEmpty());
  }

  @Test
  void aTransactionStartedInsideAnotherDoesNotSeeItsWritesNorLeavesItsOwn() {
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    transaction.executeWithoutResult(status -> {
      written.remember("2026-000001", "outer");
      inner.executeWithoutResult(innerStatus -> {
        assertThat(written.recall("2026-000001")).as("the outer transaction's write, not committed").isEmpty();
        written.remember("2026-000002", "inner");
      });
      assertThat(written.recall("2026-000001")).contains("outer");
      assertThat(written.recall("2026-000002")).as("the inner transaction has ended").isEmpty();
    });
  }

  @Test
  void twoMemoriesInOneTransactionAreApart() {
    WrittenInThisTransaction<String, String> other = new WrittenInThisTransaction<>();
    transaction.executeWithoutResult(status -> {
      written.remember("2026-000001", "state");
      assertThat(other.recall("2026-000001")).isEmpty();
    });
  }

  @Test
  void outsideATransactionNothingIsRemembered() {
    written.remember("2026-000001", "no transaction");
    assertThat(written.recall("2026-000001")).isEmpty();
  }
}
