package ua.dnipro.contactcenter.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The catalogue of categories and issue types, read from the deployed routing table: each rule that
 * names a category and an issue type is one entry, with its names from the rule's outputs and the
 * SLA tier the table gives it today. One source of truth: an analyst's new table version shows up
 * here at once. Built once per table version and month (the heating season changes tiers).
 */
@Component
public class ClassifierCatalogue {

  public static final String ROUTING_DECISION = "ComplaintRouting";
  public static final String SLA_DECISION = "SlaTier";

  private final RepositoryService repositoryService;
  private final DecisionService decisionService;
  private final ZoneId zone;
  private final Map<String, Catalogue> built = new ConcurrentHashMap<>();

  public ClassifierCatalogue(RepositoryService repositoryService, DecisionService decisionService,
      ContactCenterProperties properties) {
    this.repositoryService = repositoryService;
    this.decisionService = decisionService;
    this.zone = properties.timeZone();
  }

  /** The catalogue. */
  public record Catalogue(int routingVersion, List<Category> categories) {

    public Optional<Category> category(String code) {
      return categories.stream().filter(category -> category.code().equals(code)).findFirst();
    }

    public boolean contains(String category, String issueType) {
      return category(category).map(found -> found.issueType(issueType).isPresent()).orElse(false);
    }
  }

  /** A category with its issue types. */
  public record Category(String code, String nameUk, String nameEn, List<IssueType> issueTypes) {

    public Optional<IssueType> issueType(String code) {
      return issueTypes.stream().filter(issueType -> issueType.code().equals(code)).findFirst();
    }
  }

  /** An issue type, and the SLA tier and deadline the classifier gives it now. */
  public record IssueType(String code, String nameUk, String nameEn, String slaTier, String slaDuration,
      String department) {
  }

  public Catalogue current() {
    return LatestDecisions.use(repositoryService, ROUTING_DECISION, () -> repositoryService
        .createDecisionDefinitionQuery().decisionDefinitionKey(ROUTING_DECISION).latestVersion().singleResult(),
        this::catalogueOf);
  }

  private Catalogue catalogueOf(DecisionDefinition routing) {
    if (routing == null) {
      throw new IllegalStateException("no routing table is deployed");
    }
    int month = Instant.now().atZone(zone).getMonthValue();
    if (built.size() > 64) {
      built.clear(); // old versions and months
    }
    return built.computeIfAbsent(routing.getId() + "@" + month, key -> build(routing, month));
  }

  private Catalogue build(DecisionDefinition routing, int month) {
    DmnModelInstance model = repositoryService.getDmnModelInstance(routing.getId());
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).stream()
        .filter(candidate -> candidate.getParentElement().getAttributeValue("id").equals(ROUTING_DECISION))
        .findFirst().orElseThrow(() -> new IllegalStateException("the routing decision is not a table"));
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();

    Map<String, List<Rule>> rulesByCategory = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      List<UnaryTests> inputs = new ArrayList<>(rule.getInputEntries());
      String category = stringLiteral(inputs.get(0).getTextContent());
      String issueType = stringLiteral(inputs.get(1).getTextContent());
      if (category != null && issueType != null) {
        rulesByCategory.computeIfAbsent(category, code -> new ArrayList<>()).add(rule);
      }
    }
    Map<String, String> durations = new ConcurrentHashMap<>();
    List<Category> categories = new ArrayList<>();
    rulesByCategory.forEach((code, rules) -> {
      Map<String, IssueType> issueTypes = new LinkedHashMap<>();
      for (Rule rule : rules) {
        String issueType = stringLiteral(new ArrayList<>(rule.getInputEntries()).get(1).getTextContent());
        issueTypes.computeIfAbsent(issueType, type -> {
          Map<String, Object> today = routedToday(routing, code, type, month);
          String tier = (String) today.get("slaTier");
          return new IssueType(type, output(rule, outputs, "issueTypeNameUk"), output(rule, outputs, "issueTypeNameEn"),
              tier, tier == null ? null : durations.computeIfAbsent(tier, this::duration),
              (String) today.get("department"));
        });
      }
      Rule first = rules.get(0);
      categories.add(new Category(code, output(first, outputs, "categoryNameUk"), output(first, outputs, "categoryNameEn"),
          List.copyOf(issueTypes.values())));
    });
    return new Catalogue(routing.getVersion(), List.copyOf(categories));
  }

  /** Where the table routes the issue type this month: its tier and department (empty if nowhere). */
  private Map<String, Object> routedToday(DecisionDefinition routing, String category, String issueType, int month) {
    var answer = decisionService.evaluateDecisionById(routing.getId())
        .variables(Variables.putValue("category", category).putValue("issueType", issueType)
            .putValue("receivedMonth", month))
        .evaluate().getFirstResult();
    return answer == null ? Map.of() : answer.getEntryMap();
  }

  /** The tier's deadline, or none if the SLA table has no terms for it (the process reports that as a fault). */
  private String duration(String tier) {
    if (tier == null) {
      return null;
    }
    var answer = decisionService.evaluateDecisionByKey(SLA_DECISION).variables(Variables.putValue("slaTier", tier))
        .evaluate().getFirstResult();
    return answer == null ? null : answer.getEntry("slaDuration");
  }

  private static String output(Rule rule, List<String> outputs, String name) {
    int index = outputs.indexOf(name);
    if (index < 0) {
      return null;
    }
    return stringLiteral(new ArrayList<>(rule.getOutputEntries()).get(index).getTextContent());
  }

  /** The value of a FEEL string literal such as {@code "WATER"}; null for anything else ("-", lists, ranges). */
  public static String stringLiteral(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
        && trimmed.indexOf('"', 1) == trimmed.length() - 1) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    return null;
  }
}
