package ua.dnipro.contactcenter.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.operations.OperationsMetrics;

/**
 * Forty-five days since receipt and still undecided: past what the Law "On Citizens' Appeals"
 * (art. 20) allows even with an extension. Recorded as a violation; the controllers handle it.
 */
@Component("markStatutoryLimitPassed")
public class MarkStatutoryLimitPassed implements JavaDelegate {

  private final StatusHistory history;
  private final OperationsMetrics metrics;

  public MarkStatutoryLimitPassed(StatusHistory history, OperationsMetrics metrics) {
    this.history = history;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintState state = history.record(execution, ComplaintEvent.STATUTORY_LIMIT_PASSED,
        ComplaintState::pastStatutoryLimit, passed -> StatusHistory.details("department", passed.department()));
    metrics.escalated(state.department(), OperationsMetrics.Escalation.STATUTORY_LIMIT_PASSED);
  }
}
