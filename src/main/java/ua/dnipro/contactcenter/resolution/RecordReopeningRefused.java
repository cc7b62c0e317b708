package ua.dnipro.contactcenter.resolution;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REOPENING_WINDOW_END;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * A re-opening beyond the rework limit that the controllers did not send back for work: the
 * complaint stays resolved as it was and closes; the citizen is told.
 */
@Component("recordReopeningRefused")
public class RecordReopeningRefused implements JavaDelegate {

  private final StatusHistory history;

  public RecordReopeningRefused(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.removeVariable(REOPENING_WINDOW_END);
    history.record(execution, ComplaintEvent.REOPENING_REFUSED, state -> state.reopeningRefused(EngineClock.now()),
        state -> StatusHistory.details("reopenings", state.reopenings()));
  }
}
