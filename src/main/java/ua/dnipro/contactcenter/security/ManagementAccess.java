package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.dnipro.contactcenter.api.Problems;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * Who reaches the actuator: anybody its health status (a load balancer asks without credentials),
 * administrators everything else, the health's details included. An administrator is a user
 * {@link LoginGuard} verified who is in {@value CityGroups#ADMINS}; the actuator is told so through the
 * request's principal and its role {@code ADMIN} (management.endpoint.health.roles).
 */
class ManagementAccess extends OncePerRequestFilter {

  static final String ROLE = "ADMIN";
  private static final Set<String> PUBLIC = Set.of("/actuator/health", "/actuator/health/liveness",
      "/actuator/health/readiness");

  private final IdentityService identityService;
  private final ObjectMapper json;

  ManagementAccess(IdentityService identityService, ObjectMapper json) {
    this.identityService = identityService;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    String user = request.getAttribute(LoginGuard.VERIFIED_USER) instanceof String verified ? verified : null;
    boolean admin = user != null && identityService.createGroupQuery().groupMember(user).groupId(CityGroups.ADMINS)
        .count() > 0;
    if (!PUBLIC.contains(path) && !admin) {
      response.setStatus(user == null ? HttpStatus.UNAUTHORIZED.value() : HttpStatus.FORBIDDEN.value());
      if (user == null) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, LoginGuard.CHALLENGE);
      }
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), user == null
          ? Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Credentials required",
              "the management endpoints are the administrators': HTTP Basic credentials of an administrator")
          : Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Administrators only",
              "the management endpoints are the administrators' (group " + CityGroups.ADMINS + ")"));
      return;
    }
    chain.doFilter(admin ? asAdministrator(request, user) : request, response);
  }

  private static HttpServletRequest asAdministrator(HttpServletRequest request, String user) {
    return new HttpServletRequestWrapper(request) {
      @Override
      public Principal getUserPrincipal() {
        return () -> user;
      }

      @Override
      public String getRemoteUser() {
        return user;
      }

      @Override
      public boolean isUserInRole(String role) {
        return ROLE.equals(role);
      }
    };
  }
}
