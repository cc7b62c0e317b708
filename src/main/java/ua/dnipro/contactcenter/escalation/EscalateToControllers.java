package ua.dnipro.contactcenter.escalation;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DEPARTMENT;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ESCALATION_LEVEL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
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
    execution.setVariable(ESCALATION_LEVEL, 2);
    history.record(execution, ComplaintEvent.ESCALATED_TO_CONTROLLERS, null,
        StatusHistory.details("department", execution.getVariable(DEPARTMENT), "escalationLevel", 2));
  }
}
