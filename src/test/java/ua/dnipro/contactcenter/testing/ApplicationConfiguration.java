package ua.dnipro.contactcenter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/** The real {@code contact-center.*} settings of application.yaml, for tests that run without Spring. */
public final class ApplicationConfiguration {

  private static ContactCenterProperties properties;

  private ApplicationConfiguration() {
  }

  /**
   * The settings of application.yaml with some changed, as {@code "contact-center.admin.user", "admin", ...}.
   */
  public static ContactCenterProperties contactCenterWith(String... keysAndValues) {
    java.util.Map<String, Object> changed = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      changed.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return bind(java.util.List.of(new org.springframework.core.env.MapPropertySource("changed", changed), yaml()));
  }

  /** Bound as the application binds them, placeholders such as {@code ${CC_ADMIN_USER:}} resolved to their defaults. */
  private static ContactCenterProperties bind(java.util.List<PropertySource<?>> sources) {
    org.springframework.core.env.MutablePropertySources all = new org.springframework.core.env.MutablePropertySources();
    sources.forEach(all::addLast);
    return new Binder(ConfigurationPropertySources.from(all),
        new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(all))
        .bind("contact-center", ContactCenterProperties.class).get();
  }

  private static PropertySource<?> yaml() {
    try {
      // the first document of application.yaml: the default profile
      return new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml")).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized ContactCenterProperties contactCenter() {
    if (properties == null) {
      properties = bind(java.util.List.of(yaml()));
    }
    return properties;
  }
}
