package ua.dnipro.contactcenter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;

/**
 * The Camunda webapps' cross-site request protection, as their CsrfPreventionFilter checks it: a
 * changing request of a webapp session carries the session's token in {@code X-XSRF-TOKEN}. Our
 * guards run before that filter; whatever they do on a session's behalf they do only then.
 */
final class WebappSessions {

  static final String TOKEN_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String TOKEN_HEADER = "X-XSRF-TOKEN";
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private WebappSessions() {
  }

  /** Whether the request is not a webapp session's change, or carries the session's token. */
  static boolean tokenHolds(HttpServletRequest request) {
    if (!RequestPaths.of(request).startsWith(SecurityFilters.WEBAPP_API) || READING.contains(request.getMethod())) {
      return true;
    }
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(TOKEN_ATTRIBUTE);
    return token != null && token.equals(request.getHeader(TOKEN_HEADER));
  }
}
