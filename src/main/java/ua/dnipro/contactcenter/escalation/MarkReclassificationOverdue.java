package ua.dnipro.contactcenter.escalation;

import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * The dispatchers did not re-classify the complaint within their own deadline
 * ({@code contact-center.reclassification-period}): recorded in its history, and the controllers
 * get a task. The complaint's state does not change: it stays with the dispatchers, and no
 * department answers for it.
 */
@Component("markReclassificationOverdue")
public class MarkReclassificationOverdue implements JavaDelegate {

  private final StatusHistory history;

  public MarkReclassificationOverdue(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    history.record(execution, ComplaintEvent.RECLASSIFICATION_OVERDUE, UnaryOperator.identity(),
        state -> StatusHistory.details("dueAt", state.dueAt()));
  }
}
