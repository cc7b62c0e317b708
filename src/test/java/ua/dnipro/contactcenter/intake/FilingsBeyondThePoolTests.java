package ua.dnipro.contactcenter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * More filings at once than the database pool has connections, all of them the first of a new
 * year (each wants to create the year's counter): a filing holds one connection at a time, so
 * none waits for a second one that the others hold. Before, each held its filing's connection
 * while taking its number in another (and the year's counter in a third), and a burst the size
 * of the pool stalled every filing until the pool's timeout.
 */
// an engine of its own name: Camunda keeps engines in a static registry, where engine REST finds
// the shared application's "default" engine
@TestPropertySource(properties = {"DB_POOL_SIZE=4", "spring.datasource.hikari.connection-timeout=5000",
    "camunda.bpm.process-engine-name=poolPressure",
    "camunda.bpm.job-execution.enabled=false"})
class FilingsBeyondThePoolTests extends PostgresApplicationTest {

  static final int FILINGS = 12;

  @Autowired ComplaintFiling filing;

  @Test
  void threeTimesThePoolsConnectionsFileAtOnceOnANewYearsFirstDay() throws Exception {
    Instant newYear = ZonedDateTime.of(2031, 1, 1, 0, 5, 0, 0, ZoneId.of("Europe/Kyiv")).toInstant();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(FILINGS);
    try {
      List<Future<String>> filed = new ArrayList<>();
      for (int i = 0; i < FILINGS; i++) {
        int client = i;
        filed.add(clients.submit(() -> {
          start.await();
          return filing.file(ComplaintFixtures.complaint("ROADS", "POTHOLE", "вул. Новорічна, " + client, newYear))
              .number();
        }));
      }
      start.countDown();
      List<String> numbers = new ArrayList<>();
      for (Future<String> number : filed) {
        numbers.add(number.get(120, TimeUnit.SECONDS));
      }
      assertThat(new HashSet<>(numbers)).hasSize(FILINGS).allMatch(number -> number.startsWith("2031-"));
    } finally {
      clients.shutdownNow();
    }
  }
}
