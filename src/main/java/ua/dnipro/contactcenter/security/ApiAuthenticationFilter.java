package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * HTTP Basic for the channel API, against Camunda's identity service (so its lock-out after failed
 * logins protects the API too). The caller is only identified here; the engine work behind the API
 * runs as the application, never as the caller, so a channel account needs, and has, no rights in
 * the engine to file complaints.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final String BASIC = "Basic ";

  private final IdentityService identityService;
  private final Channels channels;
  private final ObjectMapper json;

  ApiAuthenticationFilter(IdentityService identityService, Channels channels, ObjectMapper json) {
    this.identityService = identityService;
    this.channels = channels;
    this.json = json;
  }

  /** Public, like the city portal: aggregated figures and the map, never a person or an address. */
  static final List<String> PUBLIC = List.of("/api/v1/statistics", "/api/v1/map/");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    return PUBLIC.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    String[] credentials = header != null && header.startsWith(BASIC) ? decode(header.substring(BASIC.length())) : null;
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      unauthorized(response);
      return;
    }
    String userId = credentials[0];
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    Optional<Channel> channel = groups.contains(Channels.GROUP) ? channels.ofAccount(userId) : Optional.empty();
    request.setAttribute(ApiCaller.ATTRIBUTE, new ApiCaller(userId, groups, channel));
    chain.doFilter(request, response);
  }

  private static String[] decode(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private void unauthorized(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"contact-center\", charset=\"UTF-8\"");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
        "Credentials required", "Call the API with HTTP Basic credentials of your channel's account"));
  }
}
