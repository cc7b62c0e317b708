package ua.dnipro.contactcenter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The city contact center: complaints from every channel, routed by DMN, worked in Tasklist. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContactCenterApplication {

  public static void main(String[] args) {
    // every timestamp the application and the engine store without a zone is UTC: in the city's own
    // zone the autumn's repeated hour would make two instants one
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
    SpringApplication.run(ContactCenterApplication.class, args);
  }
}
