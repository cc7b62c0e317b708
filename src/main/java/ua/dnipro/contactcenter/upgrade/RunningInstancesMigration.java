package ua.dnipro.contactcenter.upgrade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.Precedence;

/**
 * Running complaints go on on a release's corrected models: at start, the instances of each
 * process's previous version move to its latest version with Camunda's migration API, when
 * <ul>
 *   <li>both versions carry the same {@code camunda:versionTag} (none counts as the same): a release
 *       whose model cannot take the running instances (another meaning of a variable, a step that
 *       must not be skipped) changes the tag, and its predecessor's instances finish on their own
 *       version, as before;</li>
 *   <li>the instance waits only in activities the latest version has (activities are mapped by
 *       id; an instance in an activity the new version dropped stays, and is tried again at the
 *       next start).</li>
 * </ul>
 * Timers, messages and tasks keep their dates and assignments; a boundary event the new version adds
 * to a waiting activity is created (its timer computed from the instance's variables). The move is
 * a Camunda batch: its jobs run on every node's job executor, and a node that finds a migration batch
 * still running starts none. Off with {@code contact-center.upgrade.migrate-running-instances: false}.
 */
@Component
@Order(Precedence.StartUp.RUNNING_INSTANCES_MIGRATION)
public class RunningInstancesMigration implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RunningInstancesMigration.class);

  private final ProcessEngine engine;
  private final boolean enabled;

  @Autowired
  RunningInstancesMigration(ProcessEngine engine, ContactCenterProperties properties) {
    this(engine, properties.upgrade().migrateRunningInstances());
  }

  public RunningInstancesMigration(ProcessEngine engine, boolean enabled) {
    this.engine = engine;
    this.enabled = enabled;
  }

  /** What one process's migration did: from which version to which, how many instances moved and stayed. */
  public record Migration(String key, int fromVersion, int toVersion, int moving, int staying, Batch batch) {
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      LOG.info("Running instances stay on their process versions (contact-center.upgrade.migrate-running-instances)");
      return;
    }
    var management = engine.getManagementService();
    for (Batch batch : management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list()) {
      boolean working = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).count() > 0
          || management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withRetriesLeft().count() > 0;
      if (working) {
        LOG.info("A migration of running instances is still under way (batch {}): none started by this node",
            batch.getId());
        return;
      }
      LOG.warn("Migration batch {} has failed jobs (incidents in Cockpit: instances that could not move);"
          + " the others are migrated anew", batch.getId());
    }
    migrateAll();
  }

  /** Starts the migrations of every process whose previous version has running instances. */
  public List<Migration> migrateAll() {
    Set<String> keys = new LinkedHashSet<>();
    engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
        .forEach(definition -> keys.add(definition.getKey()));
    List<Migration> migrations = new ArrayList<>();
    for (String key : keys) {
      migrate(key).ifPresent(migrations::add);
    }
    return migrations;
  }

  /** Whether the definition's model is, byte for byte, one of this node's {@code processes/} files. */
  boolean shippedByThisNode(ProcessDefinition definition) {
    String name = definition.getResourceName().replace('\\', '/');
    int at = name.lastIndexOf("processes/");
    if (at < 0) {
      return false;
    }
    var shipped = new org.springframework.core.io.ClassPathResource(name.substring(at));
    if (!shipped.exists()) {
      return false;
    }
    try (var deployed = engine.getRepositoryService().getResourceAsStream(definition.getDeploymentId(),
        definition.getResourceName()); var own = shipped.getInputStream()) {
      return java.util.Arrays.equals(deployed.readAllBytes(), own.readAllBytes());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Starts moving the instances of the key's previous version to its latest, if they may move. */
  public Optional<Migration> migrate(String key) {
    var repository = engine.getRepositoryService();
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .withoutTenantId().singleResult();
    if (latest == null || latest.getVersion() == 1) {
      return Optional.empty();
    }
    ProcessDefinition previous = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(latest.getVersion() - 1).withoutTenantId().singleResult();
    var runtime = engine.getRuntimeService();
    if (previous == null || runtime.createProcessInstanceQuery().processDefinitionId(previous.getId()).count() == 0) {
      return Optional.empty();
    }
    if (!shippedByThisNode(latest)) {
      // a node of another release deployed the latest: it is not this node's to move instances onto
      // (a node of an older release restarted during an upgrade would otherwise move them back)
      LOG.info("{} v{} is not the model this node ships: its running instances are left to the nodes that ship it",
          key, latest.getVersion());
      return Optional.empty();
    }
    if (!Objects.equals(previous.getVersionTag(), latest.getVersionTag())) {
      LOG.info("{} v{} ({}) and v{} ({}) differ in version tag: running instances stay on v{}", key,
          previous.getVersion(), previous.getVersionTag(), latest.getVersion(), latest.getVersionTag(),
          previous.getVersion());
      return Optional.empty();
    }
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(previous.getId(), latest.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      LOG.warn("{} v{} cannot be migrated to v{}: {}", key, previous.getVersion(), latest.getVersion(), e.getMessage());
      return Optional.empty();
    }
    Set<String> mapped = new HashSet<>();
    for (MigrationInstruction instruction : plan.getInstructions()) {
      mapped.add(instruction.getSourceActivityId());
    }
    Set<String> staying = new HashSet<>();
    for (FlowNode node : repository.getBpmnModelInstance(previous.getId()).getModelElementsByType(FlowNode.class)) {
      // an embedded sub-process is a scope the instance is in while it waits in one of its activities
      if (!mapped.contains(node.getId()) && !(node instanceof SubProcess)) {
        runtime.createExecutionQuery().processDefinitionId(previous.getId()).activityId(node.getId()).list()
            .forEach(execution -> staying.add(execution.getProcessInstanceId()));
      }
    }
    List<String> moving = new ArrayList<>();
    runtime.createProcessInstanceQuery().processDefinitionId(previous.getId()).list().stream()
        .map(instance -> instance.getId()).filter(id -> !staying.contains(id)).forEach(moving::add);
    if (moving.isEmpty()) {
      return Optional.empty();
    }
    Batch batch = runtime.newMigration(plan).processInstanceIds(moving).skipCustomListeners().skipIoMappings()
        .executeAsync();
    LOG.info("{}: migrating {} running instances from v{} to v{} (batch {}); {} stay on v{} (waiting where v{} has no"
            + " such step)", key, moving.size(), previous.getVersion(), latest.getVersion(), batch.getId(),
        staying.size(), previous.getVersion(), latest.getVersion());
    return Optional.of(new Migration(key, previous.getVersion(), latest.getVersion(), moving.size(), staying.size(), batch));
  }
}
