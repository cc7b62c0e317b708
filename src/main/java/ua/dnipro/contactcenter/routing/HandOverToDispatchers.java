package ua.dnipro.contactcenter.routing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * Gives a complaint nobody can take (unclassifiable, or returned by a department) to the
 * contact center's dispatchers, who re-classify it within the configured dispatch period.
 */
@Component("handOverToDispatchers")
public class HandOverToDispatchers implements JavaDelegate {

  private final ContactCenterProperties properties;
  private final CalendarDuration reclassificationPeriod;

  private final StatusHistory history;

  public HandOverToDispatchers(ContactCenterProperties properties, StatusHistory history) {
    this.properties = properties;
    this.reclassificationPeriod = properties.reclassificationPeriod();
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var deadline = reclassificationPeriod.addTo(EngineClock.now(), properties.timeZone());
    execution.setVariable(DEPARTMENT, CityGroups.DISPATCHERS);
    execution.setVariable(RECLASSIFICATION_DEADLINE, Date.from(deadline));
    history.record(execution, ComplaintEvent.AWAITING_RECLASSIFICATION,
        state -> state.awaitingReclassification(CityGroups.DISPATCHERS, deadline), StatusHistory.details("dueAt", deadline));
  }
}
