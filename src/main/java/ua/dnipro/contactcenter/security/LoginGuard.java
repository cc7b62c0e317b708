package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.dnipro.contactcenter.api.Problems;

/**
 * Every log-in, at every door: HTTP Basic on the channel API and engine REST, and the webapps' login
 * form. An address that failed too often is refused (429, with Retry-After) before its credentials
 * are even looked at; a wrong password is counted against the address (and shown to administrators
 * against the account), never against the account itself, so that nobody without a password can
 * lock anybody out (see {@link AccountPasswords}). A verified Basic user is handed on to the door's
 * own filter as {@link #VERIFIED_USER}.
 */
class LoginGuard extends OncePerRequestFilter {

  static final String VERIFIED_USER = "contact-center.verified-user";
  static final String CHALLENGE = "Basic realm=\"contact-center\", charset=\"UTF-8\"";
  private static final String BASIC = "Basic ";
  // with or without the trailing slash Jersey also routes
  private static final Pattern WEBAPP_LOGIN = Pattern.compile(SecurityFilters.WEBAPP_API + "/admin/auth/user/[^/]+/login/[^/]+/?");

  private final FailedLogins failedLogins;
  private final AccountPasswords passwords;
  private final ObjectMapper json;

  LoginGuard(FailedLogins failedLogins, AccountPasswords passwords, ObjectMapper json) {
    this.failedLogins = failedLogins;
    this.passwords = passwords;
    this.json = json;
  }

  private record Credentials(String userId, String password) {
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    boolean webappLogin = "POST".equalsIgnoreCase(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches();
    HttpServletRequest effective = request;
    Optional<Credentials> credentials;
    if (webappLogin) {
      Optional<CachedBodyRequest> cached = CachedBodyRequest.of(request);
      if (cached.isEmpty()) {
        response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
        return;
      }
      CachedBodyRequest form = cached.get();
      effective = form;
      // the webapps read the credentials from the form body alone; so does this check, and a login
      // that also names a user in its query string is refused (two users in one request)
      if (CachedBodyRequest.queryParameterNames(request.getQueryString()).stream()
          .anyMatch(name -> name.equals("username") || name.equals("password"))) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return;
      }
      credentials = Optional.ofNullable(form.formParameter("username"))
          .map(user -> new Credentials(user, form.formParameter("password")));
    } else {
      credentials = basic(request.getHeader(HttpHeaders.AUTHORIZATION));
      if (credentials.isEmpty() && request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
        unauthorized(response, path);
        return;
      }
    }
    if (credentials.isEmpty()) {
      chain.doFilter(effective, response);
      return;
    }
    String address = ClientAddresses.of(request);
    Optional<Duration> blocked = failedLogins.blockedFor(address);
    if (blocked.isPresent()) {
      tooManyFailures(response, blocked.get());
      return;
    }
    Credentials login = credentials.get();
    if (!passwords.check(login.userId(), login.password())) {
      failedLogins.failed(address, login.userId());
      if (webappLogin) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
      } else {
        unauthorized(response, path);
      }
      return;
    }
    // the webapps check the (right) password once more themselves and open their session
    request.setAttribute(VERIFIED_USER, login.userId());
    chain.doFilter(effective, response);
  }

  private static Optional<Credentials> basic(String header) {
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? Optional.empty()
          : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private void unauthorized(HttpServletResponse response, String path) throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    if (path.startsWith(SecurityFilters.ENGINE_REST)) {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Map.of("type", "AuthenticationException",
          "message", "Credentials required: HTTP Basic with a user of the contact center"));
    } else {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
          "Credentials required", "Call the API with HTTP Basic credentials of your channel's account"));
    }
  }

  private void tooManyFailures(HttpServletResponse response, Duration retryAfter) throws IOException {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
        "Too many failed log-ins from this address", "Log-ins from this address are refused for "
            + Math.max(1, retryAfter.toMinutes()) + " more minute(s); an administrator can lift the block"));
  }
}
