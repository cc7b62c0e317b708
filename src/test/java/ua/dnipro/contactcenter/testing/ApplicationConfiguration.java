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

  public static synchronized ContactCenterProperties contactCenter() {
    if (properties == null) {
      try {
        // the first document of application.yaml: the default profile
        PropertySource<?> yaml = new YamlPropertySourceLoader()
            .load("application.yaml", new ClassPathResource("application.yaml")).get(0);
        properties = new Binder(ConfigurationPropertySources.from(yaml))
            .bind("contact-center", ContactCenterProperties.class).get();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return properties;
  }
}
