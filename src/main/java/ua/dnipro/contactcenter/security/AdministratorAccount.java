package ua.dnipro.contactcenter.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.DevelopmentDefaults;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * The administrator account, from {@code CC_ADMIN_USER} / {@code CC_ADMIN_PASSWORD}. Those
 * variables are the truth: at every start the account is created if missing and its password set
 * to theirs. Without them, only a profile that allows it (the local default profile) falls back to
 * a development account, and says so loudly; every other profile refuses to start.
 */
@Component
@Order(10)
class AdministratorAccount implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorAccount.class);

  static final String DEVELOPMENT_USER = "admin";
  static final String DEVELOPMENT_PASSWORD = DevelopmentDefaults.PASSWORD;

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final String userId;
  private final String password;

  AdministratorAccount(IdentityService identityService, AuthorizationService authorizationService,
      @Value("${contact-center.admin.user:}") String userId,
      @Value("${contact-center.admin.password:}") String password,
      @Value("${contact-center.admin.development-fallback:false}") boolean developmentFallback) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
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
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identityService.newUser(userId);
      user.setFirstName("Адміністратор");
      user.setLastName("Контакт-центру");
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("Created administrator {}", userId);
    } else {
      // set, not compared: a comparison that fails counts as a failed login and locks the account
      user.setPassword(password);
      identityService.saveUser(user);
    }
    if (identityService.createGroupQuery().groupId(CityGroups.ADMINS).count() == 0) {
      Group admins = identityService.newGroup(CityGroups.ADMINS);
      admins.setName("Адміністратори");
      admins.setType("SYSTEM");
      identityService.saveGroup(admins);
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(CityGroups.ADMINS).count() == 0) {
      identityService.createMembership(userId, CityGroups.ADMINS);
    }
    grantEverythingToAdministrators();
  }

  /** As Camunda's own first-admin setup does: the administrators' group may do anything on every resource. */
  private void grantEverythingToAdministrators() {
    for (Resources resource : Resources.values()) {
      boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(CityGroups.ADMINS)
          .resourceType(resource).resourceId(Authorization.ANY).count() > 0;
      if (!granted) {
        Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(CityGroups.ADMINS);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizationService.saveAuthorization(all);
      }
    }
  }
}
