package ua.dnipro.contactcenter.routing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.TransientVariables;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.DeadlineTimers;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * Classifies the complaint with the routing table (decisions/ComplaintRouting.dmn): the category,
 * issue type and month of receipt go in, the department, tier, names and whether the complaint
 * needs additional study come out. The last sets the statutory term, always counted from the
 * first receipt (Law "On Citizens' Appeals", art. 20): fifteen days without additional study, a
 * month with it; the waiting statutory timer moves with it. A department
 * the city has not configured, or no department at all, is a fault of the classifier: the
 * complaint goes to the dispatchers, never to a group nobody is in, and the fault is reported.
 */
@Component("classifyComplaint")
public class ClassifyComplaint implements JavaDelegate {

  private final ContactCenterProperties properties;
  private final ClassifierFaults faults;
  private final StatusHistory history;
  private final StatutoryTerms statutoryTerms;

  public ClassifyComplaint(ContactCenterProperties properties, ClassifierFaults faults, StatusHistory history) {
    this.properties = properties;
    this.faults = faults;
    this.history = history;
    this.statutoryTerms = new StatutoryTerms(properties.timeZone());
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(CATEGORY, execution.getVariable(CATEGORY));
    inputs.put(ISSUE_TYPE, execution.getVariable(ISSUE_TYPE));
    // the month of receipt (the heating season), in the city's time, from the complaint's record
    Instant receivedAt = history.current(execution).receivedAt();
    inputs.put(RECEIVED_MONTH, receivedAt.atZone(properties.timeZone()).getMonthValue());
    ClassifierTables.Answer answer = ClassifierTables.evaluate(execution, ClassifierCatalogue.ROUTING_DECISION, inputs);
    // for the ROUTED entry of the complaint's history, in this transaction
    TransientVariables.set(execution, ROUTING_DECISION_VERSION, Variables.integerValue(answer.version(), true));
    String department = ClassifierTables.text(answer.firstResult(), "department");
    String tier = ClassifierTables.text(answer.firstResult(), "slaTier");

    String problem = null;
    if (department == null) {
      problem = "no department for " + inputs.get(CATEGORY) + "/" + inputs.get(ISSUE_TYPE);
    } else if (!CityGroups.DISPATCHERS.equals(department) && properties.department(department) == null) {
      problem = "department '" + department + "' is not configured";
    } else if (!CityGroups.DISPATCHERS.equals(department) && tier == null) {
      problem = "no SLA tier for " + inputs.get(CATEGORY) + "/" + inputs.get(ISSUE_TYPE);
    }
    if (problem != null) {
      department = CityGroups.DISPATCHERS;
      report(execution, ClassifierCatalogue.ROUTING_DECISION, answer.version(), problem, faults, history);
    }
    boolean needsStudy = problem != null || !Boolean.FALSE.equals(answer.firstResult() == null ? null
        : answer.firstResult().get("needsStudy"));
    setStatutoryTerm(execution, termAfterClassification(execution, receivedAt, needsStudy));
    execution.setVariable(DEPARTMENT, department);
    execution.setVariable(SLA_TIER, tier);
    execution.setVariable(CATEGORY_NAME, ClassifierTables.text(answer.firstResult(), "categoryNameUk"));
    execution.setVariable(ISSUE_TYPE_NAME, ClassifierTables.text(answer.firstResult(), "issueTypeNameUk"));
  }

  /**
   * Fifteen days or a month from receipt, as the classification says; but a term the head already
   * extended beyond the month stays extended (a re-classification does not take the extension back).
   */
  private Instant termAfterClassification(DelegateExecution execution, Instant receivedAt, boolean needsStudy) {
    Instant term = statutoryTerms.term(receivedAt, needsStudy);
    Date current = (Date) execution.getVariable(STATUTORY_DEADLINE);
    boolean extended = current != null && current.toInstant().isAfter(statutoryTerms.term(receivedAt, true));
    return extended ? current.toInstant() : term;
  }

  /** The statutory term the classification gives, and the timer that waits for it. */
  private static void setStatutoryTerm(DelegateExecution execution, Instant term) {
    Date current = (Date) execution.getVariable(STATUTORY_DEADLINE);
    if (current == null || !current.toInstant().equals(term)) {
      execution.setVariable(STATUTORY_DEADLINE, Date.from(term));
      DeadlineTimers.move(execution, ComplaintProcess.Elements.START_STATUTORY_DEADLINE_PASSED, Date.from(term));
    }
  }

  /** Reports a fault for analysts and notes it in the complaint's history (without the table's output). */
  static void report(DelegateExecution execution, String decision, int version, String problem, ClassifierFaults faults,
      StatusHistory history) {
    faults.report(new ClassifierFaults.Fault(EngineClock.now(), execution.getProcessBusinessKey(), decision, version,
        problem.length() > 500 ? problem.substring(0, 500) : problem));
    history.record(execution, ComplaintEvent.CLASSIFIER_FAULT, UnaryOperator.identity(),
        StatusHistory.details("decision", decision, "version", version));
  }
}
