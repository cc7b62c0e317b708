package ua.dnipro.contactcenter.organisation;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.DevelopmentDefaults;
import ua.dnipro.contactcenter.config.Precedence;

/**
 * The administrator account, from {@code CC_ADMIN_USER} / {@code CC_ADMIN_PASSWORD}. Those
 * variables are the truth: at every start the account is created if missing and its password set
 * to theirs. Without them, only a profile that allows it (the local default profile) falls back to
 * a development account, and says so loudly; every other profile refuses to start.
 */
@Component
@Order(Precedence.StartUp.ADMINISTRATOR)
class AdministratorAccount implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorAccount.class);

  static final String DEVELOPMENT_USER = "admin";
  static final String DEVELOPMENT_PASSWORD = DevelopmentDefaults.PASSWORD;

  private final Provisioning provisioning;
  private final String userId;
  private final String password;

  AdministratorAccount(IdentityService identityService, AuthorizationService authorizationService,
      ContactCenterProperties properties) {
    this.provisioning = new Provisioning(identityService, authorizationService);
    String userId = properties.admin().user() == null ? "" : properties.admin().user();
    String password = properties.admin().password() == null ? "" : properties.admin().password();
    boolean developmentFallback = properties.admin().developmentFallback();
    if (userId.isBlank() || password.isBlank()) {
      if (!developmentFallback) {
        throw new IllegalStateException("CC_ADMIN_USER and CC_ADMIN_PASSWORD must be set: this profile has no "
            + "default administrator (set contact-center.admin.development-fallback only on a developer's machine)");
      }
      LOG.warn("""

          ************************************************************************
          *  DEVELOPMENT ADMINISTRATOR: user '{}', password '{}'.       *
          *  Anyone can log in with it. Set CC_ADMIN_USER and CC_ADMIN_PASSWORD,   *
          *  and never run this profile where others can reach it.               *
          ************************************************************************""",
          DEVELOPMENT_USER, DEVELOPMENT_PASSWORD);
      this.userId = DEVELOPMENT_USER;
      this.password = DEVELOPMENT_PASSWORD;
    } else {
      this.userId = userId.trim();
      this.password = password;
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    if (provisioning.account(userId, "Адміністратор", "Контакт-центру", password)) {
      LOG.info("Created administrator {}", userId);
    }
    provisioning.group(CityGroups.ADMINS, "Адміністратори", Groups.GROUP_TYPE_SYSTEM);
    provisioning.member(userId, CityGroups.ADMINS);
    // as Camunda's own first-admin setup does: the administrators' group may do anything on every
    // resource, unless an administrator has since narrowed or revoked it there
    for (Resources resource : Resources.values()) {
      provisioning.grantToGroupIfAbsent(CityGroups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
    }
  }
}
