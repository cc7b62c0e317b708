package ua.dnipro.contactcenter.resolution;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REOPENING_WINDOW_END;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.STATUTORY_DEADLINE;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.CalendarDuration;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The citizen is not satisfied with the resolution and re-opens the complaint. It is handled again
 * like a new appeal on the same matter: routed by the classifier, with a fresh SLA deadline and a
 * fresh statutory month counted from the re-opening.
 */
@Component("recordReopening")
public class RecordReopening implements JavaDelegate {

  private final ContactCenterProperties properties;
  private final CalendarDuration statutoryPeriod;
  private final StatusHistory history;

  public RecordReopening(ContactCenterProperties properties, StatusHistory history) {
    this.properties = properties;
    this.statutoryPeriod = CalendarDuration.parse(properties.statutoryPeriod());
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var statutoryDeadline = statutoryPeriod.addTo(EngineClock.now(), properties.timeZone());
    execution.setVariable(STATUTORY_DEADLINE, Date.from(statutoryDeadline));
    execution.removeVariable(REOPENING_WINDOW_END);
    history.record(execution, ComplaintEvent.REOPENED, state -> state.reopened(statutoryDeadline), StatusHistory.details());
  }
}
