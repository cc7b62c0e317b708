package ua.dnipro.contactcenter.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * The path a request is really for, as the servlet container and JAX-RS route it: decoded, without
 * path parameters ({@code ;x=1}) and without the context path. Every gate that decides by path
 * decides on this, never on the raw request URI, so that an encoding the router undoes cannot slip
 * past it ({@code /deployment/%63reate} is {@code /deployment/create} here too).
 */
public final class RequestPaths {

  private static final UrlPathHelper DECODED = new UrlPathHelper();

  static {
    DECODED.setUrlDecode(true);
    DECODED.setRemoveSemicolonContent(true);
  }

  private RequestPaths() {
  }

  public static String of(HttpServletRequest request) {
    return DECODED.getPathWithinApplication(request);
  }
}
