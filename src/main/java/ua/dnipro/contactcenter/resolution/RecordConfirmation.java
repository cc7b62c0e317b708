package ua.dnipro.contactcenter.resolution;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.RATING;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REOPENING_WINDOW_END;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * The citizen confirmed the resolution through their channel, with a rating from 1 to 5: the
 * complaint closes at once, and the rating counts in the department's efficiency. (Their comment,
 * if any, stays a free text of the complaint's, forgotten with the personal data.)
 */
@Component("recordConfirmation")
public class RecordConfirmation implements JavaDelegate {

  private final StatusHistory history;

  public RecordConfirmation(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!(execution.getVariable(RATING) instanceof Integer rating) || rating < 1 || rating > 5) {
      throw new IllegalArgumentException("a confirmation carries a rating from 1 to 5, not " + execution.getVariable(RATING));
    }
    execution.removeVariable(REOPENING_WINDOW_END);
    history.record(execution, ComplaintEvent.CONFIRMED, state -> state.confirmed(rating, EngineClock.now()),
        StatusHistory.details("rating", rating));
  }
}
