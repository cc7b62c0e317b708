package ua.dnipro.contactcenter.classifier;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.complaint.CalendarDuration;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * What a classifier version must pass before anything of it takes effect. Files: only decision
 * tables and example cases, plain XML (no DOCTYPE, no entities), only the routing and SLA decisions,
 * only FEEL. Tables: the inputs and outputs the process reads; an answer for every category and
 * issue type (those of the deployed catalogue and those of the new table), in every month, with a
 * department that is an existing group and a tier the SLA table knows; a catch-all to the
 * dispatchers; valid ISO-8601 durations; and all the analysts' example cases.
 */
@Component
public class ClassifierGate {

  static final Set<String> ROUTING_INPUTS = Set.of("category", "issueType");
  static final Set<String> ROUTING_OUTPUTS = Set.of("department", "slaTier", "categoryNameUk", "categoryNameEn",
      "issueTypeNameUk", "issueTypeNameEn", "needsStudy");
  /** What the process gives the routing table: the complaint's category, issue type and month of receipt. */
  static final Set<String> ROUTING_GIVEN = Set.of("category", "issueType", "receivedMonth");
  static final Set<String> SLA_INPUTS = Set.of("slaTier");
  static final Set<String> SLA_OUTPUTS = Set.of("slaDuration", "taskPriority", "secondEscalationAfter", "reminderBefore");
  static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/DMN/20191111/FEEL/",
      "http://www.omg.org/spec/FEEL/20140401", "https://www.omg.org/spec/FEEL/20140401");
  static final String UNKNOWN_CODE = "__NOT_IN_ANY_CATALOGUE__";
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d{1,9}(\\.\\d{1,9})?");
  private static final Set<String> BOOLEAN = Set.of("true", "false");

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
    Violations problems = new Violations();
    checkFiles(uploaded, problems);
    if (!problems.isEmpty()) {
      return problems.list();
    }
    ClassifierFiles effective = effective(uploaded, deployed);
    DmnModelInstance routingModel = model(effective, ClassifierFiles.ROUTING_FILE, problems);
    DmnModelInstance slaModel = model(effective, ClassifierFiles.SLA_FILE, problems);
    if (routingModel == null || slaModel == null) {
      if (routingModel == null && effective.files().get(ClassifierFiles.ROUTING_FILE) == null) {
        problems.add(ClassifierFiles.ROUTING_FILE, "missing-table", "the routing table is needed");
      }
      if (slaModel == null && effective.files().get(ClassifierFiles.SLA_FILE) == null) {
        problems.add(ClassifierFiles.SLA_FILE, "missing-table", "the SLA table is needed");
      }
      return problems.list();
    }
    DecisionTable routingTable = table(routingModel, ClassifierCatalogue.ROUTING_DECISION, ClassifierFiles.ROUTING_FILE,
        ROUTING_INPUTS, ROUTING_OUTPUTS, problems);
    DecisionTable slaTable = table(slaModel, ClassifierCatalogue.SLA_DECISION, ClassifierFiles.SLA_FILE,
        SLA_INPUTS, SLA_OUTPUTS, problems);
    if (!problems.isEmpty()) {
      return problems.list();
    }
    DmnDecision routing = parse(effective, ClassifierFiles.ROUTING_FILE, ClassifierCatalogue.ROUTING_DECISION, problems);
    DmnDecision sla = parse(effective, ClassifierFiles.SLA_FILE, ClassifierCatalogue.SLA_DECISION, problems);
    if (!problems.isEmpty()) {
      return problems.list();
    }
    Set<String> tiers = checkSlaTable(slaTable, sla, problems);
    checkRouting(routingTable, routing, deployed, tiers, problems);
    checkExamples(effective, routing, sla, problems);
    return problems.list();
  }

  /** The uploaded tables and examples, and the deployed ones where none was uploaded. */
  public static ClassifierFiles effective(ClassifierFiles uploaded, ClassifierFiles deployed) {
    Map<String, byte[]> files = new java.util.TreeMap<>(deployed.files());
    files.putAll(uploaded.files());
    return new ClassifierFiles(files);
  }

  // --- files ---------------------------------------------------------------------------------

  private void checkFiles(ClassifierFiles uploaded, Violations problems) {
    if (uploaded.files().isEmpty()) {
      problems.add("files", "required", "upload the routing table, the SLA table, or both (.dmn)");
    }
    Set<String> allowed = Set.of(ClassifierFiles.ROUTING_FILE, ClassifierFiles.SLA_FILE,
        ClassifierFiles.ROUTING_EXAMPLES, ClassifierFiles.SLA_EXAMPLES);
    uploaded.files().forEach((name, content) -> {
      if (!allowed.contains(name)) {
        problems.add(name, "file-type", "only the decision tables " + ClassifierFiles.ROUTING_FILE + " and "
            + ClassifierFiles.SLA_FILE + " and their example files may be deployed here; no processes, forms or scripts");
        return;
      }
      String text = new String(content, StandardCharsets.UTF_8);
      String upper = text.toUpperCase(Locale.ROOT);
      if (name.endsWith(".dmn") && (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY"))) {
        problems.add(name, "xml-doctype", "a DOCTYPE or entity declaration is not allowed in a decision table");
      }
    });
  }

  private DmnModelInstance model(ClassifierFiles files, String name, Violations problems) {
    byte[] content = files.files().get(name);
    if (content == null) {
      return null;
    }
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      problems.add(name, "parse", "is not a DMN 1.3 file: " + rootMessage(e));
      return null;
    }
  }

  private DecisionTable table(DmnModelInstance model, String decisionId, String file, Set<String> inputs,
      Set<String> outputs, Violations problems) {
    checkDom(model.getDocument().getRootElement(), file, problems);
    DecisionTable found = null;
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (!decisionId.equals(decision.getId())) {
        problems.add(file, "unknown-decision", "decision '" + decision.getId() + "' is not part of the classifier; "
            + file + " holds only " + decisionId);
      } else if (!(decision.getExpression() instanceof DecisionTable table)) {
        problems.add(file, "not-a-table", decisionId + " must be a decision table");
      } else {
        found = table;
      }
    }
    if (found == null) {
      if (problems.isEmpty()) {
        problems.add(file, "missing-decision", file + " must hold the decision " + decisionId);
      }
      return null;
    }
    Set<String> inputExpressions = found.getInputs().stream()
        .map(input -> input.getInputExpression() == null ? null : input.getInputExpression().getTextContent().trim())
        .filter(Objects::nonNull).collect(Collectors.toSet());
    for (String input : inputs) {
      if (!inputExpressions.contains(input)) {
        problems.add(file, "missing-input", decisionId + " must have an input with the expression '" + input + "'");
      }
    }
    // the process gives a table exactly these, and nothing else of the complaint
    Set<String> given = ClassifierCatalogue.ROUTING_DECISION.equals(decisionId) ? ROUTING_GIVEN : SLA_INPUTS;
    for (Input input : found.getInputs()) {
      String expression = input.getInputExpression() == null ? null : input.getInputExpression().getTextContent();
      if (expression == null || !given.contains(expression.trim())) {
        problems.add(file, "unknown-input", decisionId + " is given only " + given.stream().sorted().toList()
            + "; an input '" + (expression == null ? "" : expression.trim()) + "' would always be empty");
      }
    }
    Set<String> outputNames = found.getOutputs().stream().map(Output::getName).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    for (String output : outputs) {
      if (!outputNames.contains(output)) {
        problems.add(file, "missing-output", decisionId + " must have the output '" + output + "' the process reads");
      }
    }
    checkLiteralOutputs(found, file, problems);
    HitPolicy hitPolicy = found.getHitPolicy();
    if (hitPolicy != HitPolicy.FIRST && hitPolicy != HitPolicy.UNIQUE) {
      problems.add(file, "hit-policy", decisionId + " must give exactly one answer: hit policy FIRST or UNIQUE, not " + hitPolicy);
    }
    return found;
  }

  /**
   * Every answer of a table is a value an analyst wrote, a text in quotes or a number: an expression
   * in an output would compute the answer at run time, from whatever it can reach, and such an answer
   * ends up in public statistics and in what channels show to citizens.
   */
  private static void checkLiteralOutputs(DecisionTable table, String file, Violations problems) {
    for (Rule rule : table.getRules()) {
      for (OutputEntry entry : rule.getOutputEntries()) {
        String text = entry.getTextContent() == null ? "" : entry.getTextContent().trim();
        if (ClassifierCatalogue.stringLiteral(text) == null && !NUMBER.matcher(text).matches() && !BOOLEAN.contains(text)) {
          problems.add(rule.getId() == null ? file : rule.getId(), "literal-output", "each answer is a text in quotes, "
              + "a number, true or false, not an expression: '" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'");
        }
      }
    }
  }

  /** Only FEEL: a JUEL, JavaScript or Groovy expression would run arbitrary code in the engine. */
  private static void checkDom(org.camunda.bpm.model.xml.instance.DomElement dom, String file, Violations problems) {
    String language = dom.getAttribute("expressionLanguage");
    if (language != null && !FEEL.contains(language.trim().toLowerCase(Locale.ROOT)) && !FEEL.contains(language.trim())) {
      problems.add(file, "expression-language", dom.getLocalName() + " uses the expression language '" + language
          + "'; only FEEL is allowed");
    }
    dom.getChildElements().forEach(child -> checkDom(child, file, problems));
  }

  private DmnDecision parse(ClassifierFiles files, String name, String decisionId, Violations problems) {
    try {
      return dmn.parseDecision(decisionId, new ByteArrayInputStream(files.files().get(name)));
    } catch (RuntimeException e) {
      problems.add(name, "parse", "cannot be evaluated: " + rootMessage(e));
      return null;
    }
  }

  // --- the SLA table ---------------------------------------------------------------------------

  private Set<String> checkSlaTable(DecisionTable table, DmnDecision sla, Violations problems) {
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    Set<String> tiers = new LinkedHashSet<>();
    for (Rule rule : table.getRules()) {
      List<String> inputs = rule.getInputEntries().stream().map(InputEntry::getTextContent).toList();
      String tier = ClassifierCatalogue.stringLiteral(inputs.get(0));
      if (tier == null) {
        problems.add(rule.getId(), "tier-literal", "each SLA rule names one tier as a string, such as \"EMERGENCY\"");
        continue;
      }
      tiers.add(tier);
      List<String> entries = rule.getOutputEntries().stream().map(OutputEntry::getTextContent).toList();
      for (String duration : List.of("slaDuration", "secondEscalationAfter", "reminderBefore")) {
        String text = ClassifierCatalogue.stringLiteral(entries.get(outputs.indexOf(duration)));
        try {
          CalendarDuration.parse(text);
        } catch (IllegalArgumentException e) {
          problems.add(rule.getId(), "duration", tier + ": " + duration + " " + e.getMessage());
        }
      }
      String priority = entries.get(outputs.indexOf("taskPriority")).trim();
      if (!priority.matches("\\d{1,3}") || Integer.parseInt(priority) > 100) {
        problems.add(rule.getId(), "priority", tier + ": taskPriority must be a whole number from 0 to 100, was " + priority);
      }
    }
    for (String tier : tiers) {
      try {
        if (dmn.evaluateDecision(sla, Variables.putValue("slaTier", tier)).size() != 1) {
          problems.add(ClassifierFiles.SLA_FILE, "tier-answer", "the SLA table must answer exactly once for " + tier);
        }
      } catch (RuntimeException e) {
        problems.add(ClassifierFiles.SLA_FILE, "evaluation", tier + ": " + rootMessage(e));
      }
    }
    return tiers;
  }

  // --- the routing table -----------------------------------------------------------------------

  private void checkRouting(DecisionTable table, DmnDecision routing, ClassifierFiles deployed, Set<String> tiers,
      Violations problems) {
    Set<String> departments = existingDepartments();
    Set<List<String>> cases = new LinkedHashSet<>(catalogueOf(table));
    deployed.text(ClassifierFiles.ROUTING_FILE).ifPresent(xml -> {
      try {
        var model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        model.getModelElementsByType(DecisionTable.class).forEach(deployedTable -> cases.addAll(catalogueOf(deployedTable)));
      } catch (RuntimeException unreadable) {
        // the deployed version was read by the engine; a failure here only narrows the check
      }
    });
    Set<String> reported = new HashSet<>();
    for (List<String> codes : cases) {
      for (int month = 1; month <= 12; month++) {
        String where = codes.get(0) + "/" + codes.get(1);
        DmnDecisionResult result;
        try {
          result = dmn.evaluateDecision(routing, routingInput(codes.get(0), codes.get(1), month));
        } catch (RuntimeException e) {
          if (reported.add(where + "evaluation")) {
            problems.add(where, "evaluation", "cannot be decided: " + rootMessage(e));
          }
          continue;
        }
        if (result.size() != 1) {
          if (reported.add(where + "unanswered")) {
            problems.add(where, "unanswered", "the routing table gives " + result.size()
                + " answers for it in month " + month + "; it must give exactly one");
          }
          continue;
        }
        String department = result.getSingleResult().getEntry("department");
        String tier = result.getSingleResult().getEntry("slaTier");
        Object needsStudy = result.getSingleResult().getEntry("needsStudy");
        if (!(needsStudy instanceof Boolean) && reported.add(where + "needsStudy")) {
          problems.add(where, "statutory-term", "needsStudy must be true (the statutory term is a month) or false "
              + "(fifteen days: no additional study, Law \"On Citizens' Appeals\", art. 20), was " + needsStudy);
        }
        if (!departments.contains(department) && reported.add(where + "department")) {
          problems.add(where, "unknown-department", "routes to '" + department + "', which is not a group; known: "
              + departments.stream().sorted().collect(Collectors.joining(", ")));
        }
        if (!tiers.contains(tier) && reported.add(where + "tier")) {
          problems.add(where, "unknown-tier", "gets the tier '" + tier + "', which the SLA table does not know; known: " + tiers);
        }
      }
    }
    try {
      DmnDecisionResult unknown = dmn.evaluateDecision(routing, routingInput(UNKNOWN_CODE, UNKNOWN_CODE, 1));
      if (unknown.size() != 1 || !CityGroups.DISPATCHERS.equals(unknown.getSingleResult().getEntry("department"))) {
        problems.add(ClassifierFiles.ROUTING_FILE, "catch-all",
            "an unknown category or issue type must go to the dispatchers: keep the catch-all rule (all '-') last");
      }
    } catch (RuntimeException e) {
      problems.add(ClassifierFiles.ROUTING_FILE, "catch-all", "an unknown category cannot be decided: " + rootMessage(e));
    }
  }

  /** The category and issue type codes a table names, as [category, issueType] pairs. */
  static List<List<String>> catalogueOf(DecisionTable table) {
    List<Input> inputs = List.copyOf(table.getInputs());
    int category = indexOf(inputs, "category");
    int issueType = indexOf(inputs, "issueType");
    List<List<String>> cases = new ArrayList<>();
    if (category < 0 || issueType < 0) {
      return cases;
    }
    for (Rule rule : table.getRules()) {
      List<String> entries = rule.getInputEntries().stream().map(InputEntry::getTextContent).toList();
      String categoryCode = ClassifierCatalogue.stringLiteral(entries.get(category));
      String issueTypeCode = ClassifierCatalogue.stringLiteral(entries.get(issueType));
      if (categoryCode != null && issueTypeCode != null) {
        cases.add(List.of(categoryCode, issueTypeCode));
      }
    }
    return cases;
  }

  private static int indexOf(List<Input> inputs, String expression) {
    for (int i = 0; i < inputs.size(); i++) {
      var inputExpression = inputs.get(i).getInputExpression();
      if (inputExpression != null && expression.equals(inputExpression.getTextContent().trim())) {
        return i;
      }
    }
    return -1;
  }

  private Set<String> existingDepartments() {
    Collection<String> configured = properties.departments().stream().map(ContactCenterProperties.Department::id).toList();
    Set<String> existing = identityService.createGroupQuery().list().stream().map(Group::getId).collect(Collectors.toSet());
    Set<String> departments = configured.stream().filter(existing::contains).collect(Collectors.toSet());
    departments.add(CityGroups.DISPATCHERS);
    return departments;
  }

  private static org.camunda.bpm.engine.variable.VariableMap routingInput(String category, String issueType, int month) {
    return Variables.putValue("category", category).putValue("issueType", issueType).putValue("receivedMonth", month);
  }

  // --- the analysts' examples ------------------------------------------------------------------

  private void checkExamples(ClassifierFiles files, DmnDecision routing, DmnDecision sla, Violations problems) {
    files.text(ClassifierFiles.ROUTING_EXAMPLES).ifPresent(csv -> {
      List<ClassifierExamples.RoutingExample> examples;
      try {
        examples = ClassifierExamples.routing(csv);
      } catch (RuntimeException e) {
        problems.add(ClassifierFiles.ROUTING_EXAMPLES, "examples-format", rootMessage(e));
        return;
      }
      for (ClassifierExamples.RoutingExample example : examples) {
        for (int month : example.months()) {
          try {
            var result = dmn.evaluateDecision(routing, routingInput(example.category(), example.issueType(), month))
                .getSingleResult();
            String department = result == null ? null : result.getEntry("department");
            String tier = result == null ? null : result.getEntry("slaTier");
            Object needsStudy = result == null ? null : result.getEntry("needsStudy");
            if (!example.department().equals(department) || !example.tier().equals(tier)
                || example.needsStudy() != null && !example.needsStudy().equals(needsStudy)) {
              problems.add(ClassifierFiles.ROUTING_EXAMPLES + ":" + example.line(), "example", "expected " + example
                  + ", but the table gives " + department + ", " + tier + (example.needsStudy() == null ? ""
                  : ", needsStudy " + needsStudy) + (example.month() == null ? " in month " + month : ""));
              break;
            }
          } catch (RuntimeException e) {
            problems.add(ClassifierFiles.ROUTING_EXAMPLES + ":" + example.line(), "example", example + ": " + rootMessage(e));
            break;
          }
        }
      }
    });
    files.text(ClassifierFiles.SLA_EXAMPLES).ifPresent(csv -> {
      List<ClassifierExamples.TierExample> examples;
      try {
        examples = ClassifierExamples.tiers(csv);
      } catch (RuntimeException e) {
        problems.add(ClassifierFiles.SLA_EXAMPLES, "examples-format", rootMessage(e));
        return;
      }
      for (ClassifierExamples.TierExample example : examples) {
        var result = dmn.evaluateDecision(sla, Variables.putValue("slaTier", example.tier())).getSingleResult();
        boolean matches = result != null && example.duration().equals(result.getEntry("slaDuration"))
            && Integer.valueOf(example.priority()).equals(((Number) result.getEntry("taskPriority")).intValue())
            && example.secondEscalationAfter().equals(result.getEntry("secondEscalationAfter"))
            && example.reminderBefore().equals(result.getEntry("reminderBefore"));
        if (!matches) {
          problems.add(ClassifierFiles.SLA_EXAMPLES + ":" + example.line(), "example", example.tier() + " should be "
              + example.duration() + ", priority " + example.priority() + ", controllers after "
              + example.secondEscalationAfter() + ", reminder " + example.reminderBefore() + "; the table gives "
              + (result == null ? "no answer" : result.getEntryMap()));
        }
      }
    });
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
