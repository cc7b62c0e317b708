package ua.dnipro.contactcenter.resolution;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REOPENING_WINDOW_END;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * The citizen is not satisfied with the resolution and re-opens the complaint. It is handled again:
 * routed by the classifier, with a fresh SLA deadline, but within the statutory term of its first
 * receipt (Law "On Citizens' Appeals", art. 20: the term counts from the day the appeal was
 * received, and a re-opening does not start it again).
 */
@Component("recordReopening")
public class RecordReopening implements JavaDelegate {

  private final StatusHistory history;

  public RecordReopening(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.removeVariable(REOPENING_WINDOW_END);
    history.record(execution, ComplaintEvent.REOPENED, ComplaintState::reopened, StatusHistory.details());
  }
}
