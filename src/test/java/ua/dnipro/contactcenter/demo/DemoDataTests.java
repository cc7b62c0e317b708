package ua.dnipro.contactcenter.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import ua.dnipro.contactcenter.testing.ApplicationConfiguration;

/** The demo profile's users have a known password: it must never run in production. */
class DemoDataTests {

  @Test
  void refusesToRunWithTheProductionProfile() {
    MockEnvironment production = new MockEnvironment();
    production.setActiveProfiles("postgres", "demo");

    assertThatThrownBy(() -> new DemoData(null, null, null, ApplicationConfiguration.contactCenter(), null, production))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("never with the postgres profile");
  }

  @Test
  void refusesToRunWhereThereIsNoDevelopmentFallback() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("demo");

    assertThatThrownBy(() -> new DemoData(null, null, null,
        ApplicationConfiguration.contactCenterWith("contact-center.admin.development-fallback", "false"), null, environment))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void createsOneUserForEveryGroupThatWorksOrOwnsSomething() {
    var users = DemoData.users(ApplicationConfiguration.contactCenter());
    assertThat(users).hasSize(16 * 2 + 4);
    assertThat(users).contains(new DemoData.DemoUser("water-utility.executor", "water-utility"))
        .contains(new DemoData.DemoUser("water-utility.head", "water-utility-heads"))
        .contains(new DemoData.DemoUser("duty-dispatcher", "duty-dispatchers"))
        .contains(new DemoData.DemoUser("analyst", "analysts"));
  }
}
