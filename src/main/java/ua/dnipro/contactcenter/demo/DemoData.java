package ua.dnipro.contactcenter.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;
import ua.dnipro.contactcenter.config.DevelopmentDefaults;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.organisation.Provisioning;
import ua.dnipro.contactcenter.intake.ComplaintFiling;
import ua.dnipro.contactcenter.intake.NewComplaint;
import ua.dnipro.contactcenter.config.Precedence;

/**
 * Try the system as its users would: with the {@code demo} profile, one user per group (all with
 * the development password) and a handful of complaints across departments, one of them overdue.
 * Only on a developer's machine: refuses to run together with the production profile.
 */
@Component
@Profile("demo")
@Order(Precedence.StartUp.DEMO_DATA)
class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final Provisioning provisioning;
  private final ComplaintFiling filing;
  private final ContactCenterProperties properties;
  private final JdbcTemplate jdbc;

  DemoData(IdentityService identityService, AuthorizationService authorizationService, ComplaintFiling filing,
      ContactCenterProperties properties,
      JdbcTemplate jdbc, Environment environment) {
    if (environment.acceptsProfiles(Profiles.of("postgres")) || !properties.admin().developmentFallback()) {
      throw new IllegalStateException("the demo profile creates users with a known password: "
          + "it runs only on a developer's machine, never with the postgres profile");
    }
    this.provisioning = new Provisioning(identityService, authorizationService);
    this.filing = filing;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  /** A demo login and its group. */
  record DemoUser(String id, String group) {
  }

  static List<DemoUser> users(ContactCenterProperties properties) {
    List<DemoUser> users = new ArrayList<>();
    for (Department department : properties.departments()) {
      users.add(new DemoUser(department.id() + ".executor", department.id()));
      users.add(new DemoUser(department.id() + ".head", CityGroups.headsOf(department.id())));
    }
    users.add(new DemoUser("dispatcher", CityGroups.DISPATCHERS));
    users.add(new DemoUser("duty-dispatcher", CityGroups.DUTY_DISPATCHERS));
    users.add(new DemoUser("controller", CityGroups.CONTROLLERS));
    users.add(new DemoUser("analyst", CityGroups.ANALYSTS));
    return users;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser user : users(properties)) {
      provisioning.accountIfAbsent(user.id(), user.id(), "(демо)", DevelopmentDefaults.PASSWORD);
      provisioning.member(user.id(), user.group());
    }
    Long complaints = jdbc.queryForObject("SELECT COUNT(*) FROM cc_complaint", Long.class);
    if (complaints != null && complaints == 0) {
      Instant now = Instant.now();
      file("HOTLINE", "WATER", "NO_WATER", "вул. Робоча, 1", "CHECHELIVSKYI", now);
      file("VIBER", "WATER", "PIPE_BURST", "просп. Дмитра Яворницького, 50", "SOBORNYI", now.minus(Duration.ofHours(8)));
      file("MOBILE_APP", "LIFTS", "PERSON_STUCK", "вул. Титова, 20", "SHEVCHENKIVSKYI", now);
      file("WEBSITE", "ROADS", "POTHOLE", "вул. Набережна Перемоги, 32", "SOBORNYI", now);
      file("TELEGRAM", "LIGHTING", "STREET_DARK", "вул. Калинова, 15", "AMUR_NYZHNODNIPROVSKYI", now);
      file("HOTLINE", "ANIMALS", "AGGRESSIVE_ANIMAL", "парк Глоби", "SHEVCHENKIVSKYI", now);
      file("HOTLINE", "OTHER", "OTHER", "вул. Січеславська Набережна, 29", "TSENTRALNYI", now);
    }
    LOG.warn("DEMO PROFILE: {} demo users with password '{}' (e.g. water-utility.executor, water-utility.head, "
        + "dispatcher, controller, analyst); never run it where others can reach it",
        users(properties).size(), DevelopmentDefaults.PASSWORD);
  }

  private void file(String channel, String category, String issueType, String address, String district, Instant received) {
    filing.file(new NewComplaint(channel,
        new NewComplaint.Applicant("Олена", "Коваленко", "Петрівна", "+380671234567", null, "вул. Робоча, 5, кв. 10"),
        category, issueType, "Демонстраційне звернення: " + category + " / " + issueType,
        new NewComplaint.Location(address, district, null, null), received));
  }
}
