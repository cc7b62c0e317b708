package ua.dnipro.contactcenter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The city contact center: complaints from every channel, routed by DMN, worked in Tasklist. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContactCenterApplication {

  public static void main(String[] args) {
    SpringApplication.run(ContactCenterApplication.class, args);
  }
}
