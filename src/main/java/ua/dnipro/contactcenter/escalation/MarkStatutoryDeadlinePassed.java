package ua.dnipro.contactcenter.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * A month since receipt and still undecided: the ceiling of the Law "On Citizens' Appeals" is
 * broken, whatever the SLA tier or re-routing. The controllers must intervene.
 */
@Component("markStatutoryDeadlinePassed")
public class MarkStatutoryDeadlinePassed implements JavaDelegate {

  private final StatusHistory history;

  public MarkStatutoryDeadlinePassed(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    history.record(execution, ComplaintEvent.STATUTORY_DEADLINE_PASSED, ComplaintState::pastStatutoryDeadline,
        state -> StatusHistory.details("department", state.department()));
  }
}
