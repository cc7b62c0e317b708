package ua.dnipro.contactcenter.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser's rules for our own pages and APIs (the dashboard, the classifier page, the API
 * documentation, the JSON APIs): only our own scripts, styles and connections, the map's tile
 * server for images if one is configured, no framing by other sites, no content-type guessing, no
 * referrer. The Camunda webapps under {@code /camunda} set their own (Camunda's header filter).
 */
class SecurityHeaders extends OncePerRequestFilter {

  private static final Pattern ORIGIN = Pattern.compile("^(https?)://([^/?#]+)");

  private final String contentSecurityPolicy;

  SecurityHeaders(String tileUrl) {
    this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:" + tileOrigin(tileUrl) + "; connect-src 'self'; font-src 'self' data:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  }

  /** The origin of a tile URL template such as https://{s}.tile.example.org/{z}/{x}/{y}.png, for img-src. */
  static String tileOrigin(String tileUrl) {
    Matcher origin = ORIGIN.matcher(tileUrl == null ? "" : tileUrl.trim());
    return origin.find() ? " " + origin.group(1) + "://" + origin.group(2).replaceAll("\\{[^}]*}", "*") : "";
  }

  String contentSecurityPolicy() {
    return contentSecurityPolicy;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return RequestPaths.of(request).startsWith("/camunda/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", contentSecurityPolicy);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    chain.doFilter(request, response);
  }
}
