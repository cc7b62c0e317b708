package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.config.ContactCenterProperties.LoginProtection;
import ua.dnipro.contactcenter.testing.MovableClock;

class FailedLoginsTests {

  static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

  final MovableClock clock = new MovableClock(START);
  final FailedLogins logins = new FailedLogins(new LoginProtection(3, Duration.ofMinutes(10), Duration.ofMinutes(15)), clock);

  @Test
  void anAddressIsBlockedWhenItFailsTooOftenWithinTheWindowAndOnlyForTheBlockPeriod() {
    logins.failed("198.51.100.1", "a");
    logins.failed("198.51.100.1", "b");
    assertThat(logins.blockedFor("198.51.100.1")).isEmpty();
    logins.failed("198.51.100.1", "c");

    assertThat(logins.blockedFor("198.51.100.1")).contains(Duration.ofMinutes(15));
    assertThat(logins.blockedFor("198.51.100.2")).isEmpty();
    clock.advance(Duration.ofMinutes(15));
    assertThat(logins.blockedFor("198.51.100.1")).isEmpty();
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    logins.failed("198.51.100.3", "a");
    logins.failed("198.51.100.3", "a");
    clock.advance(Duration.ofMinutes(11));
    logins.failed("198.51.100.3", "a");

    assertThat(logins.blockedFor("198.51.100.3")).isEmpty();
  }

  @Test
  void anAdministratorLiftsABlock() {
    for (int i = 0; i < 3; i++) {
      logins.failed("198.51.100.4", "a");
    }
    assertThat(logins.blocks()).extracting(FailedLogins.Block::address).containsExactly("198.51.100.4");

    assertThat(logins.release("198.51.100.4")).isTrue();
    assertThat(logins.blockedFor("198.51.100.4")).isEmpty();
    assertThat(logins.release("198.51.100.4")).isFalse();
  }
}
