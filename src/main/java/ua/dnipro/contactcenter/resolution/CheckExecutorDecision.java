package ua.dnipro.contactcenter.resolution;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.OUTCOME;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.RESOLUTION;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.RETURN_REASON;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.Outcome;

/**
 * Refuses to finish "Resolve complaint" without a decision the citizen can be told: a resolution
 * text for RESOLVED, a reason for NOT_OUR_COMPETENCE. Runs on the server whatever the client.
 */
@Component("checkExecutorDecision")
public class CheckExecutorDecision implements TaskListener {

  /** As the form allows; the citizen reads the resolution. */
  static final int MAX_RESOLUTION = 4000;
  static final int MAX_RETURN_REASON = 2000;

  @Override
  public void notify(DelegateTask task) {
    Outcome outcome = outcomeOf(task.getVariable(OUTCOME));
    String required = outcome == Outcome.RESOLVED ? RESOLUTION : RETURN_REASON;
    int maxLength = outcome == Outcome.RESOLVED ? MAX_RESOLUTION : MAX_RETURN_REASON;
    Object text = task.getVariable(required);
    if (text == null || text.toString().isBlank()) {
      throw new IllegalArgumentException(required + " is required when " + OUTCOME + " is " + outcome);
    }
    if (text.toString().length() > maxLength) {
      throw new IllegalArgumentException(required + " has at most " + maxLength + " characters");
    }
  }

  private static Outcome outcomeOf(Object value) {
    try {
      return Outcome.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          OUTCOME + " must be one of " + Arrays.toString(Outcome.values()) + ", was " + value, e);
    }
  }
}
