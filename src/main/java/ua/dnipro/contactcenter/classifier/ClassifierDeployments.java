package ua.dnipro.contactcenter.classifier;

import ua.dnipro.contactcenter.operations.OperationsMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.classifier.ClassifierVersions.ClassifierVersion;
import ua.dnipro.contactcenter.classifier.ClassifierVersions.Source;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * Deploys versions of the classifier, always through the gate, and keeps their history: from an
 * analyst's upload, from Camunda Modeler, as a roll-back, or as a release of the tables in the
 * repository's decisions/.
 */
@Service
public class ClassifierDeployments {

  private static final Logger LOG = LoggerFactory.getLogger(ClassifierDeployments.class);
  static final String DEPLOYMENT_NAME = "Класифікатор";
  static final List<String> FILES = List.of(ClassifierFiles.ROUTING_FILE, ClassifierFiles.SLA_FILE,
      ClassifierFiles.ROUTING_EXAMPLES, ClassifierFiles.SLA_EXAMPLES);

  private final ClassifierGate gate;
  private final ClassifierVersions versions;
  private final RepositoryService repositoryService;
  private final ObjectMapper json;
  private final ClassifierLock lock;
  private final OperationsMetrics metrics;

  ClassifierDeployments(ClassifierGate gate, ClassifierVersions versions, RepositoryService repositoryService,
      ObjectMapper json, ClassifierLock lock, OperationsMetrics metrics) {
    this.metrics = metrics;
    this.gate = gate;
    this.versions = versions;
    this.repositoryService = repositoryService;
    this.json = json;
    this.lock = lock;
  }

  /** Holds the classifier's lock for the current transaction (see {@link ClassifierLock}). */
  void lock() {
    lock.hold();
  }

  /** A version the gate refused, with every problem found. Nothing was deployed. */
  public static class ClassifierRejected extends RuntimeException {
    private final List<FieldViolation> problems;

    ClassifierRejected(List<FieldViolation> problems) {
      super(problems.size() + " problem(s): " + problems.stream().map(FieldViolation::message).limit(5).toList());
      this.problems = problems;
    }

    public List<FieldViolation> problems() {
      return problems;
    }
  }

  /**
   * Checks the uploaded files against the gate and, if they pass, deploys them as the new version.
   * Tables not uploaded stay as they are; the example cases in effect go with every version.
   */
  @Transactional
  public ClassifierVersion deploy(ClassifierFiles uploaded, String user, Source source, String comment,
      Long rolledBackTo) {
    // one change at a time on every node: this one is made, checked and recorded on top of the last
    lock.hold();
    ClassifierFiles current = current();
    List<FieldViolation> problems = gate.check(uploaded, current);
    if (!problems.isEmpty()) {
      metrics.classifierDeployment(source.name(), false);
      throw new ClassifierRejected(problems);
    }
    ClassifierFiles effective = ClassifierGate.effective(uploaded, current);
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME).source(source.name().toLowerCase(java.util.Locale.ROOT) + ":" + user);
    uploaded.tables().forEach((name, content) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(content)));
    for (String examples : List.of(ClassifierFiles.ROUTING_EXAMPLES, ClassifierFiles.SLA_EXAMPLES)) {
      byte[] content = effective.files().get(examples);
      if (content != null) {
        deployment.addInputStream(examples, new java.io.ByteArrayInputStream(content));
      }
    }
    Deployment deployed = deployment.deploy();
    long id = versions.add(deployed.getId(), EngineClock.now(), user, source, comment,
        latest(ClassifierCatalogue.ROUTING_DECISION).getVersion(), latest(ClassifierCatalogue.SLA_DECISION).getVersion(),
        effective.tablesHash(), changesJson(RuleChanges.between(current, effective)), rolledBackTo);
    ClassifierVersion version = versions.byId(id).orElseThrow();
    metrics.classifierDeployment(source.name(), true);
    LOG.info("Classifier version {} deployed by {} ({}): routing v{}, SLA v{}", id, user, source,
        version.routingVersion(), version.slaVersion());
    return version;
  }

  /** Deploys an earlier version again, as a new version, through the same gate. */
  @Transactional
  public ClassifierVersion rollBack(long versionId, String user) {
    ClassifierVersion target = versions.byId(versionId)
        .orElseThrow(() -> new java.util.NoSuchElementException("no classifier version " + versionId));
    return deploy(filesOf(target), user, Source.ROLLBACK, "roll-back to version " + versionId, versionId);
  }

  /** The files of the version in effect: the latest tables and the examples deployed with them. */
  public ClassifierFiles current() {
    return versions.latest().map(this::filesOf).orElseGet(this::deployedWithoutHistory);
  }

  /** The tables and examples of one version. */
  public ClassifierFiles filesOf(ClassifierVersion version) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(ClassifierFiles.ROUTING_FILE, resourceOf(ClassifierCatalogue.ROUTING_DECISION, version.routingVersion()));
    files.put(ClassifierFiles.SLA_FILE, resourceOf(ClassifierCatalogue.SLA_DECISION, version.slaVersion()));
    for (Resource resource : repositoryService.getDeploymentResources(version.deploymentId())) {
      if (resource.getName().endsWith(".examples.csv")) {
        files.put(resource.getName(), resource.getBytes());
      }
    }
    return new ClassifierFiles(files);
  }

  /** The tables in the repository's decisions/, shipped with this release of the application. */
  public ClassifierFiles shipped() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : FILES) {
      ClassPathResource resource = new ClassPathResource("decisions/" + name);
      if (resource.exists()) {
        try (InputStream in = resource.getInputStream()) {
          files.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new ClassifierFiles(files);
  }

  /** Tables deployed before versions were recorded (by an earlier release of this application). */
  private ClassifierFiles deployedWithoutHistory() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Optional.ofNullable(latestOrNull(ClassifierCatalogue.ROUTING_DECISION))
        .ifPresent(definition -> files.put(ClassifierFiles.ROUTING_FILE, bytes(definition)));
    Optional.ofNullable(latestOrNull(ClassifierCatalogue.SLA_DECISION))
        .ifPresent(definition -> files.put(ClassifierFiles.SLA_FILE, bytes(definition)));
    return new ClassifierFiles(files);
  }

  private byte[] resourceOf(String decision, int version) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision)
        .decisionDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new IllegalStateException(decision + " version " + version + " is not deployed any more");
    }
    return bytes(definition);
  }

  private byte[] bytes(DecisionDefinition definition) {
    try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DecisionDefinition latestOrNull(String decision) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision).latestVersion().singleResult();
  }

  private DecisionDefinition latest(String decision) {
    DecisionDefinition definition = latestOrNull(decision);
    if (definition == null) {
      throw new IllegalStateException(decision + " is not deployed");
    }
    return definition;
  }

  /** Records the tables deployed before versions were kept, as the release they came with. */
  @Transactional
  public ClassifierVersion adoptAsRelease(ClassifierFiles files) {
    DecisionDefinition routing = latest(ClassifierCatalogue.ROUTING_DECISION);
    long id = versions.add(routing.getDeploymentId(), EngineClock.now(), "system", Source.RELEASE,
        "tables deployed before versions were recorded", routing.getVersion(),
        latest(ClassifierCatalogue.SLA_DECISION).getVersion(), files.tablesHash(), "{}", null);
    return versions.byId(id).orElseThrow();
  }

  private String changesJson(Map<String, Map<String, List<String>>> changes) {
    try {
      return json.writeValueAsString(changes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
