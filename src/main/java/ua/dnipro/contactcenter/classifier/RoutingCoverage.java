package ua.dnipro.contactcenter.classifier;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * Every category and issue type, those the new table names and those the version in effect names
 * (a complaint filed under a code just removed must still be routed), gets exactly one answer in
 * every month: a department that exists as a group, a tier the SLA table knows and a statutory term.
 * Anything unknown goes to the dispatchers.
 */
final class RoutingCoverage {

  static final String UNKNOWN_CODE = "__NOT_IN_ANY_CATALOGUE__";
  private static final int MONTHS = 12;

  private final DmnEngine dmn;

  RoutingCoverage(DmnEngine dmn) {
    this.dmn = dmn;
  }

  /** One case the table is asked: a category and issue type. */
  record Case(String category, String issueType) {
    @Override
    public String toString() {
      return category + "/" + issueType;
    }
  }

  void check(DecisionTable table, DmnDecision routing, ClassifierFiles deployed, Set<String> departments,
      Set<String> tiers, Violations problems) {
    Set<Case> cases = new LinkedHashSet<>(catalogueOf(table));
    deployed.text(ClassifierFiles.ROUTING_FILE).ifPresent(xml -> {
      try {
        Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getModelElementsByType(DecisionTable.class).forEach(deployedTable -> cases.addAll(catalogueOf(deployedTable)));
      } catch (RuntimeException unreadable) {
        // the deployed version was read by the engine; a failure here only narrows the check
      }
    });
    Set<String> reported = new HashSet<>();
    for (Case routed : cases) {
      for (int month = 1; month <= MONTHS; month++) {
        String where = routed.toString();
        DmnDecisionResult result;
        try {
          result = dmn.evaluateDecision(routing, input(routed.category(), routed.issueType(), month));
        } catch (RuntimeException e) {
          if (reported.add(where + "evaluation")) {
            problems.add(where, "evaluation", "cannot be decided: " + GateFailures.rootMessage(e));
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
          problems.add(where, "unknown-tier", "gets the tier '" + tier + "', which the SLA table does not know; known: "
              + tiers);
        }
      }
    }
    checkCatchAll(routing, problems);
  }

  private void checkCatchAll(DmnDecision routing, Violations problems) {
    try {
      DmnDecisionResult unknown = dmn.evaluateDecision(routing, input(UNKNOWN_CODE, UNKNOWN_CODE, 1));
      if (unknown.size() != 1 || !CityGroups.DISPATCHERS.equals(unknown.getSingleResult().getEntry("department"))) {
        problems.add(ClassifierFiles.ROUTING_FILE, "catch-all",
            "an unknown category or issue type must go to the dispatchers: keep the catch-all rule (all '-') last");
      }
    } catch (RuntimeException e) {
      problems.add(ClassifierFiles.ROUTING_FILE, "catch-all", "an unknown category cannot be decided: "
          + GateFailures.rootMessage(e));
    }
  }

  /** The category and issue type codes a table names. */
  static List<Case> catalogueOf(DecisionTable table) {
    List<Input> inputs = List.copyOf(table.getInputs());
    int category = indexOf(inputs, "category");
    int issueType = indexOf(inputs, "issueType");
    List<Case> cases = new ArrayList<>();
    if (category < 0 || issueType < 0) {
      return cases;
    }
    for (Rule rule : table.getRules()) {
      List<String> entries = rule.getInputEntries().stream().map(InputEntry::getTextContent).toList();
      String categoryCode = ClassifierCatalogue.stringLiteral(entries.get(category));
      String issueTypeCode = ClassifierCatalogue.stringLiteral(entries.get(issueType));
      if (categoryCode != null && issueTypeCode != null) {
        cases.add(new Case(categoryCode, issueTypeCode));
      }
    }
    return cases;
  }

  private static int indexOf(List<Input> inputs, String expression) {
    for (int i = 0; i < inputs.size(); i++) {
      if (expression.equals(TableShape.expression(inputs.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  /** What the process gives the routing table. */
  static VariableMap input(String category, String issueType, int month) {
    return Variables.putValue("category", category).putValue("issueType", issueType).putValue("receivedMonth", month);
  }
}
