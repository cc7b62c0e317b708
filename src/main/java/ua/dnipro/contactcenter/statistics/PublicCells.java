package ua.dnipro.contactcenter.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a public record of single complaints (Open311's list, the open data) may show of where and
 * when, so that a row does not point at the person who called: a map cell only where the whole
 * record holds at least {@value StatisticsQueries#MIN_AREA_COUNT} complaints (the map's own rule),
 * and times to the hour. The cells that may be shown are counted again every ten minutes (or as
 * often as the public statistics are); a cell not counted yet is not shown.
 */
@Component
public class PublicCells {

  static final Duration RECOUNT = Duration.ofMinutes(10);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration recount;
  private volatile Set<String> shown = Set.of();
  private volatile Instant counted = Instant.MIN;

  /** Recounted every ten minutes. */
  public PublicCells(JdbcTemplate jdbc) {
    this(jdbc, Clock.systemUTC(), RECOUNT);
  }

  /** Recounted as often as the public statistics are (their cache's time to live), at most every ten minutes. */
  @org.springframework.beans.factory.annotation.Autowired
  PublicCells(JdbcTemplate jdbc, ua.dnipro.contactcenter.config.ContactCenterProperties properties) {
    this(jdbc, Clock.systemUTC(), properties.publicStatistics().cacheTtl().compareTo(RECOUNT) < 0
        ? properties.publicStatistics().cacheTtl() : RECOUNT);
  }

  PublicCells(JdbcTemplate jdbc, Clock clock, Duration recount) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.recount = recount;
  }

  /** Whether the cell with that centre may be shown (false for none). */
  public boolean mayShow(Double cellLat, Double cellLon) {
    if (cellLat == null || cellLon == null) {
      return false;
    }
    if (Duration.between(counted, clock.instant()).compareTo(recount) >= 0) {
      recount();
    }
    return shown.contains(key(cellLat, cellLon));
  }

  private synchronized void recount() {
    if (Duration.between(counted, clock.instant()).compareTo(recount) < 0) {
      return;
    }
    Set<String> cells = new HashSet<>();
    jdbc.query("SELECT cell_lat, cell_lon FROM cc_complaint_fact WHERE cell_lat IS NOT NULL AND cell_lon IS NOT NULL "
        + "GROUP BY cell_lat, cell_lon HAVING COUNT(*) >= ?", rs -> {
          cells.add(key(rs.getDouble(1), rs.getDouble(2)));
        }, StatisticsQueries.MIN_AREA_COUNT);
    shown = Set.copyOf(cells);
    counted = clock.instant();
  }

  /** A moment as the public record shows it: to the hour. */
  public static Instant toTheHour(Instant moment) {
    return moment == null ? null : moment.truncatedTo(ChronoUnit.HOURS);
  }

  private static String key(double lat, double lon) {
    return Math.round(lat * 100_000d) + ":" + Math.round(lon * 100_000d);
  }
}
