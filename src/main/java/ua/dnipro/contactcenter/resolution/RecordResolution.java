package ua.dnipro.contactcenter.resolution;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DEPARTMENT;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.OVERDUE;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REOPENING_WINDOW_END;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.RESOLVED_AT;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.RESOLVED_BY_DEPARTMENT;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.SLA_DEADLINE;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.CalendarDuration;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Records that the department resolved the complaint, and whether it did so on time, and opens
 * the window in which the citizen may re-open it.
 */
@Component("recordResolution")
public class RecordResolution implements JavaDelegate {

  private final ContactCenterProperties properties;
  private final CalendarDuration reopeningPeriod;
  private final StatusHistory history;

  public RecordResolution(ContactCenterProperties properties, StatusHistory history) {
    this.properties = properties;
    this.reopeningPeriod = CalendarDuration.parse(properties.reopeningPeriod());
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = EngineClock.now();
    // once the SLA timer flagged it, a complaint stays overdue: it counts against the department
    boolean onTime = !Boolean.TRUE.equals(execution.getVariable(OVERDUE))
        && !now.isAfter(((Date) execution.getVariable(SLA_DEADLINE)).toInstant());
    execution.setVariable(RESOLVED_AT, Date.from(now));
    execution.setVariable(RESOLVED_BY_DEPARTMENT, execution.getVariable(DEPARTMENT));
    execution.setVariable(OVERDUE, !onTime);
    execution.setVariable(REOPENING_WINDOW_END, Date.from(reopeningPeriod.addTo(now, properties.timeZone())));
    history.record(execution, ComplaintEvent.RESOLVED, ComplaintStatus.RESOLVED, StatusHistory.details(
        "department", execution.getVariable(DEPARTMENT),
        "onTime", onTime));
  }
}
