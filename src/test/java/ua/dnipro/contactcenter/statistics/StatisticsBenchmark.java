package ua.dnipro.contactcenter.statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Granularity;
import ua.dnipro.contactcenter.statistics.StatisticsQueries.Grouping;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * How fast the statistics stay as history grows: loads 100,000 and then 1,000,000 complaints into
 * PostgreSQL at Dnipro's pace (77,758 complaints in 2021: a year and four months of history, then
 * thirteen years) and prints the 95th percentile latency of each query the dashboard and the API
 * run. Figures, not a pass/fail test:
 * run with {@code mvn -B test -Pbenchmark}; the table also goes to target/benchmark/statistics.txt.
 */
public class StatisticsBenchmark {

  /** Complaints in Dnipro in 2021. */
  public static final int ANNUAL_VOLUME = 77_758;
  static final int WARM_UP = 5;
  static final int RUNS = 40;

  @Test
  void printTheLatencyOfEachStatisticsQuery() throws IOException {
    // pooled, as in the application
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(PostgresForTests.newDatabase());
    dataSource.setUsername("postgres");
    dataSource.setPassword("postgres");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    StatisticsQueries queries = new StatisticsQueries(jdbc, new StatisticsConfiguration().statisticsExecutor());
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));

    Map<String, Supplier<Object>> workload = new LinkedHashMap<>();
    workload.put("30 days by day, whole city", () -> queries.report(today.minusDays(29), today, Granularity.DAY, Grouping.NONE));
    workload.put("30 days by day, by department", () -> queries.report(today.minusDays(29), today, Granularity.DAY, Grouping.DEPARTMENT));
    workload.put("12 weeks by week, by category", () -> queries.report(today.minusWeeks(12), today, Granularity.WEEK, Grouping.CATEGORY));
    workload.put("12 months by month, by district", () -> queries.report(today.minusMonths(12), today, Granularity.MONTH, Grouping.DISTRICT));
    workload.put("12 months by month, by channel", () -> queries.report(today.minusMonths(12), today, Granularity.MONTH, Grouping.CHANNEL));
    workload.put("efficiency ranking, 12 months", () -> queries.efficiency(today.minusMonths(12), today));
    workload.put("map cells, one month", () -> queries.cells(today.withDayOfMonth(1), today));
    workload.put("map districts, one month", () -> queries.report(today.withDayOfMonth(1), today, Granularity.MONTH,
        Grouping.DISTRICT));

    Map<String, List<Double>> p95 = new LinkedHashMap<>();
    List<String> sizes = new ArrayList<>();
    int loaded = 0;
    for (int size : new int[] {100_000, 1_000_000}) {
      long start = System.nanoTime();
      load(jdbc, loaded, size, ANNUAL_VOLUME);
      loaded = size;
      jdbc.execute("VACUUM ANALYZE cc_complaint_fact");
      System.out.printf("loaded %,d complaints in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
      sizes.add(String.format("%,d", size));
      workload.forEach((name, query) -> p95.computeIfAbsent(name, n -> new ArrayList<>()).add(p95Millis(query)));
    }

    StringBuilder table = new StringBuilder(String.format("%-40s %14s %14s%n", "query (p95 of " + RUNS + " runs)",
        sizes.get(0), sizes.get(1)));
    p95.forEach((name, millis) -> table.append(String.format("%-40s %11.1f ms %11.1f ms%n", name, millis.get(0), millis.get(1))));
    System.out.println();
    System.out.println(table);
    Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(Path.of("target", "benchmark", "statistics.txt"), table.toString());
  }

  static double p95Millis(Supplier<Object> query) {
    for (int i = 0; i < WARM_UP; i++) {
      query.get();
    }
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      query.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[(int) Math.ceil(0.95 * RUNS) - 1];
  }

  /**
   * Complaints at a city's pace, going back in time: 19 categories, 16 departments, 8 districts, 5
   * channels; 90 % resolved after a skewed time, a tenth of them late, one in twenty returned once,
   * seven in ten with coordinates in the city. Generated in PostgreSQL itself, each load written in
   * the order the complaints were received, as the application writes them.
   */
  public static void load(JdbcTemplate jdbc, int from, int to, int perYear) {
    jdbc.update("""
        INSERT INTO cc_complaint_fact (complaint_number, channel, category, issue_type, district, department, sla_tier,
            received_at, received_day, received_week, received_month, due_at, resolved_at, resolved_day, resolved_week,
            resolved_month, resolution_minutes, resolved_on_time, overdue, returned_count, cell_lat, cell_lon)
        SELECT 'B-' || g, ch, cat, NULL, dist, dept, tier,
               rec, rec_kyiv::date, date_trunc('week', rec_kyiv)::date, date_trunc('month', rec_kyiv)::date,
               rec + sla, res, res_kyiv::date, date_trunc('week', res_kyiv)::date, date_trunc('month', res_kyiv)::date,
               CASE WHEN res IS NULL THEN NULL ELSE EXTRACT(EPOCH FROM res - rec)::bigint / 60 END,
               CASE WHEN res IS NULL THEN NULL ELSE res <= rec + sla END,
               COALESCE(res > rec + sla, rec + sla < now()),
               CASE WHEN random() < 0.05 THEN 1 ELSE 0 END,
               CASE WHEN random() < 0.7 THEN round(((floor((48.30 + random() * 0.32) / 0.01) + 0.5) * 0.01)::numeric, 5) END,
               CASE WHEN random() < 0.7 THEN round(((floor((34.70 + random() * 0.60) / 0.015) + 0.5) * 0.015)::numeric, 5) END
        FROM (
          SELECT g, rec, sla, res,
                 rec AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Kyiv' AS rec_kyiv,
                 res AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Kyiv' AS res_kyiv,
                 (ARRAY['HOTLINE','WEBSITE','MOBILE_APP','VIBER','TELEGRAM'])[1 + (g % 5)] AS ch,
                 (ARRAY['WATER','LIFTS','GREEN','LIGHTING','ROADS','MANHOLES','ANIMALS','HOUSING','STORM','TRANSPORT',
                        'HEATING','POWER','WASTE','SNOW','SHELTERS','TRAFFIC','YARDS','TRADE','OTHER'])[1 + (g % 19)] AS cat,
                 (ARRAY['water-utility','lift-service','green-economy','street-lighting','improvement-infrastructure',
                        'animal-care','housing','storm-sewer','transport','heat-supply','power-grid','sanitation',
                        'civil-protection','traffic-management','district-administration','trade-market'])[1 + (g % 16)] AS dept,
                 (ARRAY['AMUR_NYZHNODNIPROVSKYI','SHEVCHENKIVSKYI','SOBORNYI','INDUSTRIALNYI','TSENTRALNYI',
                        'CHECHELIVSKYI','NOVOKODATSKYI','SAMARSKYI'])[1 + (g % 8)] AS dist,
                 (ARRAY['EMERGENCY','SHORT','MEDIUM','LONG'])[1 + (g % 4)] AS tier
          FROM (
            SELECT g, rec, sla,
                   CASE WHEN resolves AND rec + sla * factor < now() THEN rec + sla * factor END AS res
            FROM (
              -- complaint g was received g / perYear years ago (and up to a day more): the newest first
              SELECT g, now() - ((g::double precision / ? + random() / 365.25) * interval '365.25 days') AS rec,
                     (ARRAY[interval '6 hours', interval '24 hours', interval '72 hours', interval '7 days'])[1 + (g % 4)] AS sla,
                     random() < 0.9 AS resolves, 0.2 + random() * random() * 2.5 AS factor
              FROM generate_series(?, ?) AS g
            ) received
          ) resolved
        ) complaint
        ORDER BY rec""", (double) perYear, from + 1, to);
  }
}
