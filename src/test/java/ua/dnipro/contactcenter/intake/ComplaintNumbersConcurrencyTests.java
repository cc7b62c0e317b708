package ua.dnipro.contactcenter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import ua.dnipro.contactcenter.intake.ComplaintFiling.FiledComplaint;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * Complaint numbers do not make filings wait for each other. No timing is measured: a filing that
 * waited for another's commit would never reach the point where the test lets the other commit,
 * and the test would fail on its generous deadline instead of passing.
 */
class ComplaintNumbersConcurrencyTests extends PostgresApplicationTest {

  static final int FILINGS = 50;

  @Autowired ComplaintFiling filing;
  @Autowired TransactionTemplate transaction;
  @Autowired ComplaintNumbers numbers;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void fiftyFilingsAllStartedBeforeAnyCommitsGetFiftyDistinctNumbers() throws Exception {
    CyclicBarrier allNumbered = new CyclicBarrier(FILINGS);
    ExecutorService clients = Executors.newFixedThreadPool(FILINGS);
    try {
      List<Future<String>> numbers = new ArrayList<>();
      for (int i = 0; i < FILINGS; i++) {
        int client = i;
        numbers.add(clients.submit(() -> transaction.execute(status -> {
          FiledComplaint filed = filing.file(ComplaintFixtures.complaint("ROADS", "POTHOLE", "вул. Паралельна, " + client));
          try {
            // nobody commits before everybody has a number
            allNumbered.await(120, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("a filing waited for another's commit to get its number", e);
          }
          return filed.number();
        })));
      }
      List<String> filed = new ArrayList<>();
      for (Future<String> number : numbers) {
        filed.add(number.get(180, TimeUnit.SECONDS));
      }

      assertThat(new HashSet<>(filed)).hasSize(FILINGS);
      filed.forEach(number -> assertThat(complaintRecords.find(number)).as(number).isPresent());
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aFilingHoldingItsTransactionOpenDoesNotHoldUpAnother() throws Exception {
    CountDownLatch firstNumbered = new CountDownLatch(1);
    CountDownLatch secondFiled = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = clients.submit(() -> transaction.execute(status -> {
        FiledComplaint filed = filing.file(ComplaintFixtures.complaint("ROADS", "POTHOLE", "вул. Перша, 1",
            Instant.now()));
        firstNumbered.countDown();
        try {
          secondFiled.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return filed.number();
      }));
      assertThat(firstNumbered.await(60, TimeUnit.SECONDS)).isTrue();

      String second = clients.submit(() -> filing.file(ComplaintFixtures.complaint("ROADS", "POTHOLE", "вул. Друга, 2",
          Instant.now())).number()).get(60, TimeUnit.SECONDS);
      secondFiled.countDown();

      assertThat(second).isGreaterThan(first.get(60, TimeUnit.SECONDS));
    } finally {
      secondFiled.countDown();
      clients.shutdownNow();
    }
  }

  @Test
  void aYearCountedBeforeSequencesGoesOnAfterItsLastNumber() {
    jdbc.update("INSERT INTO cc_complaint_number (numbering_year, last_number) VALUES (2031, 41)");
    Instant in2031 = Instant.parse("2031-03-01T10:00:00Z");

    assertThat(numbers.next(in2031)).isEqualTo("2031-000042");
    assertThat(numbers.next(in2031)).isEqualTo("2031-000043");
    assertThat(numbers.next(Instant.parse("2032-01-01T10:00:00Z"))).as("a new year starts at 1").isEqualTo("2032-000001");
  }
}
