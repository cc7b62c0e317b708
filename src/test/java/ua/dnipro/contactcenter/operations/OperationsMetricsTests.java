package ua.dnipro.contactcenter.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.testing.Accounts;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * The operators' metrics, as Prometheus scrapes them from a node: what was filed per channel, the
 * answers per door, SLA breaches and how late their timers fired, the work waiting in the database
 * and classifier deployments. The application is shared with other test classes: counters are
 * compared before and after.
 */
class OperationsMetricsTests extends PostgresApplicationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkloadGauges gauges;

  @Test
  void aComplaintFiledBreachedAndEscalatedShowsInTheMetrics() {
    String before = scrape();
    Response filed = as("hotline").header("Idempotency-Key", UUID.randomUUID().toString())
        .post("/api/v1/complaints", ComplaintFixtures.apiBodyAtAHouseOfItsOwn());
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    String number = filed.json().get("number").asText();
    assertThat(as("hotline").post("/api/v1/complaints", Map.of("category", "WATER")).status()).isEqualTo(422);
    assertThat(anonymous().get("/api/v1/complaints/" + number).status()).isEqualTo(401);

    // its SLA deadline passes now: the job executor fires the timer within its polling interval
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("ComplaintProcess").singleResult().getId();
    assertThat(jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE PROCESS_INSTANCE_ID_ = ?"
        + " AND HANDLER_CFG_ LIKE 'BoundaryEvent_SlaBreached%'", instance)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> state(number).overdue());
    gauges.refresh();

    String after = scrape();
    assertThat(value(after, "cc_complaints_filed_total", "channel", "HOTLINE")
        - value(before, "cc_complaints_filed_total", "channel", "HOTLINE")).isEqualTo(1);
    assertThat(value(after, "cc_http_answers_total", "door", "api", "class", "4xx")
        - value(before, "cc_http_answers_total", "door", "api", "class", "4xx")).isGreaterThanOrEqualTo(2);
    assertThat(value(after, "cc_sla_breaches_total", "department", "water-utility")
        - value(before, "cc_sla_breaches_total", "department", "water-utility")).isEqualTo(1);
    assertThat(value(after, "cc_escalations_total", "department", "water-utility", "reason", "sla_breached")
        - value(before, "cc_escalations_total", "department", "water-utility", "reason", "sla_breached")).isEqualTo(1);
    double fired = value(after, "cc_timer_lateness_seconds_count", "timer", "BoundaryEvent_SlaBreached")
        - value(before, "cc_timer_lateness_seconds_count", "timer", "BoundaryEvent_SlaBreached");
    assertThat(fired).isEqualTo(1);
    double late = value(after, "cc_timer_lateness_seconds_sum", "timer", "BoundaryEvent_SlaBreached")
        - value(before, "cc_timer_lateness_seconds_sum", "timer", "BoundaryEvent_SlaBreached");
    assertThat(late).as("fired within the job executor's polling, not a minute late").isBetween(0.0, 30.0);
    assertThat(after).contains("cc_timer_lateness_seconds_bucket{");

    // the statutory term's timer starts an event sub-process; the forty-five days' intermediate timer
    // is entered then, and is not the one that fired
    // (the timer of an event sub-process's start names the sub-process)
    assertThat(jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE PROCESS_INSTANCE_ID_ = ?"
        + " AND HANDLER_CFG_ = 'SubProcess_StatutoryDeadline'", instance)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> state(number).statutoryDeadlinePassed());
    String later = scrape();
    assertThat(value(later, "cc_timer_lateness_seconds_count", "timer", "StartEvent_StatutoryDeadlinePassed")
        - value(after, "cc_timer_lateness_seconds_count", "timer", "StartEvent_StatutoryDeadlinePassed")).isEqualTo(1);
    assertThat(value(later, "cc_timer_lateness_seconds_count", "timer", "CatchEvent_StatutoryLimitReached")
        - value(after, "cc_timer_lateness_seconds_count", "timer", "CatchEvent_StatutoryLimitReached")).isZero();

    assertThat(value(after, "cc_open_tasks", "group", "water-utility")).isGreaterThanOrEqualTo(1);
    assertThat(value(after, "cc_open_tasks", "group", "water-utility-heads")).as("the heads' escalation task")
        .isGreaterThanOrEqualTo(1);
    assertThat(after).contains("cc_jobs_due{", "cc_jobs_overdue{", "cc_jobs_oldest_due_age_seconds{", "cc_jobs_failed{",
        "cc_incidents{", "type=\"failedJob\"", "cc_external_tasks_waiting{", "topic=\"citizen-notification-hotline\"",
        "cc_external_tasks_oldest_age_seconds{", "cc_gauges_age_seconds{");
    assertThat(value(after, "cc_external_tasks_waiting", "topic", "citizen-notification-hotline"))
        .as("the citizen's notifications wait for the hotline's adapter").isGreaterThanOrEqualTo(1);
    assertThat(after).as("no personal data in the metrics").doesNotContain("Коваленко", "+380671234567", "Олена");
  }

  @Test
  void classifierDeploymentsAreCountedDeployedOrRefused() {
    String analyst = Accounts.person(identityService, "metrics.analyst", "analysts");
    String before = scrape();
    Response refused = HttpApi.at(port, analyst, Accounts.PASSWORD).postMultipart("/api/v1/classifier/versions",
        Map.of(), Map.of("ComplaintRouting.dmn", "<definitions/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(refused.status()).isEqualTo(400);
    String after = scrape();
    assertThat(value(after, "cc_classifier_deployments_total", "outcome", "refused")
        - value(before, "cc_classifier_deployments_total", "outcome", "refused")).isEqualTo(1);
  }

  String scrape() {
    Response metrics = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD).get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    return metrics.body();
  }

  /** The sum of a metric's series whose labels include the given ones (0 when there is none). */
  static double value(String scrape, String name, String... labels) {
    double sum = 0;
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    Matcher matcher = line.matcher(scrape);
    while (matcher.find()) {
      boolean matches = true;
      for (int i = 0; i < labels.length; i += 2) {
        matches &= matcher.group(1).contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (matches) {
        sum += Double.parseDouble(matcher.group(2));
      }
    }
    return sum;
  }
}
