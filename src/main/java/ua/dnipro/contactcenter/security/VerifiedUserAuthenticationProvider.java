package ua.dnipro.contactcenter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.http.HttpHeaders;

/**
 * Engine REST's authentication of a request: the user {@link LoginGuard} verified in front of it
 * (HTTP Basic, with its limits per source address), or nobody.
 */
public class VerifiedUserAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Object user = request.getAttribute(LoginGuard.VERIFIED_USER);
    return user instanceof String userId ? AuthenticationResult.successful(userId) : AuthenticationResult.unsuccessful();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, LoginGuard.CHALLENGE);
  }
}
