package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.dnipro.contactcenter.api.Problems;

/**
 * Refuses, before anything else sees it, a request whose path is not written the one plain way:
 * path parameters ({@code ;x=1}), doubled slashes, dot segments, backslashes, and encoded slashes,
 * dots, semicolons, percent signs or NUL bytes. Such spellings reach the same resource as the plain
 * path in one component and a different one in another (Tomcat, Spring MVC, Jersey and our own
 * gates each normalise differently); no client of ours needs them.
 */
class RequestFirewall extends OncePerRequestFilter {

  private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");
  private static final Pattern ENCODED = Pattern.compile("%(2f|5c|2e|3b|25|00)", Pattern.CASE_INSENSITIVE);

  private final ObjectMapper json;

  RequestFirewall(ObjectMapper json) {
    this.json = json;
  }

  /** Why a raw request path is refused, if it is. */
  static Optional<String> refusal(String rawPath) {
    if (rawPath.indexOf(';') >= 0) {
      return Optional.of("path parameters (';') are not accepted");
    }
    if (rawPath.indexOf('\\') >= 0) {
      return Optional.of("a backslash is not accepted in a path");
    }
    if (rawPath.contains("//")) {
      return Optional.of("empty path segments ('//') are not accepted");
    }
    if (DOT_SEGMENT.matcher(rawPath).find()) {
      return Optional.of("'.' and '..' segments are not accepted");
    }
    var encoded = ENCODED.matcher(rawPath);
    if (encoded.find()) {
      return Optional.of("'" + encoded.group().toUpperCase(Locale.ROOT) + "' is not accepted in a path");
    }
    for (int i = 0; i < rawPath.length(); i++) {
      if (rawPath.charAt(i) < 0x20 || rawPath.charAt(i) == 0x7f) {
        return Optional.of("control characters are not accepted in a path");
      }
    }
    return Optional.empty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> refusal = refusal(request.getRequestURI());
    if (refusal.isPresent()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.BAD_REQUEST, "non-canonical-path",
          "The request path is not in its plain form", refusal.get() + "; send the plain path"));
      return;
    }
    chain.doFilter(request, response);
  }
}
