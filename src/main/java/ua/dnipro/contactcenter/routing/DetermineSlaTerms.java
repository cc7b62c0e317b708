package ua.dnipro.contactcenter.routing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.TransientVariables;
import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * Gives the complaint its tier's terms from the SLA table (decisions/SlaTier.dmn): only the tier goes
 * in; the deadline, priority, escalation period and reminder come out. A tier the table has no valid
 * terms for is a fault of the classifier: reported, and the complaint goes to the dispatchers
 * (BPMN error {@value #CLASSIFIER_FAULT}).
 */
@Component("determineSlaTerms")
public class DetermineSlaTerms implements JavaDelegate {

  /** The BPMN error code the process catches to hand the complaint to the dispatchers. */
  public static final String CLASSIFIER_FAULT = "ClassifierFault";

  private final ClassifierFaults faults;
  private final StatusHistory history;

  public DetermineSlaTerms(ClassifierFaults faults, StatusHistory history) {
    this.faults = faults;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object tier = execution.getVariable(SLA_TIER);
    ClassifierTables.Answer answer = ClassifierTables.evaluate(execution, ClassifierCatalogue.SLA_DECISION,
        java.util.Collections.singletonMap(SLA_TIER, tier));
    Map<String, Object> result = answer.firstResult();
    String duration = ClassifierTables.text(result, "slaDuration");
    String secondEscalation = ClassifierTables.text(result, "secondEscalationAfter");
    String reminder = ClassifierTables.text(result, "reminderBefore");
    Object priority = result == null ? null : result.get("taskPriority");
    if (!valid(duration) || !valid(secondEscalation) || !valid(reminder) || !(priority instanceof Number)) {
      ClassifyComplaint.report(execution, ClassifierCatalogue.SLA_DECISION, answer.version(),
          "no valid terms for tier '" + tier + "'", faults, history);
      throw new BpmnError(CLASSIFIER_FAULT, "the SLA table has no valid terms for tier " + tier);
    }
    // the terms are used at once, by the hand-over in this transaction: transient, never stored
    TransientVariables.set(execution, SLA_DURATION, Variables.stringValue(duration, true));
    TransientVariables.set(execution, SECOND_ESCALATION_AFTER, Variables.stringValue(secondEscalation, true));
    TransientVariables.set(execution, REMINDER_BEFORE, Variables.stringValue(reminder, true));
    TransientVariables.set(execution, SLA_DECISION_VERSION, Variables.integerValue(answer.version(), true));
    // the priority stays: the escalation tasks created later have it too
    execution.setVariable(TASK_PRIORITY, ((Number) priority).intValue());
  }

  private static boolean valid(String duration) {
    try {
      CalendarDuration.parse(duration);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
