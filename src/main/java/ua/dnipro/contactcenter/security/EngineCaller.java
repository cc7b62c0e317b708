package ua.dnipro.contactcenter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import ua.dnipro.contactcenter.channel.Channels;
import ua.dnipro.contactcenter.organisation.CityGroups;

/** Who calls the engine: a user and their groups, as the door they came through authenticated them. */
record EngineCaller(String userId, List<String> groups) {

  /** What a caller is to the engine's REST API. */
  enum Kind {
    /** The administrators: everything the engine allows them. */
    ADMINISTRATOR,
    /**
     * A machine account: a channel's (its citizens' notifications only) or an SMS/pager adapter's
     * (the emergency alerts only); the engine's grants say which external tasks it sees.
     */
    CHANNEL,
    /** Everybody else, who works complaints in Tasklist (or reads what they may). */
    PERSON
  }

  Kind kind() {
    if (groups.contains(CityGroups.ADMINS)) {
      return Kind.ADMINISTRATOR;
    }
    return groups.contains(Channels.GROUP) || groups.contains(CityGroups.EMERGENCY_ALERT_ADAPTERS) ? Kind.CHANNEL
        : Kind.PERSON;
  }

  /**
   * The caller of a request: on {@code /engine-rest}, whom its authentication filter (which runs
   * first) set on the engine; on Tasklist's API, whom the webapps' session holds (their own filter
   * runs after ours).
   */
  static Optional<EngineCaller> of(HttpServletRequest request, IdentityService identityService, String engineName) {
    if (RequestPaths.of(request).startsWith(SecurityFilters.WEBAPP_API)) {
      HttpSession session = request.getSession(false);
      if (session == null) {
        return Optional.empty();
      }
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications == null
          || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
        return Optional.empty();
      }
      return Optional.of(new EngineCaller(user.getName(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds())));
    }
    Authentication current = identityService.getCurrentAuthentication();
    return current == null ? Optional.empty()
        : Optional.of(new EngineCaller(current.getUserId(), current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds())));
  }
}
