package ua.dnipro.contactcenter.routing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.TransientVariables;
import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Puts the complaint into the department's inbox with the deadlines of its SLA tier.
 *
 * <p>The first routing counts from the moment the complaint was received (the SLA is the city's
 * promise to the citizen). A complaint routed again after a dispatcher re-classified it counts
 * from the re-routing: the new department cannot answer for time spent elsewhere; the statutory
 * term, counted from receipt (see ClassifyComplaint), still guards the citizen.
 */
@Component("handOverToDepartment")
public class HandOverToDepartment implements JavaDelegate {

  private final ContactCenterProperties properties;

  private final StatusHistory history;

  public HandOverToDepartment(ContactCenterProperties properties, StatusHistory history) {
    this.properties = properties;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int routingCount = (Integer) execution.getVariable(ROUTING_COUNT);
    ComplaintState complaint = history.current(execution);
    Instant start = routingCount == 0 ? complaint.receivedAt() : EngineClock.now();
    Instant slaDeadline = duration(execution, SLA_DURATION).addTo(start, properties.timeZone());
    Instant secondEscalation = duration(execution, SECOND_ESCALATION_AFTER).addTo(slaDeadline, properties.timeZone());
    // the executor's follow-up date: a reminder the tier's period before the deadline
    Instant reminder = duration(execution, REMINDER_BEFORE).subtractFrom(slaDeadline, properties.timeZone());

    execution.setVariable(ROUTING_COUNT, routingCount + 1);
    execution.setVariable(SLA_DEADLINE, Date.from(slaDeadline));
    execution.setVariable(SECOND_ESCALATION_DEADLINE, Date.from(secondEscalation));
    // read by the task created next, in this transaction
    TransientVariables.set(execution, SLA_REMINDER_AT, Variables.dateValue(Date.from(reminder.isBefore(start) ? start : reminder), true));
    execution.removeVariable(OUTCOME);
    execution.removeVariable(RESOLUTION);
    execution.removeVariable(RETURN_REASON);
    String department = (String) execution.getVariable(DEPARTMENT);
    String tier = (String) execution.getVariable(SLA_TIER);
    Instant statutoryTerm = ((Date) execution.getVariable(STATUTORY_DEADLINE)).toInstant();
    history.record(execution, ComplaintEvent.ROUTED, state -> state.routed(department, tier, slaDeadline, statutoryTerm),
        StatusHistory.details("department", department, "slaTier", tier, "dueAt", slaDeadline,
            "statutoryDeadline", statutoryTerm,
            "routingTableVersion", execution.getVariable(ROUTING_DECISION_VERSION),
            "slaTableVersion", execution.getVariable(SLA_DECISION_VERSION)));
  }

  private static CalendarDuration duration(DelegateExecution execution, String variable) {
    try {
      return CalendarDuration.parse((String) execution.getVariable(variable));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the SLA table gave a bad " + variable + ": " + e.getMessage(), e);
    }
  }
}
