package ua.dnipro.contactcenter.efficiency;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The figures of {@link DepartmentEfficiency}. The executors' tasks are read from the engine's
 * history (the audit trail keeps each task's creation, due time, completion and assignee, and each
 * claim as an identity link); the rest from the application's statistics records.
 */
@Repository
class DepartmentEfficiencyQueries {

  private final JdbcTemplate jdbc;
  private final java.time.ZoneId zone;

  DepartmentEfficiencyQueries(JdbcTemplate jdbc, ContactCenterProperties properties) {
    this.jdbc = jdbc;
    this.zone = properties.timeZone();
  }

  /** One completed task of the department's executors. */
  record TaskTimes(String executor, Instant created, Instant firstClaimed, Instant completed, Instant due) {

    Double hoursToFirstClaim() {
      return firstClaimed == null ? null : hours(Duration.between(created, firstClaimed));
    }

    Double workingHours() {
      return firstClaimed == null ? null : hours(Duration.between(firstClaimed, completed));
    }

    boolean onTime() {
      return due == null || !completed.isAfter(due);
    }

    private static double hours(Duration duration) {
      return duration.toSeconds() / 3600d;
    }
  }

  DepartmentEfficiency of(String department, String name, LocalDate from, LocalDate to) {
    List<TaskTimes> tasks = tasks(department, from, to);
    Map<String, List<TaskTimes>> byExecutor = tasks.stream().filter(task -> task.executor() != null)
        .collect(Collectors.groupingBy(TaskTimes::executor, TreeMap::new, Collectors.toList()));
    List<DepartmentEfficiency.ExecutorFigures> executors = new ArrayList<>();
    byExecutor.forEach((executor, own) -> executors.add(new DepartmentEfficiency.ExecutorFigures(executor, own.size(),
        median(own.stream().map(TaskTimes::hoursToFirstClaim).toList()),
        median(own.stream().map(TaskTimes::workingHours).toList()), onTimeShare(own))));
    executors.sort(Comparator.comparing(DepartmentEfficiency.ExecutorFigures::tasksCompleted).reversed()
        .thenComparing(DepartmentEfficiency.ExecutorFigures::executor));

    Map<String, Object> extensions = jdbc.queryForMap("""
        SELECT COUNT(*) AS requested, COALESCE(SUM(CASE WHEN granted THEN 1 ELSE 0 END), 0) AS granted
        FROM cc_extension_fact WHERE department = ? AND requested_day BETWEEN ? AND ?""",
        department, Date.valueOf(from), Date.valueOf(to));
    Map<String, Object> resolved = jdbc.queryForMap("""
        SELECT COUNT(*) AS resolved, COALESCE(SUM(CASE WHEN reopened_count = 0 THEN 1 ELSE 0 END), 0) AS first_time,
               COUNT(rating) AS ratings, AVG(CAST(rating AS DOUBLE PRECISION)) AS average_rating
        FROM cc_complaint_fact WHERE department = ? AND resolved_day BETWEEN ? AND ? AND merged_into IS NULL""",
        department, Date.valueOf(from), Date.valueOf(to));
    long overdue = jdbc.queryForObject("""
        SELECT COUNT(*) FROM cc_complaint_fact WHERE overdue AND overdue_department = ? AND received_day BETWEEN ? AND ?""",
        Long.class, department, Date.valueOf(from), Date.valueOf(to));
    long resolvedCount = number(resolved.get("resolved"));
    Double averageRating = resolved.get("average_rating") == null ? null
        : Math.round(((Number) resolved.get("average_rating")).doubleValue() * 100d) / 100d;
    DepartmentEfficiency.Figures figures = new DepartmentEfficiency.Figures(tasks.size(),
        median(tasks.stream().map(TaskTimes::hoursToFirstClaim).toList()),
        median(tasks.stream().map(TaskTimes::workingHours).toList()), onTimeShare(tasks),
        number(extensions.get("requested")), number(extensions.get("granted")), resolvedCount,
        resolvedCount == 0 ? null : rate(number(resolved.get("first_time")), resolvedCount), averageRating,
        number(resolved.get("ratings")), overdue);
    return new DepartmentEfficiency(department, name, from, to, figures, executors);
  }

  /** The department's executors' tasks completed between the first day's start and the last day's end, in Kyiv. */
  List<TaskTimes> tasks(String department, LocalDate from, LocalDate to) {
    return jdbc.query("""
        SELECT T.ASSIGNEE_, T.START_TIME_, T.END_TIME_, T.DUE_DATE_,
               (SELECT MIN(L.TIMESTAMP_) FROM ACT_HI_IDENTITYLINK L
                WHERE L.TASK_ID_ = T.ID_ AND L.TYPE_ = 'assignee' AND L.OPERATION_TYPE_ = 'add') AS FIRST_CLAIMED_
        FROM ACT_HI_TASKINST T
        WHERE T.PROC_DEF_KEY_ = ? AND T.TASK_DEF_KEY_ = ? AND T.DELETE_REASON_ = 'completed'
          AND T.END_TIME_ >= ? AND T.END_TIME_ < ?""",
        (rs, i) -> new TaskTimes(rs.getString("ASSIGNEE_"), instant(rs.getTimestamp("START_TIME_")),
            instant(rs.getTimestamp("FIRST_CLAIMED_")), instant(rs.getTimestamp("END_TIME_")),
            instant(rs.getTimestamp("DUE_DATE_"))),
        DepartmentWork.keyOf(department), DepartmentWork.Elements.TASK_RESOLVE,
        Timestamp.from(from.atStartOfDay(zone).toInstant()), Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
  }

  static Double median(List<Double> values) {
    List<Double> known = values.stream().filter(java.util.Objects::nonNull).sorted().toList();
    if (known.isEmpty()) {
      return null;
    }
    int middle = known.size() / 2;
    double median = known.size() % 2 == 1 ? known.get(middle) : (known.get(middle - 1) + known.get(middle)) / 2;
    return Math.round(median * 10d) / 10d;
  }

  static Double onTimeShare(List<TaskTimes> tasks) {
    return tasks.isEmpty() ? null : rate(tasks.stream().filter(TaskTimes::onTime).count(), tasks.size());
  }

  static double rate(long part, long whole) {
    return Math.round(1000d * part / whole) / 1000d;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
