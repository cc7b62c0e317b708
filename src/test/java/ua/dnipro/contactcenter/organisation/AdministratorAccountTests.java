package ua.dnipro.contactcenter.organisation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import ua.dnipro.contactcenter.ContactCenterApplication;
import ua.dnipro.contactcenter.testing.ApplicationConfiguration;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/** No default administrator where it matters: the production profile refuses to start without one. */
class AdministratorAccountTests {

  static final String CAMUNDA_REST = "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";

  @Test
  void theProductionProfileRefusesToStartWithoutAdministratorCredentials() {
    String database = PostgresForTests.newDatabase();

    // without its web layer: Camunda's webapps keep static state that must stay with the other tests' application
    assertThatThrownBy(() -> new SpringApplicationBuilder(ContactCenterApplication.class)
        .profiles("postgres").web(WebApplicationType.NONE)
        .run("--spring.autoconfigure.exclude=" + CAMUNDA_REST,
            "--DB_URL=" + database, "--DB_USER=postgres", "--DB_PASSWORD=postgres",
            // an engine of its own name (letters only: the starter ignores others): closing it must not
            // unregister the other tests' "default" engine from Camunda's static registry
            "--camunda.bpm.process-engine-name=refusedStartTest",
            // whatever the machine's environment holds
            "--CC_ADMIN_USER=", "--CC_ADMIN_PASSWORD="))
        .hasStackTraceContaining("CC_ADMIN_USER and CC_ADMIN_PASSWORD must be set");
  }

  @Test
  void withoutTheDevelopmentFallbackBlankCredentialsAreRefused() {
    assertThatThrownBy(() -> new AdministratorAccount(null, null, ApplicationConfiguration.contactCenterWith(
        "contact-center.admin.user", "admin", "contact-center.admin.password", " ",
        "contact-center.admin.development-fallback", "false")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new AdministratorAccount(null, null, ApplicationConfiguration.contactCenterWith(
        "contact-center.admin.user", "", "contact-center.admin.password", "Long-enough-password-1",
        "contact-center.admin.development-fallback", "false")))
        .isInstanceOf(IllegalStateException.class);
  }
}
