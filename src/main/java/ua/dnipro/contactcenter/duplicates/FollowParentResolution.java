package ua.dnipro.contactcenter.duplicates;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.REOPENING_WINDOW_END;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The complaint a duplicate was merged into is resolved: the duplicate is resolved with it (by its
 * department, with an answer that names it: the parent's own text was written for its applicant),
 * and its applicant is told through their own channel, with their own
 * window to confirm or re-open. A re-opened duplicate is a defect of its own again.
 */
@Component("followParentResolution")
public class FollowParentResolution implements JavaDelegate {

  private final DefectRecords defects;
  private final ComplaintRecords complaints;
  private final StatusHistory history;
  private final ContactCenterProperties properties;
  private final CalendarDuration reopeningPeriod;

  public FollowParentResolution(DefectRecords defects, ComplaintRecords complaints, StatusHistory history,
      ContactCenterProperties properties) {
    this.defects = defects;
    this.complaints = complaints;
    this.history = history;
    this.properties = properties;
    this.reopeningPeriod = properties.reopeningPeriod();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    String parentNumber = defects.parentOf(number)
        .orElseThrow(() -> new IllegalStateException("complaint " + number + " is not merged"));
    ComplaintState parent = complaints.find(parentNumber)
        .orElseThrow(() -> new IllegalStateException("no recorded state for complaint " + parentNumber));
    Instant now = EngineClock.now();
    Instant reopenableUntil = reopeningPeriod.addTo(now, properties.timeZone());
    execution.setVariable(REOPENING_WINDOW_END, Date.from(reopenableUntil));
    String answer = "Проблему, про яку ви повідомили, вирішено разом зі зверненням " + parentNumber
        + " про ту саму проблему. Якщо у вас її не усунуто, повторно відкрийте своє звернення.";
    history.record(execution, ComplaintEvent.RESOLVED, state -> state.resolvedWith(parent, now, reopenableUntil, answer),
        state -> StatusHistory.details("department", state.resolvedBy(), "mergedInto", parentNumber));
  }
}
