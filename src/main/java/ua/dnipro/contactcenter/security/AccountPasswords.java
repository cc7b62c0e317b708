package ua.dnipro.contactcenter.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against the engine's stored salted hash, without the engine's own lock-out. That
 * lock-out counts each failure against the account and, after ten, locks it until an administrator
 * unlocks it: anybody who knows an account's name (the channels' are in the documentation, the
 * administrator's is easily guessed, people's are their names) could lock it. Guessing is limited
 * per source address instead ({@link FailedLogins}), and the password policy makes a password too
 * long to guess at that pace.
 */
@Component
class AccountPasswords {

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuration;

  AccountPasswords(IdentityService identityService, ProcessEngineConfigurationImpl configuration) {
    this.identityService = identityService;
    this.configuration = configuration;
  }

  /**
   * Whether the password is the account's: the engine's comparison with the stored salted hash,
   * without its lock-out; the one place that reaches into the engine's identity internals (the
   * public API has no such check).
   */
  boolean check(String userId, String password) {
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
