package ua.dnipro.contactcenter.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.channel.Channels;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The work waiting in the database, for the operators' Prometheus (docs/operations.md, "Metrics and alerts"): open tasks
 * per group (each department, its heads, dispatchers, controllers) and SLA tier; due, overdue and
 * failed jobs; incidents; the citizen notifications and emergency alerts waiting on each topic and
 * the age of the oldest. Counted from the database every
 * {@code contact-center.operations.gauges-refresh} (30 s), not on each scrape, so that a scrape
 * costs nothing. Every node reports the same city-wide figures: take the max over nodes, not the sum.
 * {@code cc_gauges_age_seconds} tells how old the figures are (they stay as they were while the
 * database is away).
 */
@Component
class WorkloadGauges {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadGauges.class);
  /** A job due longer than this and not run is overdue: the job executor's polling alone never makes it so. */
  static final Duration OVERDUE_AFTER = Duration.ofMinutes(1);
  static final List<String> INCIDENT_TYPES = List.of("failedJob", "failedExternalTask");

  private final JdbcTemplate jdbc;
  private final List<String> topics;
  private final MultiGauge openTasks;
  private final MultiGauge incidents;
  private final MultiGauge topicWaiting;
  private final MultiGauge topicOldest;
  private final AtomicLong jobsDue = new AtomicLong();
  private final AtomicLong jobsOverdue = new AtomicLong();
  private final AtomicLong oldestDueJobAge = new AtomicLong();
  private final AtomicLong jobsFailed = new AtomicLong();
  private volatile Instant refreshedAt;

  WorkloadGauges(JdbcTemplate jdbc, MeterRegistry registry, ContactCenterProperties properties) {
    this.jdbc = jdbc;
    List<String> known = new ArrayList<>();
    properties.channels().forEach(channel -> known.add(Channels.notificationTopic(channel.code())));
    known.add("emergency-alert");
    this.topics = List.copyOf(known);
    openTasks = MultiGauge.builder("cc.open.tasks").description("Open tasks per candidate group and SLA tier")
        .register(registry);
    incidents = MultiGauge.builder("cc.incidents").description("Open incidents per type").register(registry);
    topicWaiting = MultiGauge.builder("cc.external.tasks.waiting")
        .description("Notifications and alerts waiting per topic").register(registry);
    topicOldest = MultiGauge.builder("cc.external.tasks.oldest.age").baseUnit("seconds")
        .description("Age of the oldest waiting notification or alert per topic").register(registry);
    Gauge.builder("cc.jobs.due", jobsDue, AtomicLong::get).description("Jobs due now and not yet run")
        .register(registry);
    Gauge.builder("cc.jobs.overdue", jobsOverdue, AtomicLong::get)
        .description("Jobs due for more than a minute and not yet run").register(registry);
    Gauge.builder("cc.jobs.oldest.due.age", oldestDueJobAge, AtomicLong::get).baseUnit("seconds")
        .description("How long the oldest due job has waited").register(registry);
    Gauge.builder("cc.jobs.failed", jobsFailed, AtomicLong::get)
        .description("Jobs out of retries (each has an incident)").register(registry);
    Gauge.builder("cc.gauges.age", this, gauges -> gauges.refreshedAt == null ? Double.NaN
            : Duration.between(gauges.refreshedAt, Instant.now()).toMillis() / 1000.0)
        .baseUnit("seconds").description("How old the workload figures are").register(registry);
  }

  @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${contact-center.operations.gauges-refresh:PT30S}")
  void refresh() {
    try {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      refreshTasks();
      refreshJobs(now);
      refreshIncidents();
      refreshTopics(now);
      refreshedAt = Instant.now();
    } catch (RuntimeException e) {
      // the database is away or busy: the figures stay as they were, cc_gauges_age_seconds grows
      LOG.warn("Workload figures not refreshed: {}", e.toString());
    }
  }

  private void refreshTasks() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    jdbc.query("""
        SELECT l.GROUP_ID_ AS grp, s.sla_tier AS tier, COUNT(*) AS n
        FROM ACT_RU_TASK t
        JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL
        JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
        LEFT JOIN cc_complaint_state s ON s.complaint_number = e.BUSINESS_KEY_
        GROUP BY l.GROUP_ID_, s.sla_tier""", row -> {
      rows.add(MultiGauge.Row.of(Tags.of("group", row.getString("grp"),
          "tier", Objects.requireNonNullElse(row.getString("tier"), OperationsMetrics.NONE)), row.getLong("n")));
    });
    openTasks.register(rows, true);
  }

  private void refreshJobs(Instant now) {
    Timestamp at = Timestamp.from(now);
    jdbc.query("""
        SELECT COUNT(*) AS due,
               SUM(CASE WHEN DUEDATE_ < ? THEN 1 ELSE 0 END) AS overdue,
               MIN(DUEDATE_) AS oldest
        FROM ACT_RU_JOB
        WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)""", row -> {
      jobsDue.set(row.getLong("due"));
      jobsOverdue.set(row.getLong("overdue"));
      Timestamp oldest = row.getTimestamp("oldest");
      oldestDueJobAge.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
    }, Timestamp.from(now.minus(OVERDUE_AFTER)), at);
    Long failed = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0", Long.class);
    jobsFailed.set(failed == null ? 0 : failed);
  }

  private void refreshIncidents() {
    Map<String, Long> counts = new LinkedHashMap<>();
    INCIDENT_TYPES.forEach(type -> counts.put(type, 0L));
    jdbc.query("SELECT INCIDENT_TYPE_ AS type, COUNT(*) AS n FROM ACT_RU_INCIDENT GROUP BY INCIDENT_TYPE_",
        row -> {
          counts.put(row.getString("type"), row.getLong("n"));
        });
    incidents.register(counts.entrySet().stream()
        .map(entry -> MultiGauge.Row.of(Tags.of("type", entry.getKey()), entry.getValue())).toList(), true);
  }

  private void refreshTopics(Instant now) {
    Map<String, long[]> byTopic = new LinkedHashMap<>();
    topics.forEach(topic -> byTopic.put(topic, new long[] {0, 0}));
    jdbc.query("""
        SELECT TOPIC_NAME_ AS topic, COUNT(*) AS n, MIN(CREATE_TIME_) AS oldest
        FROM ACT_RU_EXT_TASK WHERE SUSPENSION_STATE_ = 1 GROUP BY TOPIC_NAME_""", row -> {
      Timestamp oldest = row.getTimestamp("oldest");
      byTopic.put(row.getString("topic"), new long[] {row.getLong("n"),
          oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds())});
    });
    topicWaiting.register(byTopic.entrySet().stream()
        .map(entry -> MultiGauge.Row.of(Tags.of("topic", entry.getKey()), entry.getValue()[0])).toList(), true);
    topicOldest.register(byTopic.entrySet().stream()
        .map(entry -> MultiGauge.Row.of(Tags.of("topic", entry.getKey()), entry.getValue()[1])).toList(), true);
  }
}
