package ua.dnipro.contactcenter.extension;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.DeadlineTimers;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;
import ua.dnipro.contactcenter.complaint.TransientVariables;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The head's decision on a request for more time. Approved: the department's deadline becomes the
 * end of the day asked for, the controllers' escalation keeps its distance from it, and the
 * executors' new task (and its timers) start from it. Where the law allows, the statutory term
 * moves too: a complaint that needs study has a month, which the head may extend up to forty-five
 * days from receipt (Law "On Citizens' Appeals", art. 20); the fifteen days of a complaint that
 * needs no study are not extended. The citizen is told the new date. Declined: the deadline stays.
 * Either way the decision is in the status history, and the executors get the complaint back.
 */
@Component("applyExtensionDecision")
public class ApplyExtensionDecision implements JavaDelegate {

  static final String APPROVED = "APPROVED";

  private final StatusHistory history;
  private final StatutoryTerms terms;

  public ApplyExtensionDecision(StatusHistory history, ContactCenterProperties properties) {
    this.history = history;
    this.terms = new StatutoryTerms(properties.timeZone());
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintState complaint = history.current(execution);
    Instant slaDeadline = ((Date) execution.getVariable(SLA_DEADLINE)).toInstant();
    if (APPROVED.equals(execution.getVariable(EXTENSION_DECISION))) {
      ExtensionRequest request = ExtensionRequest.check(execution.getVariable(EXTENSION_UNTIL), complaint, terms)
          .request().orElseThrow(() -> new IllegalStateException("an approved request for more time that cannot be granted"));
      Duration toControllers = Duration.between(slaDeadline,
          ((Date) execution.getVariable(SECOND_ESCALATION_DEADLINE)).toInstant());
      slaDeadline = request.newDeadline();
      execution.setVariable(SLA_DEADLINE, Date.from(slaDeadline));
      execution.setVariable(SECOND_ESCALATION_DEADLINE, Date.from(slaDeadline.plus(toControllers)));
      Instant statutory = statutoryTermAfter(complaint, slaDeadline);
      if (!statutory.equals(complaint.statutoryDeadline())) {
        execution.setVariable(STATUTORY_DEADLINE, Date.from(statutory));
        DeadlineTimers.move(execution, ComplaintProcess.Elements.START_STATUTORY_DEADLINE_PASSED, Date.from(statutory));
      }
      Instant dueAt = slaDeadline;
      history.record(execution, ComplaintEvent.EXTENSION_APPROVED, state -> state.extended(dueAt, statutory),
          state -> StatusHistory.details("department", state.department(), "dueAt", dueAt,
              "statutoryDeadline", state.statutoryDeadline()));
    } else {
      history.record(execution, ComplaintEvent.EXTENSION_DECLINED, UnaryOperator.identity(),
          state -> StatusHistory.details("department", state.department(), "dueAt", state.dueAt()));
    }
    // the executors' new task: reminded a day before its deadline (not before now)
    Instant now = EngineClock.now();
    Instant reminder = slaDeadline.minus(Duration.ofDays(1));
    TransientVariables.set(execution, SLA_REMINDER_AT, Variables.dateValue(Date.from(reminder.isBefore(now) ? now : reminder),
        true));
    // the decision stays in the audit trail; the next task starts from a clean slate
    for (String decided : new String[] {OUTCOME, EXTENSION_UNTIL, EXTENSION_REASON, EXTENSION_DECISION, EXTENSION_NOTE}) {
      execution.removeVariable(decided);
    }
  }

  /**
   * The statutory term after the deadline moved: a month's term (a complaint that needs study, or
   * one already extended) grows to the new deadline, never past the forty-five days; fifteen days
   * stay fifteen days.
   */
  Instant statutoryTermAfter(ComplaintState complaint, Instant newDeadline) {
    Instant current = complaint.statutoryDeadline();
    boolean monthsTerm = !current.isBefore(terms.term(complaint.receivedAt(), true));
    // a term that already passed stays passed: the violation is on record, the head cannot undo it
    if (!monthsTerm || !newDeadline.isAfter(current) || complaint.statutoryDeadlinePassed()) {
      return current;
    }
    Instant limit = terms.limit(complaint.receivedAt());
    return newDeadline.isAfter(limit) ? limit : newDeadline;
  }
}
