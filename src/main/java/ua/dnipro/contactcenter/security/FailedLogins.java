package ua.dnipro.contactcenter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Failed log-ins per source address: an address that fails too often within the window is refused
 * for the block period, whatever account it tries. Counted on each node (an attacker spreading
 * over nodes gets the limit per node); kept in memory, as a block only needs to outlive an attack.
 */
@Component
class FailedLogins {

  private static final Logger LOG = LoggerFactory.getLogger(FailedLogins.class);
  private static final int MAX_TRACKED_ADDRESSES = 100_000;

  /** A blocked address, as administrators see it. */
  record Block(String address, int failures, Instant blockedUntil) {
  }

  /** An account somebody failed to log into recently (from any address): a sign of guessing. */
  record AccountFailures(String userId, int failures, Instant lastFailure) {
  }

  private final int limit;
  private final Duration window;
  private final Duration block;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> blocked = new ConcurrentHashMap<>();
  private final Map<String, Deque<Instant>> accounts = new ConcurrentHashMap<>();

  @Autowired
  FailedLogins(ContactCenterProperties properties) {
    this(properties.loginProtection(), Clock.systemUTC());
  }

  FailedLogins(ContactCenterProperties.LoginProtection protection, Clock clock) {
    this.limit = protection.failuresPerAddress();
    this.window = protection.window();
    this.block = protection.block();
    this.clock = clock;
  }

  /** How long the address is still refused, if it is. */
  Optional<Duration> blockedFor(String address) {
    Instant until = blocked.get(address);
    Instant now = clock.instant();
    if (until == null) {
      return Optional.empty();
    }
    if (!until.isAfter(now)) {
      blocked.remove(address, until);
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, until));
  }

  /** Counts a failed log-in; the one that reaches the limit blocks the address. */
  void failed(String address, String userId) {
    Instant now = clock.instant();
    if (failures.size() > MAX_TRACKED_ADDRESSES || accounts.size() > MAX_TRACKED_ADDRESSES) {
      forgetOld(now);
    }
    String account = userId == null ? "" : userId.length() > 64 ? userId.substring(0, 64) : userId;
    count(accounts.computeIfAbsent(account, a -> new ArrayDeque<>()), now);
    int count = count(failures.computeIfAbsent(address, a -> new ArrayDeque<>()), now);
    if (count >= limit && blocked.putIfAbsent(address, now.plus(block)) == null) {
      LOG.warn("Source address {} is refused log-ins for {} after {} failed log-ins within {} (the last for '{}')",
          address, block, count, window, userId);
    }
  }

  /** Records a failure in a window of recent ones; how many are in it now. */
  private int count(Deque<Instant> recent, Instant now) {
    synchronized (recent) {
      recent.addLast(now);
      while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
        recent.removeFirst();
      }
      return recent.size();
    }
  }

  /** The accounts with failed log-ins within the window, most first. */
  List<AccountFailures> accounts() {
    Instant since = clock.instant().minus(window);
    return accounts.entrySet().stream().map(entry -> {
      synchronized (entry.getValue()) {
        long recent = entry.getValue().stream().filter(at -> !at.isBefore(since)).count();
        return recent == 0 ? null : new AccountFailures(entry.getKey(), (int) recent, entry.getValue().peekLast());
      }
    }).filter(java.util.Objects::nonNull)
        .sorted(Comparator.comparingInt(AccountFailures::failures).reversed()).limit(100).toList();
  }

  /** The addresses refused now, longest block first. */
  List<Block> blocks() {
    Instant now = clock.instant();
    return blocked.entrySet().stream().filter(entry -> entry.getValue().isAfter(now))
        .map(entry -> new Block(entry.getKey(), recentFailures(entry.getKey()), entry.getValue()))
        .sorted(Comparator.comparing(Block::blockedUntil).reversed()).toList();
  }

  /** Lifts an address's block and forgets its failures; whether it was blocked. */
  boolean release(String address) {
    failures.remove(address);
    return blocked.remove(address) != null;
  }

  private int recentFailures(String address) {
    Deque<Instant> recent = failures.get(address);
    if (recent == null) {
      return 0;
    }
    synchronized (recent) {
      return recent.size();
    }
  }

  private void forgetOld(Instant now) {
    for (Map<String, Deque<Instant>> tracked : List.of(failures, accounts)) {
      tracked.entrySet().removeIf(entry -> {
        synchronized (entry.getValue()) {
          return entry.getValue().isEmpty() || entry.getValue().peekLast().isBefore(now.minus(window));
        }
      });
    }
    blocked.values().removeIf(until -> !until.isAfter(now));
  }
}
