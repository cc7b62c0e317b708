package ua.dnipro.contactcenter.classifier;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import ua.dnipro.contactcenter.api.Violations;

/**
 * The analysts' example cases, written next to the tables ({@link ClassifierExamples}): every one
 * must come out of the tables as written, or the version is refused with the line that failed.
 */
final class ExampleCases {

  private final DmnEngine dmn;

  ExampleCases(DmnEngine dmn) {
    this.dmn = dmn;
  }

  void check(ClassifierFiles files, DmnDecision routing, DmnDecision sla, Violations problems) {
    files.text(ClassifierFiles.ROUTING_EXAMPLES)
        .map(csv -> read(ClassifierFiles.ROUTING_EXAMPLES, () -> ClassifierExamples.routing(csv), problems))
        .ifPresent(examples -> examples.forEach(example -> checkRouting(example, routing, problems)));
    files.text(ClassifierFiles.SLA_EXAMPLES)
        .map(csv -> read(ClassifierFiles.SLA_EXAMPLES, () -> ClassifierExamples.tiers(csv), problems))
        .ifPresent(examples -> examples.forEach(example -> checkTier(example, sla, problems)));
  }

  private static <T> List<T> read(String file, Supplier<List<T>> parse, Violations problems) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      problems.add(file, "examples-format", GateFailures.rootMessage(e));
      return List.of();
    }
  }

  /** The first month in which the example does not hold is reported; the others would repeat it. */
  private void checkRouting(ClassifierExamples.RoutingExample example, DmnDecision routing, Violations problems) {
    String line = ClassifierFiles.ROUTING_EXAMPLES + ":" + example.line();
    for (int month : example.months()) {
      DmnDecisionResultEntries result;
      try {
        result = dmn.evaluateDecision(routing, RoutingCoverage.input(example.category(), example.issueType(), month))
            .getSingleResult();
      } catch (RuntimeException e) {
        problems.add(line, "example", example + ": " + GateFailures.rootMessage(e));
        return;
      }
      String department = result == null ? null : result.getEntry("department");
      String tier = result == null ? null : result.getEntry("slaTier");
      Object needsStudy = result == null ? null : result.getEntry("needsStudy");
      if (!example.department().equals(department) || !example.tier().equals(tier)
          || example.needsStudy() != null && !example.needsStudy().equals(needsStudy)) {
        problems.add(line, "example", "expected " + example + ", but the table gives " + department + ", " + tier
            + (example.needsStudy() == null ? "" : ", needsStudy " + needsStudy)
            + (example.month() == null ? " in month " + month : ""));
        return;
      }
    }
  }

  private void checkTier(ClassifierExamples.TierExample example, DmnDecision sla, Violations problems) {
    DmnDecisionResultEntries result;
    try {
      result = dmn.evaluateDecision(sla, Variables.putValue("slaTier", example.tier())).getSingleResult();
    } catch (RuntimeException e) {
      problems.add(ClassifierFiles.SLA_EXAMPLES + ":" + example.line(), "example", example.tier() + ": "
          + GateFailures.rootMessage(e));
      return;
    }
    boolean matches = result != null && example.duration().equals(result.getEntry("slaDuration"))
        && result.getEntry("taskPriority") instanceof Number priority && priority.intValue() == example.priority()
        && example.secondEscalationAfter().equals(result.getEntry("secondEscalationAfter"))
        && example.reminderBefore().equals(result.getEntry("reminderBefore"));
    if (!matches) {
      problems.add(ClassifierFiles.SLA_EXAMPLES + ":" + example.line(), "example", example.tier() + " should be "
          + example.duration() + ", priority " + example.priority() + ", controllers after "
          + example.secondEscalationAfter() + ", reminder " + example.reminderBefore() + "; the table gives "
          + (result == null ? "no answer" : result.getEntryMap()));
    }
  }
}
