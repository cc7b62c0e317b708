package ua.dnipro.contactcenter.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What happened to complaints, counted for the operators' Prometheus (docs/operations.md, "Metrics and alerts"): per
 * node, from its start, and only once the transaction that did it has committed, so that a step the
 * engine retries after a conflict is counted once. Sum them over the nodes.
 *
 * <p>Codes only (channels, departments, tiers): never anything of an applicant.
 */
@Component
public class OperationsMetrics {

  /** Why work went up a level. */
  public enum Escalation {
    /** the SLA deadline passed: the department's heads are given the complaint */
    SLA_BREACHED,
    /** still open long after the SLA deadline: the controllers */
    STILL_OPEN_AFTER_SLA,
    /** the dispatchers did not re-classify in time: the controllers see it */
    RECLASSIFICATION_OVERDUE,
    /** the statutory term of the law passed */
    STATUTORY_DEADLINE_PASSED,
    /** the statutory limit (45 days) passed: a violation, to the controllers */
    STATUTORY_LIMIT_PASSED,
    /** an emergency nobody took within the claim period: the duty staff again */
    EMERGENCY_NOT_TAKEN
  }

  static final String NONE = "none";

  private final MeterRegistry registry;

  public OperationsMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A complaint accepted from a channel (not a repeated request with the same Idempotency-Key). */
  public void complaintFiled(String channel) {
    afterCommit(() -> Counter.builder("cc.complaints.filed").description("Complaints filed, per channel")
        .tag("channel", code(channel)).register(registry).increment());
  }

  /** The SLA deadline of a complaint passed with the complaint still open (once per department's work). */
  public void slaBreached(String department, String tier) {
    afterCommit(() -> Counter.builder("cc.sla.breaches").description("SLA deadlines passed with the complaint open")
        .tag("department", code(department)).tag("tier", code(tier)).register(registry).increment());
  }

  public void escalated(String department, Escalation reason) {
    afterCommit(() -> Counter.builder("cc.escalations").description("Escalations, per department and reason")
        .tag("department", code(department)).tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry).increment());
  }

  /** An analyst's (or Modeler's, or the release's) classifier deployment: deployed or refused by the gate. */
  public void classifierDeployment(String source, boolean deployed) {
    Runnable count = () -> Counter.builder("cc.classifier.deployments").description("Classifier deployments")
        .tag("source", code(source)).tag("outcome", deployed ? "deployed" : "refused").register(registry).increment();
    if (deployed) {
      afterCommit(count);
    } else {
      count.run();
    }
  }

  /** A timer fired: how long after its due date (the job executor's delay, and any backlog). */
  public void timerFired(String timer, Duration lateness) {
    Duration late = lateness.isNegative() ? Duration.ZERO : lateness;
    afterCommit(() -> Timer.builder("cc.timer.lateness")
        .description("How long after its due date a timer fired")
        .tag("timer", code(timer)).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofHours(1))
        .register(registry).record(late));
  }

  private static String code(String value) {
    return Objects.requireNonNullElse(value, NONE);
  }

  private static void afterCommit(Runnable count) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          count.run();
        }
      });
    } else {
      count.run();
    }
  }
}
