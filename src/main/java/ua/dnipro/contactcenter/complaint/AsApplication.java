package ua.dnipro.contactcenter.complaint;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the application itself, without the authorizations of whoever the current
 * thread is authenticated as, or as a given user; the thread's authentication is restored after.
 * For look-ups whose caller's rights are checked separately, and for the process's own steps.
 */
public final class AsApplication {

  private AsApplication() {
  }

  public static <T> T run(IdentityService identityService, Supplier<T> work) {
    Authentication before = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      restore(identityService, before);
    }
  }

  /** As the given user: the engine checks their rights and records them in its operation log. */
  public static <T> T asUser(IdentityService identityService, String userId, List<String> groups, Supplier<T> work) {
    Authentication before = identityService.getCurrentAuthentication();
    identityService.setAuthentication(userId, groups);
    try {
      return work.get();
    } finally {
      restore(identityService, before);
    }
  }

  private static void restore(IdentityService identityService, Authentication before) {
    if (before == null) {
      identityService.clearAuthentication();
    } else {
      identityService.setAuthentication(before);
    }
  }
}
