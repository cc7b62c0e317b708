package ua.dnipro.contactcenter.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.complaint.TransientVariables;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;

/** Still open a further period after the SLA deadline: the second escalation level, to the controllers. */
@Component("escalateToControllers")
public class EscalateToControllers implements JavaDelegate {

  private final StatusHistory history;

  public EscalateToControllers(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // once per department's work (see MarkComplaintOverdue)
    boolean already = history.current(execution).escalationLevel() >= 2;
    if (!already) {
      history.record(execution, ComplaintEvent.ESCALATED_TO_CONTROLLERS, ComplaintState::escalatedToControllers,
          state -> StatusHistory.details("department", state.department(), "escalationLevel", state.escalationLevel()));
    }
    TransientVariables.set(execution, ComplaintProcess.Variables.ALREADY_ESCALATED,
        org.camunda.bpm.engine.variable.Variables.booleanValue(already, true));
  }
}
