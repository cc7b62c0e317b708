package ua.dnipro.contactcenter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import ua.dnipro.contactcenter.testing.ApplicationConfiguration;

/** The numbers on the embedded default database (H2), whose sequences are spoken of in SQL's standard words. */
class ComplaintNumbersOnH2Tests {

  @Test
  void eachYearCountsFromOneOrAfterItsLastNumberCountedBeforeSequences() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:complaint-numbers;DB_CLOSE_DELAY=-1");
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    jdbc.execute("CREATE TABLE cc_complaint_number (numbering_year INTEGER NOT NULL PRIMARY KEY, last_number BIGINT NOT NULL)");
    jdbc.update("INSERT INTO cc_complaint_number VALUES (2026, 7)");
    ComplaintNumbers numbers = new ComplaintNumbers(jdbc, ApplicationConfiguration.contactCenter(),
        new DataSourceTransactionManager(h2));

    assertThat(numbers.next(Instant.parse("2026-06-01T10:00:00Z"))).isEqualTo("2026-000008");
    assertThat(numbers.next(Instant.parse("2026-06-01T10:00:01Z"))).isEqualTo("2026-000009");
    // 31 December 22:30 UTC is already New Year in Kyiv
    assertThat(numbers.next(Instant.parse("2026-12-31T22:30:00Z"))).isEqualTo("2027-000001");
    assertThat(new ComplaintNumbers(jdbc, ApplicationConfiguration.contactCenter(), new DataSourceTransactionManager(h2))
        .next(Instant.parse("2027-02-01T10:00:00Z"))).as("another node finds the year's sequence made")
        .isEqualTo("2027-000002");
  }
}
