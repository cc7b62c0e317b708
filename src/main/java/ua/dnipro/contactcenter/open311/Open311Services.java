package ua.dnipro.contactcenter.open311;

import static ua.dnipro.contactcenter.open311.GeoReport.fields;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * Open311's services: one per issue type of the deployed classifier ({@code WATER-NO_WATER}), named
 * as the classifier names it, grouped by its category. What the Law "On Citizens' Appeals" asks of
 * a filing beyond Open311's core fields is each service's attributes: the applicant's patronymic
 * (optional) and address (required), and the district.
 */
@Component
class Open311Services {

  static final String PATRONYMIC = "patronymic";
  static final String APPLICANT_ADDRESS = "applicant_address";
  static final String DISTRICT = "district";
  private static final String SEPARATOR = "-";
  private static final Map<String, String> TIERS = Map.of("EMERGENCY", "аварійне", "SHORT", "короткострокове",
      "MEDIUM", "середньострокове", "LONG", "довгострокове");
  private static final DateTimeFormatter CHANGESET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ClassifierCatalogue classifier;
  private final RepositoryService repositoryService;
  private final ContactCenterProperties properties;

  Open311Services(ClassifierCatalogue classifier, RepositoryService repositoryService,
      ContactCenterProperties properties) {
    this.classifier = classifier;
    this.repositoryService = repositoryService;
    this.properties = properties;
  }

  static String code(String category, String issueType) {
    return category + SEPARATOR + issueType;
  }

  /** A service of GeoReport v2: one issue type of a category. */
  record Service(String category, String issueType) {
  }

  /** The category and issue type of a service of the deployed classifier. */
  Optional<Service> find(String serviceCode) {
    int separator = serviceCode == null ? -1 : serviceCode.indexOf(SEPARATOR);
    if (separator <= 0) {
      return Optional.empty();
    }
    String category = serviceCode.substring(0, separator);
    String issueType = serviceCode.substring(separator + 1);
    return classifier.current().contains(category, issueType) ? Optional.of(new Service(category, issueType))
        : Optional.empty();
  }

  /** The deployed classifier's catalogue: read once per answer. */
  ClassifierCatalogue.Catalogue catalogue() {
    return classifier.current();
  }

  /** The issue type's name (its code, for one the classifier no longer has). */
  static String name(ClassifierCatalogue.Catalogue catalogue, String category, String issueType) {
    return catalogue.category(category).flatMap(c -> c.issueType(issueType))
        .map(ClassifierCatalogue.IssueType::nameUk).orElse(issueType);
  }

  List<Map<String, Object>> list() {
    List<Map<String, Object>> services = new ArrayList<>();
    for (ClassifierCatalogue.Category category : classifier.current().categories()) {
      for (ClassifierCatalogue.IssueType issueType : category.issueTypes()) {
        String tier = issueType.slaTier();
        services.add(fields("service_code", code(category.code(), issueType.code()),
            "service_name", issueType.nameUk(),
            "description", category.nameUk() + ": " + issueType.nameUk()
                + (tier == null ? "" : ". Строк розгляду: " + TIERS.getOrDefault(tier, tier)
                    + (issueType.slaDuration() == null ? "" : " (" + issueType.slaDuration() + ")")),
            "metadata", true,
            "type", "realtime",
            "keywords", String.join(", ", category.code().toLowerCase(java.util.Locale.ROOT),
                tier == null ? "" : tier.toLowerCase(java.util.Locale.ROOT)).replaceAll(", $", ""),
            "group", category.nameUk()));
      }
    }
    return services;
  }

  Map<String, Object> definition(String serviceCode) {
    List<Map<String, Object>> districts = properties.districts().stream()
        .map(district -> fields("key", district.code(), "name", district.name())).toList();
    return fields("service_code", serviceCode, "attributes", List.of(
        fields("variable", true, "code", APPLICANT_ADDRESS, "datatype", "string", "required", true,
            "datatype_description", "вулиця, будинок, квартира",
            "order", 1, "description", "Адреса заявника (Закон України «Про звернення громадян», ст. 5)"),
        fields("variable", true, "code", PATRONYMIC, "datatype", "string", "required", false,
            "datatype_description", null, "order", 2, "description", "По батькові заявника"),
        fields("variable", true, "code", DISTRICT, "datatype", "singlevaluelist", "required", false,
            "datatype_description", null, "order", 3, "description", "Район міста, де проблема",
            "values", districts)));
  }

  /** When the services last changed: the deployment of the classifier's routing table, in Kyiv time. */
  String changeset() {
    DecisionDefinition routing = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ClassifierCatalogue.ROUTING_DECISION).latestVersion().singleResult();
    if (routing == null) {
      return "";
    }
    var deployment = repositoryService.createDeploymentQuery().deploymentId(routing.getDeploymentId()).singleResult();
    ZoneId zone = properties.timeZone();
    return deployment == null || deployment.getDeploymentTime() == null ? "v" + routing.getVersion()
        : CHANGESET.format(deployment.getDeploymentTime().toInstant().atZone(zone));
  }
}
