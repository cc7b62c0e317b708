package ua.dnipro.contactcenter.statistics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The statistics, straight from cc_complaint_fact in SQL that PostgreSQL and H2 both run: counts,
 * on-time rate and resolution-time percentiles per day, week or month (Kyiv time), grouped by
 * category, department, district or channel; the departments' efficiency; the map's cells and
 * districts. Column names come from the enums below, never from a request.
 */
@Component
public class StatisticsQueries {

  /** How long a bucket is. */
  public enum Granularity {
    DAY, WEEK, MONTH;

    String column(String prefix) {
      return prefix + "_" + name().toLowerCase(Locale.ROOT);
    }
  }

  /** What the figures are grouped by. */
  public enum Grouping {
    NONE(null), CATEGORY("category"), DEPARTMENT("department"), DISTRICT("district"), CHANNEL("channel");

    final String column;

    Grouping(String column) {
      this.column = column;
    }

    String select() {
      return column == null ? "'ALL'" : "COALESCE(" + column + ", 'UNKNOWN')";
    }
  }

  /**
   * The figures of one group in one bucket (or in the whole period).
   *
   * @param onTime of those resolved, how many on time
   * @param stillOpen of those received, how many are open now
   */
  /**
   * A group's figures. {@code received} counts reports (every complaint), {@code defects} the
   * defects among them (complaints not merged into another about the same defect); resolved, on
   * time and resolution times are the defects' (a duplicate resolved with its defect is not counted
   * again, for or against anybody).
   */
  public record Figures(String key, long received, long resolved, long open, long overdue, long returned,
      Double onTimeRate, Double medianResolutionHours, Double p90ResolutionHours, long onTime, long stillOpen,
      long defects) {
  }

  /** One bucket of time: its first day and its groups. */
  public record Bucket(LocalDate start, List<Figures> groups) {
  }

  public record Report(List<Bucket> buckets, List<Figures> totals) {
  }

  /** A department's record over a period, for the efficiency ranking. */
  /**
   * A department's record over a period, for the efficiency ranking: of the complaints it resolved
   * in the period, the share the citizen had re-opened at least once (rework), and the citizens'
   * average rating of those they confirmed (null with no rating).
   */
  public record Efficiency(String department, long resolved, long resolvedOnTime, Double onTimeRate,
      Double medianResolutionHours, Double p90ResolutionHours, long overdue, long open, Double reopenedShare,
      Double averageRating, long ratings) {
  }

  /** A map cell with enough complaints to be shown on its own. */
  public record Area(double latitude, double longitude, long received, long resolved, long open, long overdue) {
  }

  /** Areas with fewer complaints than this are not shown on their own. */
  public static final int MIN_AREA_COUNT = 10;

  private final JdbcTemplate jdbc;
  private final Executor parallel;

  /**
   * @param parallel runs a report's independent queries side by side (each on its own connection):
   *     a year of complaints is read three times, and one reading need not wait for another
   */
  public StatisticsQueries(JdbcTemplate jdbc, @Qualifier(StatisticsConfiguration.EXECUTOR) Executor parallel) {
    this.jdbc = jdbc;
    this.parallel = parallel;
  }

  public Report report(LocalDate from, LocalDate to, Granularity granularity, Grouping grouping) {
    return report(from, to, granularity, grouping, false);
  }

  /**
   * The figures, of every report ({@code defectsOnly} false: a complaint merged into another about
   * the same defect counts as a report) or of the defects alone, as the map counts them.
   */
  public Report report(LocalDate from, LocalDate to, Granularity granularity, Grouping grouping, boolean defectsOnly) {
    CompletableFuture<List<Received>> receivedRows = CompletableFuture.supplyAsync(
        () -> receivedBy(granularity.column("received"), grouping, from, to, defectsOnly), parallel);
    CompletableFuture<List<Resolved>> resolvedRows =
        CompletableFuture.supplyAsync(() -> resolvedBy(granularity.column("resolved"), grouping, from, to), parallel);
    // percentiles do not add up: the period's own are a query of their own
    CompletableFuture<List<Resolved>> resolvedTotalRows =
        CompletableFuture.supplyAsync(() -> resolvedBy(null, grouping, from, to), parallel);

    Map<LocalDate, Map<String, Received>> received = new TreeMap<>();
    Map<String, Received> receivedTotals = new TreeMap<>();
    for (Received row : join(receivedRows)) {
      received.computeIfAbsent(row.bucket(), b -> new TreeMap<>()).put(row.key(), row);
      // counts do add up; the period's "open" is what is still open now
      receivedTotals.merge(row.key(), new Received(null, row.key(), row.received(), row.stillOpen(), row.overdue(),
          row.returned(), row.stillOpen(), row.defects()), Received::plus);
    }
    Map<LocalDate, Map<String, Resolved>> resolved = new TreeMap<>();
    join(resolvedRows).forEach(row -> resolved.computeIfAbsent(row.bucket(), b -> new TreeMap<>()).put(row.key(), row));

    TreeSet<LocalDate> starts = new TreeSet<>(received.keySet());
    starts.addAll(resolved.keySet());
    List<Bucket> buckets = new ArrayList<>();
    for (LocalDate start : starts) {
      buckets.add(new Bucket(start, merge(received.getOrDefault(start, Map.of()), resolved.getOrDefault(start, Map.of()))));
    }
    Map<String, Resolved> resolvedTotals = new TreeMap<>();
    join(resolvedTotalRows).forEach(row -> resolvedTotals.put(row.key(), row));
    return new Report(buckets, merge(receivedTotals, resolvedTotals));
  }

  public List<Efficiency> efficiency(LocalDate from, LocalDate to) {
    CompletableFuture<List<Received>> receivedRows =
        CompletableFuture.supplyAsync(() -> receivedBy(null, Grouping.DEPARTMENT, from, to, false), parallel);
    Map<String, Resolved> resolved = new HashMap<>();
    resolvedBy(null, Grouping.DEPARTMENT, from, to).forEach(row -> resolved.put(row.key(), row));
    Map<String, Received> received = new HashMap<>();
    join(receivedRows).forEach(row -> received.put(row.key(), row));
    Map<String, Long> overdue = overdueByDepartment(from, to);
    TreeSet<String> departments = new TreeSet<>(received.keySet());
    departments.addAll(resolved.keySet());
    departments.addAll(overdue.keySet());
    List<Efficiency> ranking = new ArrayList<>();
    for (String department : departments) {
      Received in = received.getOrDefault(department, Received.NONE);
      Resolved out = resolved.getOrDefault(department, Resolved.NONE);
      ranking.add(new Efficiency(department, out.resolved(), out.onTime(), out.onTimeRate(), out.medianHours(),
          out.p90Hours(), overdue.getOrDefault(department, 0L), in.open(), out.reopenedShare(), out.averageRating(),
          out.ratings()));
    }
    ranking.sort(Comparator.comparing((Efficiency e) -> e.onTimeRate() == null ? -1 : e.onTimeRate()).reversed()
        .thenComparing(e -> e.medianResolutionHours() == null ? Double.MAX_VALUE : e.medianResolutionHours())
        .thenComparing(Efficiency::overdue));
    return ranking;
  }

  /**
   * Of the complaints received in the period, how many went overdue, per department that held each
   * when its deadline passed (even if it returned the complaint later).
   */
  public Map<String, Long> overdueByDepartment(LocalDate from, LocalDate to) {
    Map<String, Long> overdue = new HashMap<>();
    jdbc.query("""
        SELECT overdue_department, COUNT(*) AS overdue FROM cc_complaint_fact
        WHERE overdue AND overdue_department IS NOT NULL AND received_day BETWEEN ? AND ?
        GROUP BY overdue_department""", rs -> {
          overdue.put(rs.getString("overdue_department"), rs.getLong("overdue"));
        }, Date.valueOf(from), Date.valueOf(to));
    return overdue;
  }

  /**
   * Defects per map cell of about a kilometre (a duplicate merged into another complaint is the same
   * defect, counted once), only cells with enough of them.
   */
  public List<Area> cells(LocalDate from, LocalDate to) {
    return jdbc.query("""
        SELECT cell_lat, cell_lon, COUNT(*) AS received,
               SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
               SUM(CASE WHEN resolved_at IS NULL AND NOT forwarded AND NOT left_unconsidered THEN 1 ELSE 0 END) AS open,
               SUM(CASE WHEN overdue THEN 1 ELSE 0 END) AS overdue
        FROM cc_complaint_fact
        WHERE received_day BETWEEN ? AND ? AND cell_lat IS NOT NULL AND merged_into IS NULL
        GROUP BY cell_lat, cell_lon
        HAVING COUNT(*) >= ?
        ORDER BY received DESC""",
        (rs, i) -> new Area(rs.getDouble("cell_lat"), rs.getDouble("cell_lon"), rs.getLong("received"),
            rs.getLong("resolved"), rs.getLong("open"), rs.getLong("overdue")),
        Date.valueOf(from), Date.valueOf(to), MIN_AREA_COUNT);
  }

  // --- the two aggregations --------------------------------------------------------------------

  /**
   * Of the complaints received: how many, how many still open at the bucket's end, overdue,
   * returned, and how many are open today.
   */
  private record Received(LocalDate bucket, String key, long received, long open, long overdue, long returned,
      long stillOpen, long defects) {
    static final Received NONE = new Received(null, null, 0, 0, 0, 0, 0, 0);

    Received plus(Received other) {
      return new Received(bucket, key, received + other.received, open + other.open, overdue + other.overdue,
          returned + other.returned, stillOpen + other.stillOpen, defects + other.defects);
    }
  }

  /** Of the complaints resolved: how many, how many on time, and how long it took (minutes). */
  private record Resolved(LocalDate bucket, String key, long resolved, long onTime, Double median, Double p90,
      long reworked, long ratings, Double averageRating) {
    static final Resolved NONE = new Resolved(null, null, 0, 0, null, null, 0, 0, null);

    Double reopenedShare() {
      return resolved == 0 ? null : Math.round(1000d * reworked / resolved) / 1000d;
    }

    Double onTimeRate() {
      return resolved == 0 ? null : Math.round(1000d * onTime / resolved) / 1000d;
    }

    Double medianHours() {
      return hours(median);
    }

    Double p90Hours() {
      return hours(p90);
    }

    private static Double hours(Double minutes) {
      return minutes == null ? null : Math.round(minutes / 6d) / 10d;
    }
  }

  private List<Received> receivedBy(String bucketColumn, Grouping grouping, LocalDate from, LocalDate to,
      boolean defectsOnly) {
    String bucket = bucketColumn == null ? "CAST(NULL AS DATE)" : bucketColumn;
    // still open at the bucket's end: not resolved, or resolved in a later bucket
    // a complaint forwarded outside the city's competence, or a repeated appeal left unconsidered, is
    // neither open nor resolved
    String open = bucketColumn == null ? "resolved_at IS NULL AND NOT forwarded AND NOT left_unconsidered"
        : "(resolved_at IS NULL AND NOT forwarded AND NOT left_unconsidered) OR " + bucketColumn.replace("received", "resolved") + " > " + bucketColumn;
    String sql = """
        SELECT %s AS bucket, %s AS grp, COUNT(*) AS received,
               SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS open_count,
               SUM(CASE WHEN overdue THEN 1 ELSE 0 END) AS overdue_count,
               SUM(CASE WHEN returned_count > 0 THEN 1 ELSE 0 END) AS returned_count,
               SUM(CASE WHEN resolved_at IS NULL AND NOT forwarded AND NOT left_unconsidered THEN 1 ELSE 0 END) AS still_open,
               SUM(CASE WHEN merged_into IS NULL THEN 1 ELSE 0 END) AS defects
        FROM cc_complaint_fact
        WHERE received_day BETWEEN ? AND ?%s
        %s""".formatted(bucket, grouping.select(), open, defectsOnly ? " AND merged_into IS NULL" : "",
        groupBy(bucketColumn, grouping));
    return jdbc.query(sql, (rs, i) -> new Received(date(rs), rs.getString("grp"), rs.getLong("received"),
        rs.getLong("open_count"), rs.getLong("overdue_count"), rs.getLong("returned_count"), rs.getLong("still_open"),
        rs.getLong("defects")),
        Date.valueOf(from), Date.valueOf(to));
  }

  private List<Resolved> resolvedBy(String bucketColumn, Grouping grouping, LocalDate from, LocalDate to) {
    String bucket = bucketColumn == null ? "CAST(NULL AS DATE)" : bucketColumn;
    String sql = """
        SELECT %s AS bucket, %s AS grp, COUNT(*) AS resolved,
               SUM(CASE WHEN resolved_on_time THEN 1 ELSE 0 END) AS on_time,
               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY resolution_minutes) AS median_minutes,
               PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY resolution_minutes) AS p90_minutes,
               SUM(CASE WHEN reopened_count > 0 THEN 1 ELSE 0 END) AS reworked,
               COUNT(rating) AS ratings,
               AVG(CAST(rating AS DOUBLE PRECISION)) AS average_rating
        FROM cc_complaint_fact
        WHERE resolved_day BETWEEN ? AND ? AND merged_into IS NULL
        %s""".formatted(bucket, grouping.select(), groupBy(bucketColumn, grouping));
    return jdbc.query(sql, (rs, i) -> new Resolved(date(rs), rs.getString("grp"), rs.getLong("resolved"),
        rs.getLong("on_time"), nullableDouble(rs, "median_minutes"), nullableDouble(rs, "p90_minutes"),
        rs.getLong("reworked"), rs.getLong("ratings"), roundedRating(nullableDouble(rs, "average_rating"))),
        Date.valueOf(from), Date.valueOf(to));
  }

  private static Double roundedRating(Double average) {
    return average == null ? null : Math.round(average * 100d) / 100d;
  }

  /** PostgreSQL refuses constants in GROUP BY: only the real columns, or none. */
  private static String groupBy(String bucketColumn, Grouping grouping) {
    List<String> columns = new ArrayList<>();
    if (bucketColumn != null) {
      columns.add(bucketColumn);
    }
    if (grouping.column != null) {
      columns.add(grouping.select());
    }
    return columns.isEmpty() ? "" : "GROUP BY " + String.join(", ", columns);
  }

  private static List<Figures> merge(Map<String, Received> received, Map<String, Resolved> resolved) {
    TreeSet<String> keys = new TreeSet<>(received.keySet());
    keys.addAll(resolved.keySet());
    List<Figures> figures = new ArrayList<>();
    for (String key : keys) {
      Received in = received.getOrDefault(key, Received.NONE);
      Resolved out = resolved.getOrDefault(key, Resolved.NONE);
      figures.add(new Figures(key, in.received(), out.resolved(), in.open(), in.overdue(), in.returned(),
          out.onTimeRate(), out.medianHours(), out.p90Hours(), out.onTime(), in.stillOpen(), in.defects()));
    }
    return figures;
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static LocalDate date(ResultSet rs) throws SQLException {
    Date date = rs.getDate("bucket");
    return date == null ? null : date.toLocalDate();
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
