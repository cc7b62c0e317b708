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
 * dispatch and re-opening periods, how often a complaint goes back to its department on a
 * re-opening ({@code rework-limit}; the next re-opening goes to the controllers), and the
 * organisation (departments and contact-center roles) that becomes Camunda groups at start-up.
 */
@Validated
@ConfigurationProperties("contact-center")
public record ContactCenterProperties(
    @NotNull ZoneId timeZone,
    @NotNull CalendarDuration reclassificationPeriod,
    @NotNull CalendarDuration reopeningPeriod,
    @jakarta.validation.constraints.Min(0) int reworkLimit,
    @NotNull CalendarDuration repeatedAppealPeriod,
    @NotNull java.time.Duration idempotencyKeyRetention,
    @NotEmpty @Valid List<Department> departments,
    @NotEmpty @Valid List<District> districts,
    @NotEmpty @Valid List<Authority> externalAuthorities,
    @NotNull @Valid CityBounds cityBounds,
    @NotEmpty @Valid List<Channel> channels,
    @NotNull @Valid PublicMap map,
    @NotNull @Valid LoginProtection loginProtection,
    @NotNull @Valid PublicStatistics publicStatistics,
    @NotNull @Valid PersonalData personalData,
    @NotNull @Valid Emergency emergency,
    @NotNull @Valid Duplicates duplicates,
    @NotNull @Valid Photos photos,
    @NotNull Admin admin,
    @NotNull @Valid Open311 open311,
    @NotNull Upgrade upgrade) {

  /**
   * The administrator account, from {@code CC_ADMIN_USER} and {@code CC_ADMIN_PASSWORD}. Without
   * them only a profile with {@code developmentFallback} (a developer's machine) starts, with a
   * development account it logs loudly; it also gives the channels and the demo users the
   * development password.
   */
  public record Admin(String user, String password, boolean developmentFallback) {

    @Override
    public String toString() {
      return "Admin[user=" + user + ", password=" + (password == null || password.isEmpty() ? "" : "***")
          + ", developmentFallback=" + developmentFallback + "]";
    }
  }

  /** What the Open311 GeoReport v2 discovery document tells clients. */
  public record Open311(@NotBlank String jurisdictionId, @NotBlank String contact, @NotBlank String keyService) {
  }

  /** Whether running instances move to a release's corrected process versions at start. */
  public record Upgrade(boolean migrateRunningInstances) {
  }

  /**
   * Photos of a complaint: at most {@code maxPerComplaint} from the citizen (and as many of the
   * finished work), each at most {@code maxSize}; {@code baseUrl} is where people reach the
   * application (Tasklist's forms show the photos from there).
   */
  public record Photos(@NotNull org.springframework.util.unit.DataSize maxSize,
      @jakarta.validation.constraints.Min(1) int maxPerComplaint, @NotBlank String baseUrl) {
  }

  /**
   * Reports of one defect: an open complaint of the same category (and issue type, except in the
   * categories of {@code anyIssueTypeIn}, where one defect shows as several) within
   * {@code radiusMetres} of a new one, or at the same address, received within {@code period} before
   * it, is shown as its likely duplicate.
   */
  public record Duplicates(@jakarta.validation.constraints.Min(1) int radiusMetres, @NotNull CalendarDuration period,
      @NotNull List<String> anyIssueTypeIn) {
  }

  /**
   * The emergency fast track (the 6-hour tier): the duty dispatchers and the department's heads are
   * alerted as the complaint reaches the department, and again when no executor has taken it within
   * {@code claimPeriod}; each alert also goes to the SMS/pager adapters' external-task topic
   * {@code emergency-alert} if {@code pagerAlerts} is on.
   */
  public record Emergency(@NotNull java.time.Duration claimPeriod, boolean pagerAlerts) {
  }

  /**
   * How long personal data is kept: the applicant's data and their words for {@code retention}
   * after the complaint is closed, the log of who read them for {@code readsRetention}, one entry per
   * reader, complaint and door within {@code readsLogWindow}; the anonymisation runs on the
   * {@code cleanupCron} schedule (city time).
   */
  public record PersonalData(@NotNull CalendarDuration retention, @NotNull CalendarDuration readsRetention,
      @NotNull java.time.Duration readsLogWindow, @NotBlank String cleanupCron) {
  }

  /**
   * What one public statistics request may cost: at most this many buckets, answers kept for a
   * while, so many requests per minute and client address, so many computed at a time.
   */
  public record PublicStatistics(@NotNull java.time.Duration cacheTtl, @jakarta.validation.constraints.Min(1)
      int requestsPerMinute, @jakarta.validation.constraints.Min(1) int concurrentComputations,
      @jakarta.validation.constraints.Min(1) int maxBuckets) {
  }

  /**
   * How many failed log-ins a source address may make within the window before it is refused for
   * the block period (every account, every door: the channel API, engine REST, the webapps' login).
   */
  public record LoginProtection(@jakarta.validation.constraints.Min(1) int failuresPerAddress,
      @NotNull java.time.Duration window, @NotNull java.time.Duration block) {
  }

  /** A department or communal enterprise that works complaints; its id is a Camunda group. */
  public record Department(
      @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "lower-case letters, digits and '-'") String id,
      @NotBlank String name) {
  }

  /**
   * A body outside the city's competence that a dispatcher may forward a complaint to (Law "On
   * Citizens' Appeals", art. 7); OTHER (a name written by hand) is always possible besides.
   */
  public record Authority(@NotBlank @Pattern(regexp = "[A-Z][A-Z_]*") String code, @NotBlank String name) {
  }

  /** The configured authority of that code, if any. */
  public java.util.Optional<Authority> authority(String code) {
    return externalAuthorities.stream().filter(authority -> authority.code().equals(code)).findFirst();
  }

  /** A district of the city, for statistics and the map. */
  public record District(@NotBlank @Pattern(regexp = "[A-Z][A-Z_]*") String code, @NotBlank String name) {
  }

  /**
   * The dashboard's map: a tile server URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png
   * with its attribution, or blank for a map without tiles (the cells and the city's outline only).
   */
  public record PublicMap(String tileUrl, String attribution) {
  }

  /** The box a complaint's coordinates must fall in (WGS 84 degrees). */
  public record CityBounds(double south, double north, double west, double east) {

    public boolean contains(double latitude, double longitude) {
      return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
    }
  }

  /**
   * A channel complaints arrive through: its code (stored with each complaint), the Camunda user it
   * logs in as, and that account's password (from the environment; blank: the account is left to
   * the administrator).
   */
  public record Channel(
      @NotBlank @Pattern(regexp = "[A-Z][A-Z_]*") String code,
      @NotBlank String name,
      @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]*") String account,
      String password) {

    @Override
    public String toString() {
      return "Channel[code=" + code + ", account=" + account + ", password=" + (password == null || password.isEmpty()
          ? "" : "***") + "]";
    }
  }

  public Department department(String id) {
    return departments.stream().filter(department -> department.id().equals(id)).findFirst().orElse(null);
  }

  public String districtName(String code) {
    return districts.stream().filter(district -> district.code().equals(code)).map(District::name).findFirst().orElse(code);
  }

  public String channelName(String code) {
    return channels.stream().filter(channel -> channel.code().equals(code)).map(Channel::name).findFirst().orElse(code);
  }
}
