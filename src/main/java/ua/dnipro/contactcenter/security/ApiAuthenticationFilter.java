package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.api.Problems;
import ua.dnipro.contactcenter.channel.Channels;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Channel;

/**
 * Who calls the channel API: the user {@link LoginGuard} verified (HTTP Basic, with the limits per
 * source address), with their groups and channel. The caller is only identified here; the engine work behind the API
 * runs as the application, never as the caller, so a channel account needs, and has, no rights in
 * the engine to file complaints.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final Channels channels;
  private final ObjectMapper json;

  ApiAuthenticationFilter(IdentityService identityService, Channels channels, ObjectMapper json) {
    this.identityService = identityService;
    this.channels = channels;
    this.json = json;
  }

  /**
   * Public, like the city portal: aggregated figures, the map and the open data, never a person or
   * an address.
   */
  static final List<String> PUBLIC = List.of("/api/v1/statistics", "/api/v1/map/", "/api/v1/open-data/");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    return PUBLIC.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!(request.getAttribute(LoginGuard.VERIFIED_USER) instanceof String userId)) {
      unauthorized(response);
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    Optional<Channel> channel = groups.contains(Channels.GROUP) ? channels.ofAccount(userId) : Optional.empty();
    request.setAttribute(ApiCaller.ATTRIBUTE, new ApiCaller(userId, groups, channel));
    chain.doFilter(request, response);
  }

  private void unauthorized(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, LoginGuard.CHALLENGE);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
        "Credentials required", "Call the API with HTTP Basic credentials of your channel's account"));
  }
}
