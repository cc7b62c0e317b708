package ua.dnipro.contactcenter.routing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.CATEGORY;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ISSUE_TYPE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/** Notes the dispatcher's new category and issue type before the complaint is routed again. */
@Component("recordReclassification")
public class RecordReclassification implements JavaDelegate {

  private final StatusHistory history;

  public RecordReclassification(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String category = (String) execution.getVariable(CATEGORY);
    String issueType = (String) execution.getVariable(ISSUE_TYPE);
    history.record(execution, ComplaintEvent.RECLASSIFIED, state -> state.reclassified(category, issueType),
        StatusHistory.details("category", category, "issueType", issueType));
  }
}
