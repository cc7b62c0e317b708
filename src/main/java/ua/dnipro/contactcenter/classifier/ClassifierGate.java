package ua.dnipro.contactcenter.classifier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * What a classifier version must pass before anything of it takes effect, in this order, each
 * step only if the one before found nothing: the {@link FilePolicy files}, each table's
 * {@link TableShape shape}, then the {@link SlaRules SLA rules}, the {@link RoutingCoverage routing
 * coverage} and the analysts' {@link ExampleCases example cases}. The rules are plain classes; this
 * one gives them what only the running system knows: the deployed version and the existing groups.
 */
@Component
public class ClassifierGate {

  private final IdentityService identityService;
  private final ContactCenterProperties properties;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  public ClassifierGate(IdentityService identityService, ContactCenterProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  /**
   * Checks the uploaded files, completed by the deployed version's for what was not uploaded.
   *
   * @param uploaded the files an analyst sent
   * @param deployed the files of the version in effect (empty before the first deployment)
   * @return every problem found; none means the version may be deployed
   */
  public List<FieldViolation> check(ClassifierFiles uploaded, ClassifierFiles deployed) {
    return check(uploaded, deployed, existingDepartments());
  }

  List<FieldViolation> check(ClassifierFiles uploaded, ClassifierFiles deployed, Set<String> departments) {
    Violations problems = new Violations();
    FilePolicy.check(uploaded, problems);
    if (!problems.isEmpty()) {
      return problems.list();
    }
    ClassifierFiles effective = effective(uploaded, deployed);
    DmnModelInstance routingModel = TableShape.ROUTING.read(effective, problems);
    DmnModelInstance slaModel = TableShape.SLA.read(effective, problems);
    for (TableShape absent : List.of(TableShape.ROUTING, TableShape.SLA)) {
      if (!effective.files().containsKey(absent.file())) {
        problems.add(absent.file(), "missing-table", "the " + (absent == TableShape.SLA ? "SLA" : "routing")
            + " table is needed");
      }
    }
    if (!problems.isEmpty()) {
      return problems.list();
    }
    DecisionTable routingTable = TableShape.ROUTING.check(routingModel, problems);
    DecisionTable slaTable = TableShape.SLA.check(slaModel, problems);
    if (!problems.isEmpty()) {
      return problems.list();
    }
    DmnDecision routing = TableShape.ROUTING.evaluable(effective, dmn, problems);
    DmnDecision sla = TableShape.SLA.evaluable(effective, dmn, problems);
    if (!problems.isEmpty()) {
      return problems.list();
    }
    Set<String> tiers = new SlaRules(dmn).check(slaTable, sla, problems);
    new RoutingCoverage(dmn).check(routingTable, routing, deployed, departments, tiers, problems);
    new ExampleCases(dmn).check(effective, routing, sla, problems);
    return problems.list();
  }

  /** The uploaded tables and examples, and the deployed ones where none was uploaded. */
  public static ClassifierFiles effective(ClassifierFiles uploaded, ClassifierFiles deployed) {
    Map<String, byte[]> files = new TreeMap<>(deployed.files());
    files.putAll(uploaded.files());
    return new ClassifierFiles(files);
  }

  /** The configured departments that exist as groups, and the dispatchers, who take what no rule routes. */
  private Set<String> existingDepartments() {
    Set<String> existing = identityService.createGroupQuery().list().stream().map(Group::getId).collect(Collectors.toSet());
    Set<String> departments = properties.departments().stream().map(ContactCenterProperties.Department::id)
        .filter(existing::contains).collect(Collectors.toSet());
    departments.add(CityGroups.DISPATCHERS);
    return departments;
  }
}
