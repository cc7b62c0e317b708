package ua.dnipro.contactcenter.resolution;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REWORK_LIMIT_REACHED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.complaint.TransientVariables;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * A re-opening is rework for the department. So many of them ({@code contact-center.rework-limit},
 * 3 by default) go back to it; the next one goes to the controllers, who send it back for work or
 * close the complaint as decided, so that no complaint can be re-opened forever.
 */
@Component("checkReworkLimit")
public class CheckReworkLimit implements JavaDelegate {

  private final ContactCenterProperties properties;
  private final StatusHistory history;

  public CheckReworkLimit(ContactCenterProperties properties, StatusHistory history) {
    this.properties = properties;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean reached = history.current(execution).reopenings() >= properties.reworkLimit();
    // read by the gateway next, in this transaction
    TransientVariables.set(execution, REWORK_LIMIT_REACHED, Variables.booleanValue(reached, true));
  }
}
