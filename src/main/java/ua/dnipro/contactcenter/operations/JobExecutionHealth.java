package ua.dnipro.contactcenter.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of a node's readiness (health contributor {@code jobExecution}): where this node executes
 * jobs (timers, asynchronous continuations), its job executor must be running; a node configured
 * without job execution ({@code camunda.bpm.job-execution.enabled: false}) is ready without one.
 */
@Component("jobExecutionHealthIndicator")
class JobExecutionHealth implements HealthIndicator {

  private final ProcessEngine processEngine;
  private final boolean enabled;

  JobExecutionHealth(ProcessEngine processEngine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    this.processEngine = processEngine;
    this.enabled = enabled;
  }

  @Override
  public Health health() {
    if (!enabled) {
      return Health.up().withDetail("jobExecution", "not on this node").build();
    }
    JobExecutor executor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getJobExecutor();
    return executor != null && executor.isActive() ? Health.up().withDetail("jobExecutor", "running").build()
        : Health.down().withDetail("jobExecutor", "not running").build();
  }
}
