package ua.dnipro.contactcenter.testing;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** People of the organisation, for tests: a Camunda user in the given groups. */
public final class Accounts {

  /** Every test person's password; meets Camunda's password policy. */
  public static final String PASSWORD = "Person-pass-2026";

  private Accounts() {
  }

  /** Creates the user (if missing) as a member of exactly the given groups. */
  public static String person(IdentityService identityService, String userId, String... groups) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName("Тест");
      user.setLastName("Користувач");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      for (String group : List.of(groups)) {
        identityService.createMembership(userId, group);
      }
    }
    return userId;
  }
}
