package ua.dnipro.contactcenter.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/** Still open a further period after the SLA deadline: the second escalation level, to the controllers. */
@Component("escalateToControllers")
public class EscalateToControllers implements JavaDelegate {

  private final StatusHistory history;

  public EscalateToControllers(StatusHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    history.record(execution, ComplaintEvent.ESCALATED_TO_CONTROLLERS, ComplaintState::escalatedToControllers,
        state -> StatusHistory.details("department", state.department(), "escalationLevel", state.escalationLevel()));
  }
}
