package ua.dnipro.contactcenter.classifier;

import java.io.ByteArrayInputStream;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.DomElement;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * The shape the process relies on in one decision table: its file holds that one decision, as a
 * table with one answer per case (hit policy FIRST or UNIQUE), the inputs it needs and no input the
 * process does not give (such an input would read whatever else is in scope: an applicant's phone),
 * the outputs the process reads, every answer a literal, and only FEEL.
 *
 * @param file the file name in {@code decisions/}
 * @param decisionId the decision the process evaluates
 * @param requiredInputs the input expressions the table must have
 * @param givenInputs the only variables the process gives the table
 * @param requiredOutputs the outputs the process reads
 */
record TableShape(String file, String decisionId, Set<String> requiredInputs, Set<String> givenInputs,
    Set<String> requiredOutputs) {

  /** The routing table is given the complaint's category, issue type and month of receipt. */
  static final TableShape ROUTING = new TableShape(ClassifierFiles.ROUTING_FILE, ClassifierCatalogue.ROUTING_DECISION,
      Set.of("category", "issueType"), Set.of("category", "issueType", "receivedMonth"),
      Set.of("department", "slaTier", "categoryNameUk", "categoryNameEn", "issueTypeNameUk", "issueTypeNameEn",
          "needsStudy"));
  static final TableShape SLA = new TableShape(ClassifierFiles.SLA_FILE, ClassifierCatalogue.SLA_DECISION,
      Set.of("slaTier"), Set.of("slaTier"),
      Set.of("slaDuration", "taskPriority", "secondEscalationAfter", "reminderBefore"));

  /** The names the engine takes for FEEL (as it does: "feel" in any letter case, the URIs as written). */
  static final Set<String> FEEL = Set.of("https://www.omg.org/spec/DMN/20191111/FEEL/",
      "http://www.omg.org/spec/FEEL/20140401", "https://www.omg.org/spec/FEEL/20140401");
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}(\\.\\d{1,9})?");
  private static final Set<String> BOOLEAN = Set.of("true", "false");
  private static final int QUOTED = 80;

  /** The file read as a DMN model; null, with a problem, if it is not one, and null without one if it is absent. */
  DmnModelInstance read(ClassifierFiles files, Violations problems) {
    byte[] content = files.files().get(file);
    if (content == null) {
      return null;
    }
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      problems.add(file, "parse", "is not a DMN 1.3 file: " + GateFailures.rootMessage(e));
      return null;
    }
  }

  /** The decision's table, checked; null if there is none to check further. */
  DecisionTable check(DmnModelInstance model, Violations problems) {
    onlyFeel(model.getDocument().getRootElement(), problems);
    DecisionTable found = null;
    boolean explained = false;
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (!decisionId.equals(decision.getId())) {
        problems.add(file, "unknown-decision", "decision '" + decision.getId() + "' is not part of the classifier; "
            + file + " holds only " + decisionId);
        explained = true;
      } else if (!(decision.getExpression() instanceof DecisionTable table)) {
        problems.add(file, "not-a-table", decisionId + " must be a decision table");
        explained = true;
      } else {
        found = table;
      }
    }
    if (found == null) {
      if (!explained) {
        problems.add(file, "missing-decision", file + " must hold the decision " + decisionId);
      }
      return null;
    }
    checkInputs(found, problems);
    Set<String> outputNames = found.getOutputs().stream().map(Output::getName).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    for (String output : requiredOutputs) {
      if (!outputNames.contains(output)) {
        problems.add(file, "missing-output", decisionId + " must have the output '" + output + "' the process reads");
      }
    }
    literalOutputs(found, problems);
    HitPolicy hitPolicy = found.getHitPolicy();
    if (hitPolicy != HitPolicy.FIRST && hitPolicy != HitPolicy.UNIQUE) {
      problems.add(file, "hit-policy", decisionId + " must give exactly one answer: hit policy FIRST or UNIQUE, not "
          + hitPolicy);
    }
    return found;
  }

  /** The decision as the DMN engine evaluates it; null, with a problem, if the engine cannot. */
  DmnDecision evaluable(ClassifierFiles files, DmnEngine dmn, Violations problems) {
    try {
      return dmn.parseDecision(decisionId, new ByteArrayInputStream(files.files().get(file)));
    } catch (RuntimeException e) {
      problems.add(file, "parse", "cannot be evaluated: " + GateFailures.rootMessage(e));
      return null;
    }
  }

  private void checkInputs(DecisionTable table, Violations problems) {
    Set<String> expressions = table.getInputs().stream().map(TableShape::expression).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    for (String input : requiredInputs) {
      if (!expressions.contains(input)) {
        problems.add(file, "missing-input", decisionId + " must have an input with the expression '" + input + "'");
      }
    }
    for (Input input : table.getInputs()) {
      String expression = expression(input);
      if (expression == null || !givenInputs.contains(expression)) {
        problems.add(file, "unknown-input", decisionId + " is given only " + givenInputs.stream().sorted().toList()
            + "; an input '" + (expression == null ? "" : expression) + "' would always be empty");
      }
    }
  }

  static String expression(Input input) {
    return input.getInputExpression() == null ? null : input.getInputExpression().getTextContent().trim();
  }

  /**
   * Every answer of a table is a value an analyst wrote, a text in quotes or a number: an expression
   * in an output would compute the answer at run time, from whatever it can reach, and such an answer
   * ends up in public statistics and in what channels show to citizens.
   */
  private void literalOutputs(DecisionTable table, Violations problems) {
    for (Rule rule : table.getRules()) {
      for (OutputEntry entry : rule.getOutputEntries()) {
        String text = entry.getTextContent() == null ? "" : entry.getTextContent().trim();
        if (ClassifierCatalogue.stringLiteral(text) == null && !NUMBER.matcher(text).matches() && !BOOLEAN.contains(text)) {
          problems.add(rule.getId() == null ? file : rule.getId(), "literal-output", "each answer is a text in quotes, "
              + "a number, true or false, not an expression: '"
              + (text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text) + "'");
        }
      }
    }
  }

  /** Only FEEL: a JUEL, JavaScript or Groovy expression would run arbitrary code in the engine. */
  private void onlyFeel(DomElement dom, Violations problems) {
    String language = dom.getAttribute("expressionLanguage");
    if (language != null && !language.trim().equalsIgnoreCase("feel") && !FEEL.contains(language.trim())) {
      problems.add(file, "expression-language", dom.getLocalName() + " uses the expression language '" + language
          + "'; only FEEL is allowed");
    }
    dom.getChildElements().forEach(child -> onlyFeel(child, problems));
  }
}
