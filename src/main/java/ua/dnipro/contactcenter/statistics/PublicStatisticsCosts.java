package ua.dnipro.contactcenter.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * What the public statistics may cost the database: an answer is computed once and kept for the
 * cache period (the same as the Cache-Control the answers carry), identical requests arriving
 * together wait for the one computation, and only so many computations run at a time; a request
 * that cannot get its turn within a few seconds is answered 503 with Retry-After, so that filing
 * complaints never queues behind a crowd of statistics.
 */
@Component
class PublicStatisticsCosts {

  static final Duration WAIT_FOR_TURN = Duration.ofSeconds(5);
  private static final int MAX_ENTRIES = 2_000;

  private record Entry(Object value, Instant expires) {
  }

  private final Duration ttl;
  private final Semaphore computations;
  private final Clock clock;
  private final Map<String, Entry> answers = new ConcurrentHashMap<>();
  private final Map<String, Object> inFlight = new ConcurrentHashMap<>();

  @Autowired
  PublicStatisticsCosts(ContactCenterProperties properties) {
    this(properties.publicStatistics().cacheTtl(), properties.publicStatistics().concurrentComputations(),
        Clock.systemUTC());
  }

  PublicStatisticsCosts(Duration ttl, int concurrentComputations, Clock clock) {
    this.ttl = ttl;
    this.computations = new Semaphore(concurrentComputations, true);
    this.clock = clock;
  }

  /** The answer to a request, from the cache or computed now (in turn). */
  @SuppressWarnings("unchecked")
  <T> T answer(String request, Supplier<T> computation) {
    T cached = fresh(request);
    if (cached != null) {
      return cached;
    }
    Object lock = inFlight.computeIfAbsent(request, r -> new Object());
    synchronized (lock) {
      try {
        cached = fresh(request);
        if (cached != null) {
          return cached;
        }
        T value = inTurn(computation);
        if (!ttl.isZero()) {
          if (answers.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            answers.values().removeIf(entry -> !entry.expires().isAfter(now));
            if (answers.size() >= MAX_ENTRIES) {
              answers.clear();
            }
          }
          answers.put(request, new Entry(value, clock.instant().plus(ttl)));
        }
        return value;
      } finally {
        inFlight.remove(request, lock);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T fresh(String request) {
    Entry entry = answers.get(request);
    return entry != null && entry.expires().isAfter(clock.instant()) ? (T) entry.value() : null;
  }

  private <T> T inTurn(Supplier<T> computation) {
    try {
      if (!computations.tryAcquire(WAIT_FOR_TURN.toMillis(), TimeUnit.MILLISECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    try {
      return computation.get();
    } finally {
      computations.release();
    }
  }

  private static ApiException busy() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "The statistics are busy",
        "Too many statistics are being computed right now; retry in a few seconds");
  }
}
