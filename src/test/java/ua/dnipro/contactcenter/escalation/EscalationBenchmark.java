package ua.dnipro.contactcenter.escalation;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ua.dnipro.contactcenter.ContactCenterApplication;
import ua.dnipro.contactcenter.intake.IntakeBenchmark;
import ua.dnipro.contactcenter.testing.ApplicationNode;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * Timers on time on two nodes (docs/operations.md, "Timers and the job executor"). Prints, for the job executor as configured
 * (and, with {@code -Dbenchmark.jobExecutor=camunda-defaults}, for Camunda's defaults, as this
 * application ran before):
 * <ol>
 *   <li>the intake rate of the same run: complaints filed on both nodes by 16 channel clients;</li>
 *   <li>a burst: the SLA deadlines of all those complaints made due at the same moment; how fast the
 *       two nodes escalate them (drain rate) and how late each escalation came (p50, p99, max);</li>
 *   <li>single timers: one deadline every 3 s on idle nodes, the lateness the job executor's
 *       polling alone causes;</li>
 *   <li>the idle database load: transactions per second of two idle nodes;</li>
 *   <li>a node killed (SIGKILL) while holding due jobs: how long until the other node has run them.</li>
 * </ol>
 * {@code mvn -B test -Pbenchmark -Dtest=EscalationBenchmark [-Dbenchmark.escalations=10000]}
 */
class EscalationBenchmark {

  static final int ESCALATIONS = Integer.getInteger("benchmark.escalations", 10_000);
  static final String SLA_TIMERS = "HANDLER_CFG_ LIKE 'BoundaryEvent_SlaBreached%'";

  @Test
  void printDrainAndLatenessOfEscalationsOnTwoNodes() throws Exception {
    boolean camundaDefaults = "camunda-defaults".equals(System.getProperty("benchmark.jobExecutor"));
    List<String> arguments = camundaDefaults ? List.of(
        "--camunda.bpm.job-execution.max-wait=60000", "--camunda.bpm.job-execution.wait-time-in-millis=5000",
        "--camunda.bpm.job-execution.lock-time-in-millis=300000", "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
        "--camunda.bpm.job-execution.core-pool-size=3", "--camunda.bpm.job-execution.max-pool-size=10",
        "--camunda.bpm.job-execution.queue-capacity=3") : List.of();
    String settings = camundaDefaults ? "Camunda's defaults (max-wait 60 s, lock 5 min, 3 jobs per acquisition)"
        : "as configured (max-wait 2 s, wait 1 s, lock 60 s; 3 jobs per acquisition, 3-10 threads as Camunda's)";
    List<String> report = new ArrayList<>();
    report.add("Job executor: " + settings);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    String database = PostgresForTests.newDatabase();
    ApplicationNode first = ApplicationNode.start("escalation-1", ContactCenterApplication.class.getName(), database,
        18481, arguments);
    ApplicationNode second = ApplicationNode.start("escalation-2", ContactCenterApplication.class.getName(), database,
        18482, arguments);
    try (Connection raw = DriverManager.getConnection(database, "postgres", "postgres")) {
      JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(raw, true));
      first.awaitReady(http, "/api/v1/categories", IntakeBenchmark.channelAuthorization());
      second.awaitReady(http, "/api/v1/categories", IntakeBenchmark.channelAuthorization());

      // 1. intake on both nodes
      List<String[]> mix = IntakeBenchmark.categoryMix(http, first);
      IntFunction<HttpRequest> bothNodes = i -> IntakeBenchmark.filing(i % 2 == 0 ? first : second, mix, i);
      IntakeBenchmark.run(http, bothNodes, 300, database, "warm-up");
      IntakeBenchmark.Figures intake = IntakeBenchmark.run(http, bothNodes, ESCALATIONS, database,
          "POST /api/v1/complaints, 2 nodes");
      report.add(String.format("Intake, 2 nodes, 16 clients: %.1f complaints/s (p50 %.0f ms, p99 %.0f ms), %d failed",
          intake.perSecond(), intake.p50(), intake.p99(), intake.failed()));
      // the filings' own follow-up jobs done: only the timers of the future are left
      awaitNoDueJobs(jdbc, Duration.ofMinutes(5));

      // 4. idle load (before the burst: hundreds of thousands of future timers in the table)
      long timers = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB", Long.class);
      Thread.sleep(10_000);
      double idle = transactionsPerSecond(jdbc, Duration.ofSeconds(60));
      report.add(String.format("Idle, 2 nodes, %,d timers waiting: %.2f database transactions/s (job acquisition and"
          + " the nodes' housekeeping)", timers, idle));

      // 2. the burst
      Timestamp due = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", Timestamp.class);
      int burst = jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE " + SLA_TIMERS, due);
      long started = System.nanoTime();
      awaitGone(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE " + SLA_TIMERS + " AND DUEDATE_ <= ?", due,
          Duration.ofMinutes(30));
      double drainSeconds = (System.nanoTime() - started) / 1e9;
      long[] lateness = latenessMillis(jdbc, due);
      report.add(String.format("Burst: %,d SLA deadlines due at once, escalated in %.1f s: drain %.1f escalations/s"
              + " (%.2f x intake); lateness p50 %.1f s, p99 %.1f s, max %.1f s", burst, drainSeconds,
          burst / drainSeconds, burst / drainSeconds / intake.perSecond(), percentile(lateness, 0.5) / 1000.0,
          percentile(lateness, 0.99) / 1000.0, lateness.length == 0 ? Double.NaN : lateness[lateness.length - 1] / 1000.0));
      awaitNoDueJobs(jdbc, Duration.ofMinutes(10));

      // 3. single timers on idle nodes: the polling alone
      report.add(singleTimers(http, first, second, jdbc, mix, database));

      // 5. a node killed while holding due jobs
      report.add(killedNode(http, first, second, jdbc, mix, database));
    } finally {
      first.close();
      second.close();
    }
    report.forEach(System.out::println);
    Path out = Path.of("target", "benchmark", "escalation" + (camundaDefaults ? "-camunda-defaults" : "") + ".txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }

  /** One complaint's SLA deadline made due every 3 s on otherwise idle nodes. */
  static String singleTimers(HttpClient http, ApplicationNode first, ApplicationNode second, JdbcTemplate jdbc,
      List<String[]> mix, String database) throws Exception {
    int count = 20;
    IntakeBenchmark.run(http, i -> IntakeBenchmark.filing(i % 2 == 0 ? first : second, mix, 1_000_000 + i), count,
        database, "single-timer complaints");
    awaitNoDueJobs(jdbc, Duration.ofMinutes(2));
    Thread.sleep(10_000);
    List<String> instances = jdbc.queryForList("SELECT PROCESS_INSTANCE_ID_ FROM ACT_RU_JOB WHERE " + SLA_TIMERS
        + " ORDER BY PROCESS_INSTANCE_ID_ LIMIT " + count, String.class);
    Instant base = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", Timestamp.class).toInstant();
    List<Instant> dues = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      Instant due = base.plusSeconds(5 + 3L * i);
      dues.add(due);
      jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE PROCESS_INSTANCE_ID_ = ? AND " + SLA_TIMERS,
          Timestamp.from(due), instances.get(i));
    }
    awaitGone(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE " + SLA_TIMERS + " AND DUEDATE_ >= ?", Timestamp.from(base),
        Duration.ofMinutes(5));
    List<Long> lateness = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      Timestamp escalated = jdbc.queryForObject("""
          SELECT MIN(e.occurred_at) FROM cc_complaint_event e JOIN ACT_RU_EXECUTION x ON x.BUSINESS_KEY_ = e.complaint_number
          WHERE x.ID_ = ? AND e.entry LIKE '%"event":"OVERDUE"%'""", Timestamp.class, instances.get(i));
      lateness.add(Duration.between(dues.get(i), escalated.toInstant()).toMillis());
    }
    long[] sorted = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format("Single deadlines on idle nodes (%d, one every 3 s): lateness p50 %.1f s, max %.1f s",
        sorted.length, percentile(sorted, 0.5) / 1000.0, sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1000.0);
  }

  /** 2,000 deadlines due at once; the second node is killed 3 s later, holding some of them. */
  static String killedNode(HttpClient http, ApplicationNode first, ApplicationNode second, JdbcTemplate jdbc,
      List<String[]> mix, String database) throws Exception {
    int count = 2_000;
    IntakeBenchmark.run(http, i -> IntakeBenchmark.filing(i % 2 == 0 ? first : second, mix, 2_000_000 + i), count,
        database, "complaints for the killed node");
    awaitNoDueJobs(jdbc, Duration.ofMinutes(5));
    Timestamp due = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", Timestamp.class);
    int made = jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE " + SLA_TIMERS, due);
    long started = System.nanoTime();
    Thread.sleep(3_000);
    second.process().destroyForcibly().waitFor();
    Thread.sleep(5_000);
    // the killed node's locks stay until they expire; the living node's come and go
    List<String> locks = jdbc.queryForList("SELECT COUNT(*) || ' locked by ' || LEFT(LOCK_OWNER_, 8) FROM ACT_RU_JOB WHERE "
        + SLA_TIMERS + " AND LOCK_OWNER_ IS NOT NULL AND LOCK_EXP_TIME_ > CURRENT_TIMESTAMP GROUP BY LOCK_OWNER_",
        String.class);
    awaitGone(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE " + SLA_TIMERS + " AND DUEDATE_ <= ?", due,
        Duration.ofMinutes(15));
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format("A node killed (SIGKILL) 3 s into %,d due deadlines (5 s later: %s): all escalated %.1f s"
        + " after they were due", made, locks, seconds);
  }

  static long[] latenessMillis(JdbcTemplate jdbc, Timestamp due) {
    return jdbc.queryForList("""
        SELECT CAST(EXTRACT(EPOCH FROM (occurred_at - ?)) * 1000 AS BIGINT) FROM cc_complaint_event
        WHERE entry LIKE '%"event":"OVERDUE"%' AND occurred_at >= ?""", Long.class, due, due).stream()
        .mapToLong(Long::longValue).sorted().toArray();
  }

  static double transactionsPerSecond(JdbcTemplate jdbc, Duration window) throws InterruptedException {
    String sql = "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()";
    jdbc.execute("SELECT pg_stat_clear_snapshot()");
    long before = jdbc.queryForObject(sql, Long.class);
    Thread.sleep(window.toMillis());
    jdbc.execute("SELECT pg_stat_clear_snapshot()");
    long after = jdbc.queryForObject(sql, Long.class);
    // this connection's own two statements are not the nodes'
    return (after - before - 2) / (double) window.toSeconds();
  }

  static void awaitNoDueJobs(JdbcTemplate jdbc, Duration limit) throws InterruptedException {
    awaitGone(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)",
        Timestamp.from(Instant.now()), limit);
  }

  static void awaitGone(JdbcTemplate jdbc, String countSql, Timestamp at, Duration limit) throws InterruptedException {
    Instant giveUp = Instant.now().plus(limit);
    while (jdbc.queryForObject(countSql, Long.class, at) > 0) {
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException("still " + jdbc.queryForObject(countSql, Long.class, at) + " after " + limit);
      }
      Thread.sleep(200);
    }
  }

  static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN
        : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }
}
