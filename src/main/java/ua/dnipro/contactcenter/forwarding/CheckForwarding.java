package ua.dnipro.contactcenter.forwarding;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DISPATCH_DECISION;

import java.time.Instant;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Forwarding is the law's way for an appeal outside the city's competence, and its term is short:
 * within five days of receipt (Law "On Citizens' Appeals", art. 7, counted as the statutory terms
 * are). Later, the dispatcher is refused with the reason and re-classifies the complaint instead:
 * the city then answers it itself. (Which body it goes to is the form's choice, checked by the form.)
 */
@Component("checkForwarding")
public class CheckForwarding implements TaskListener {

  static final String FORWARD = "FORWARD";
  /** Article 7: forwarded "не пізніше п'яти днів". */
  static final int WITHIN_DAYS = 5;

  private final ComplaintRecords complaints;
  private final StatutoryTerms terms;

  public CheckForwarding(ComplaintRecords complaints, ContactCenterProperties properties) {
    this.complaints = complaints;
    this.terms = new StatutoryTerms(properties.timeZone());
  }

  @Override
  public void notify(DelegateTask task) {
    if (!FORWARD.equals(task.getVariable(DISPATCH_DECISION))) {
      return;
    }
    String number = task.getExecution().getProcessBusinessKey();
    Instant received = complaints.find(number)
        .orElseThrow(() -> new IllegalStateException("no recorded state for complaint " + number)).receivedAt();
    Instant until = forwardableUntil(received);
    if (!EngineClock.now().isBefore(until)) {
      throw new BadUserRequestException("dispatchDecision: a complaint is forwarded to another body within five days of "
          + "receipt (Law \"On Citizens' Appeals\", art. 7), that is until " + terms.lastDayShown(until)
          + " inclusive; re-classify it for the city to answer");
    }
  }

  Instant forwardableUntil(Instant received) {
    return terms.endOf(received.atZone(terms.zone()).toLocalDate().plusDays(WITHIN_DAYS));
  }
}
