package ua.dnipro.contactcenter.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.channel.Channels;
import ua.dnipro.contactcenter.inbox.Groups;

/**
 * Checks passwords. The engine's own check counts each failure against the account and, after ten,
 * locks it until an administrator unlocks it; that protects a person's password from guessing, but
 * lets anybody who knows an account's name lock it. The accounts the city cannot do without, the
 * administrators and the channels, are therefore checked without the engine's count (against the
 * same stored hash); failed log-ins against them are limited per source address instead.
 */
@Component
class AccountPasswords {

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuration;

  AccountPasswords(IdentityService identityService, ProcessEngineConfigurationImpl configuration) {
    this.identityService = identityService;
    this.configuration = configuration;
  }

  /** Whether the engine's lock-out is kept away from this account. */
  boolean isProtected(String userId) {
    return identityService.createGroupQuery().groupMember(userId).groupIdIn(Groups.ADMINS, Channels.GROUP).count() > 0;
  }

  /** Whether the password is the account's, counting failures against people's accounts only. */
  boolean check(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    if (!isProtected(userId)) {
      return identityService.checkPassword(userId, password);
    }
    return matchesWithoutCounting(userId, password);
  }

  /**
   * The engine's comparison with the stored salted hash, without its lock-out: the one place that
   * reaches into the engine's identity internals (the public API has no such check).
   */
  boolean matchesWithoutCounting(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
      return false;
    }
    return configuration.getPasswordManager().check(EncryptionUtil.saltPassword(password, entity.getSalt()),
        entity.getPassword());
  }
}
