package ua.dnipro.contactcenter.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.complaint.TransientVariables;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.operations.OperationsMetrics;

/** Still open a further period after the SLA deadline: the second escalation level, to the controllers. */
@Component("escalateToControllers")
public class EscalateToControllers implements JavaDelegate {

  private final StatusHistory history;
  private final OperationsMetrics metrics;

  public EscalateToControllers(StatusHistory history, OperationsMetrics metrics) {
    this.history = history;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // once per department's work (see MarkComplaintOverdue)
    boolean already = history.current(execution).escalationLevel() >= 2;
    if (!already) {
      ComplaintState state = history.record(execution, ComplaintEvent.ESCALATED_TO_CONTROLLERS,
          ComplaintState::escalatedToControllers, escalated -> StatusHistory.details("department",
              escalated.department(), "escalationLevel", escalated.escalationLevel()));
      metrics.escalated(state.department(), OperationsMetrics.Escalation.STILL_OPEN_AFTER_SLA);
    }
    TransientVariables.set(execution, ComplaintProcess.Variables.ALREADY_ESCALATED,
        org.camunda.bpm.engine.variable.Variables.booleanValue(already, true));
  }
}
