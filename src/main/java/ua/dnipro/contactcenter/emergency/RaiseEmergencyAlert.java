package ua.dnipro.contactcenter.emergency;

import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables;
import ua.dnipro.contactcenter.complaint.ComplaintScope;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * An emergency reached its department: sets by when an executor must take it (the claim period from
 * now), which dates the duty dispatchers' and heads' task and the timer that checks it, records the
 * alert in the complaint's history and pages the duty staff. The department's executors have their
 * task at the same moment; their emergency filter lists it first.
 */
@Component("raiseEmergencyAlert")
public class RaiseEmergencyAlert implements JavaDelegate {

  private final ContactCenterProperties properties;
  private final StatusHistory history;
  private final DutyStaffPager pager;

  public RaiseEmergencyAlert(ContactCenterProperties properties, StatusHistory history, DutyStaffPager pager) {
    this.properties = properties;
    this.history = history;
    this.pager = pager;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant takeBy = EngineClock.now().plus(properties.emergency().claimPeriod());
    execution.setVariable(Variables.EMERGENCY_TAKE_BY, Date.from(takeBy));
    history.record(execution, ComplaintEvent.EMERGENCY_ALERTED, UnaryOperator.identity(),
        StatusHistory.details("department", ComplaintScope.of(execution).getVariable(Variables.DEPARTMENT),
            "takeBy", takeBy));
    pager.page(execution, ComplaintEvent.EMERGENCY_ALERTED, takeBy);
  }
}
