package ua.dnipro.contactcenter.intake;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REPEAT_DECISION;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REPEAT_REASON;

import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * The head's decision on a repeated appeal: considered, it is handled as any complaint; left
 * unconsidered (Law "On Citizens' Appeals", art. 8), it closes with the head's reason as its
 * answer. The citizen is told either way.
 */
@Component("recordRepeatDecision")
public class RecordRepeatDecision implements JavaDelegate {

  static final String LEAVE_UNCONSIDERED = "LEAVE_UNCONSIDERED";

  private final StatusHistory history;

  public RecordRepeatDecision(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (LEAVE_UNCONSIDERED.equals(execution.getVariable(REPEAT_DECISION))) {
      String reason = ((String) execution.getVariable(REPEAT_REASON)).trim();
      history.record(execution, ComplaintEvent.LEFT_UNCONSIDERED, state -> state.leftUnconsidered(reason,
          EngineClock.now()), StatusHistory.details());
    } else {
      history.record(execution, ComplaintEvent.REPEATED_APPEAL_CONSIDERED, UnaryOperator.identity(),
          StatusHistory.details());
    }
  }
}
