package ua.dnipro.contactcenter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.testing.MovableClock;

class PublicStatisticsCostsTests {

  @Test
  void anAnswerIsKeptForTheCachePeriod() {
    MovableClock clock = new MovableClock(Instant.parse("2026-11-29T10:00:00Z"));
    PublicStatisticsCosts costs = new PublicStatisticsCosts(Duration.ofMinutes(1), 2, clock);
    AtomicInteger computed = new AtomicInteger();

    assertThat(costs.answer("a", computed::incrementAndGet)).isEqualTo(1);
    assertThat(costs.answer("a", computed::incrementAndGet)).isEqualTo(1);
    assertThat(costs.answer("b", computed::incrementAndGet)).isEqualTo(2);
    clock.advance(Duration.ofMinutes(1));
    assertThat(costs.answer("a", computed::incrementAndGet)).isEqualTo(3);
  }

  @Test
  void onlySoManyComputeAtATimeAndTheRestAreToldToComeBack() throws Exception {
    PublicStatisticsCosts costs = new PublicStatisticsCosts(Duration.ZERO, 2, Clock.systemUTC());
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String request : new String[] {"slow-1", "slow-2"}) {
        pool.submit(() -> costs.answer(request, () -> {
          running.countDown();
          try {
            return release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> costs.answer("third", () -> "never")).isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(503));
    } finally {
      release.countDown();
      pool.shutdown();
    }
    assertThat(costs.answer("after", () -> "computed")).isEqualTo("computed");
  }
}
