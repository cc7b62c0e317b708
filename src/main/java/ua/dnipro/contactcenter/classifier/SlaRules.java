package ua.dnipro.contactcenter.classifier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * The SLA table's rules: each names one tier, its durations are calendar durations the timers can
 * use, its priority is 0 to 100, and the table answers exactly once for every tier it names.
 */
final class SlaRules {

  static final List<String> DURATIONS = List.of("slaDuration", "secondEscalationAfter", "reminderBefore");
  private static final int HIGHEST_PRIORITY = 100;

  private final DmnEngine dmn;

  SlaRules(DmnEngine dmn) {
    this.dmn = dmn;
  }

  /** Checks the table (already of the right {@link TableShape}) and returns the tiers it names. */
  Set<String> check(DecisionTable table, DmnDecision sla, Violations problems) {
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
      for (String duration : DURATIONS) {
        String text = ClassifierCatalogue.stringLiteral(entries.get(outputs.indexOf(duration)));
        try {
          CalendarDuration.parse(text);
        } catch (IllegalArgumentException e) {
          problems.add(rule.getId(), "duration", tier + ": " + duration + " " + e.getMessage());
        }
      }
      String priority = entries.get(outputs.indexOf("taskPriority")).trim();
      if (!priority.matches("\\d{1,3}") || Integer.parseInt(priority) > HIGHEST_PRIORITY) {
        problems.add(rule.getId(), "priority", tier + ": taskPriority must be a whole number from 0 to "
            + HIGHEST_PRIORITY + ", was " + priority);
      }
    }
    for (String tier : tiers) {
      try {
        if (dmn.evaluateDecision(sla, Variables.putValue("slaTier", tier)).size() != 1) {
          problems.add(ClassifierFiles.SLA_FILE, "tier-answer", "the SLA table must answer exactly once for " + tier);
        }
      } catch (RuntimeException e) {
        problems.add(ClassifierFiles.SLA_FILE, "evaluation", tier + ": " + GateFailures.rootMessage(e));
      }
    }
    return tiers;
  }
}
