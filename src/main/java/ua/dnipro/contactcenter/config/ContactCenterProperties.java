package ua.dnipro.contactcenter.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The city's settings under {@code contact-center.*} in application.yaml: its time zone, the
 * statutory and dispatch periods, and the organisation (departments and contact-center roles)
 * that becomes Camunda groups at start-up.
 */
@Validated
@ConfigurationProperties("contact-center")
public record ContactCenterProperties(
    @NotNull ZoneId timeZone,
    @NotBlank String statutoryPeriod,
    @NotBlank String reclassificationPeriod,
    @NotEmpty @Valid List<Department> departments) {

  /** A department or communal enterprise that works complaints; its id is a Camunda group. */
  public record Department(
      @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "lower-case letters, digits and '-'") String id,
      @NotBlank String name) {
  }
}
