package ua.dnipro.contactcenter.escalation;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DEPARTMENT;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ESCALATION_LEVEL;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.OVERDUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * The SLA deadline passed with the complaint still open: flag it overdue (it counts against the
 * department) before its head is given the escalation. The executor's task stays open.
 */
@Component("markComplaintOverdue")
public class MarkComplaintOverdue implements JavaDelegate {

  private final StatusHistory history;

  public MarkComplaintOverdue(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(OVERDUE, true);
    execution.setVariable(ESCALATION_LEVEL, 1);
    history.record(execution, ComplaintEvent.OVERDUE, null,
        StatusHistory.details("department", execution.getVariable(DEPARTMENT), "escalationLevel", 1));
  }
}
