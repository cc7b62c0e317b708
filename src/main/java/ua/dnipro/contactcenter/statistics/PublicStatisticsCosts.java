package ua.dnipro.contactcenter.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * What the public statistics may cost the server: an answer is computed once and kept for the
 * cache period (the same as the Cache-Control the answers carry), identical requests arriving
 * together wait for the one computation, and only so many computations run at a time; a request
 * that cannot get its turn within half a second is answered 503 with Retry-After, so that neither
 * the database nor the server's request threads queue behind a crowd of statistics.
 */
@Component
class PublicStatisticsCosts {

  /** How long a request waits for a computation's turn, or for the same answer computed by another. */
  static final Duration WAIT_FOR_TURN = Duration.ofMillis(500);
  /** An answer holds at most a few hundred buckets of a few dozen groups: a megabyte or so. */
  private static final int MAX_ENTRIES = 128;

  private record Entry(Object value, Instant expires) {
  }

  private final Duration ttl;
  private final Semaphore computations;
  private final Clock clock;
  private final Map<String, Entry> answers = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> inFlight = new ConcurrentHashMap<>();

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
  <T> T answer(String request, Supplier<T> computation) {
    T cached = fresh(request);
    if (cached != null) {
      return cached;
    }
    ReentrantLock lock = inFlight.computeIfAbsent(request, r -> new ReentrantLock());
    // the same question asked while it is being answered waits briefly for that answer
    acquire(() -> lock.tryLock(WAIT_FOR_TURN.toMillis(), TimeUnit.MILLISECONDS));
    try {
      cached = fresh(request);
      if (cached != null) {
        return cached;
      }
      acquire(() -> computations.tryAcquire(WAIT_FOR_TURN.toMillis(), TimeUnit.MILLISECONDS));
      T value;
      try {
        value = computation.get();
      } finally {
        computations.release();
      }
      keep(request, value);
      return value;
    } finally {
      inFlight.remove(request, lock);
      lock.unlock();
    }
  }

  private interface Turn {
    boolean take() throws InterruptedException;
  }

  private static void acquire(Turn turn) {
    try {
      if (!turn.take()) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
  }

  private void keep(String request, Object value) {
    if (ttl.isZero()) {
      return;
    }
    if (answers.size() >= MAX_ENTRIES) {
      Instant now = clock.instant();
      answers.values().removeIf(entry -> !entry.expires().isAfter(now));
      if (answers.size() >= MAX_ENTRIES) {
        answers.clear();
      }
    }
    answers.put(request, new Entry(value, clock.instant().plus(ttl)));
  }

  @SuppressWarnings("unchecked")
  private <T> T fresh(String request) {
    Entry entry = answers.get(request);
    return entry != null && entry.expires().isAfter(clock.instant()) ? (T) entry.value() : null;
  }

  private static ApiException busy() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "The statistics are busy",
        "Too many statistics are being computed right now; retry in a few seconds");
  }
}
