package ua.dnipro.contactcenter.config;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** A filter registered by name, at its place in {@link Precedence.Filter}, on the paths it guards. */
public final class Filters {

  private Filters() {
  }

  public static <F extends Filter> FilterRegistrationBean<F> registration(F filter, String name, int order,
      String... urlPatterns) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(order);
    return registration;
  }
}
