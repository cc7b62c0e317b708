package ua.dnipro.contactcenter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** The city contact center: complaints from every channel, routed by DMN, worked in Tasklist. */
@SpringBootConfiguration
@EnableAutoConfiguration
// @SpringBootApplication's scan, and not the configuration of the actuator's own port, which Spring
// Boot applies to that port's context alone (security.ManagementPortAccess)
@ComponentScan(excludeFilters = {
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
    @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ManagementContextConfiguration.class)})
@ConfigurationPropertiesScan
public class ContactCenterApplication {

  public static void main(String[] args) {
    // every timestamp the application and the engine store without a zone is UTC: in the city's own
    // zone the autumn's repeated hour would make two instants one
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
    SpringApplication.run(ContactCenterApplication.class, args);
  }
}
