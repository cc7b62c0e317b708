package ua.dnipro.contactcenter.escalation;

import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.operations.OperationsMetrics;

/**
 * The dispatchers did not re-classify the complaint within their own deadline
 * ({@code contact-center.reclassification-period}): recorded in its history, and the controllers
 * get a task. The complaint's state does not change: it stays with the dispatchers, and no
 * department answers for it.
 */
@Component("markReclassificationOverdue")
public class MarkReclassificationOverdue implements JavaDelegate {

  private final StatusHistory history;
  private final OperationsMetrics metrics;

  public MarkReclassificationOverdue(StatusHistory history, OperationsMetrics metrics) {
    this.history = history;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    history.record(execution, ComplaintEvent.RECLASSIFICATION_OVERDUE, UnaryOperator.identity(),
        state -> StatusHistory.details("dueAt", state.dueAt()));
    // with the dispatchers: no department answers for it yet
    metrics.escalated(null, OperationsMetrics.Escalation.RECLASSIFICATION_OVERDUE);
  }
}
