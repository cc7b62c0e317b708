package ua.dnipro.contactcenter.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;

/**
 * The application in its production profile on a real PostgreSQL, over real HTTP. Test classes
 * that extend this share one application (and one database): they must not assume they are alone
 * in it, only that nobody else uses their own users, keys and complaints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
// the metrics as production exports them (Spring Boot's tests leave them out unless asked)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
// the tests read the statistics right after they change them, and all from one address; the
// production limits themselves are tested in PublicStatisticsAttackTests
@TestPropertySource(properties = {"contact-center.public-statistics.cache-ttl=PT0S",
    "contact-center.public-statistics.requests-per-minute=100000",
    // room for the tests that hold fifty filings open at once (each also takes its number briefly)
    "DB_POOL_SIZE=80"})
public abstract class PostgresApplicationTest {

  /** Every channel's account password, as the production environment would set them. */
  public static final String CHANNEL_PASSWORD = "Channel-pass-2026";

  @DynamicPropertySource
  static void productionSettings(DynamicPropertyRegistry registry) {
    PostgresForTests.registerProductionSettings(registry);
    // where Tasklist's forms load photos from: this server, on whichever port it got
    registry.add("contact-center.photos.base-url", () -> "http://localhost:${local.server.port}");
    for (String channel : new String[] {"HOTLINE", "WEBSITE", "MOBILE_APP", "VIBER", "TELEGRAM"}) {
      registry.add("CC_CHANNEL_" + channel + "_PASSWORD", () -> CHANNEL_PASSWORD);
    }

  }

  @LocalServerPort
  protected int port;

  @Autowired
  protected ComplaintRecords complaintRecords;

  /** A complaint's state as the application recorded it. */
  protected ComplaintState state(String number) {
    return complaintRecords.find(number).orElseThrow(() -> new AssertionError("no recorded state for " + number));
  }

  /** Calls as a channel's account. */
  protected HttpApi as(String account) {
    return new HttpApi(port, account, CHANNEL_PASSWORD);
  }

  protected HttpApi as(String user, String password) {
    return new HttpApi(port, user, password);
  }

  protected HttpApi anonymous() {
    return new HttpApi(port, null, null);
  }
}
