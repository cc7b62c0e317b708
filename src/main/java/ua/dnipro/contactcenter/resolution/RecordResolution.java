package ua.dnipro.contactcenter.resolution;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REOPENING_WINDOW_END;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.RESOLUTION;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Records that the department resolved the complaint, and whether it did so on time, and opens
 * the window in which the citizen may re-open it. Who resolved it and whether on time come from the
 * complaint's recorded state (its holder, deadline and overdue flag), never from variables; the
 * resolution text is the executor's, as the task's form accepted it.
 */
@Component("recordResolution")
public class RecordResolution implements JavaDelegate {

  private final ContactCenterProperties properties;
  private final CalendarDuration reopeningPeriod;
  private final StatusHistory history;

  public RecordResolution(ContactCenterProperties properties, StatusHistory history) {
    this.properties = properties;
    this.reopeningPeriod = properties.reopeningPeriod();
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = EngineClock.now();
    Instant reopenableUntil = reopeningPeriod.addTo(now, properties.timeZone());
    String resolution = (String) execution.getVariable(RESOLUTION);
    execution.setVariable(REOPENING_WINDOW_END, Date.from(reopenableUntil));
    history.record(execution, ComplaintEvent.RESOLVED, state -> state.resolved(now, resolution, reopenableUntil),
        state -> StatusHistory.details("department", state.resolvedBy(), "onTime", state.resolvedOnTime()));
  }
}
