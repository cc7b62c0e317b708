package ua.dnipro.contactcenter.extension;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.EXTENSION_UNTIL;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.OUTCOME;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.Outcome;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * Refuses, when the executor completes their task, a request for more time that could not be
 * granted (no date, not later than the current deadline, past the law's forty-five days), with a
 * message that says why; the task stays open.
 */
@Component("checkExtensionRequest")
public class CheckExtensionRequest implements TaskListener {

  private final ComplaintRecords complaints;
  private final StatutoryTerms terms;

  public CheckExtensionRequest(ComplaintRecords complaints, ContactCenterProperties properties) {
    this.complaints = complaints;
    this.terms = new StatutoryTerms(properties.timeZone());
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Outcome.EXTENSION_REQUESTED.name().equals(task.getVariable(OUTCOME))) {
      return;
    }
    String number = task.getExecution().getProcessBusinessKey();
    ComplaintState complaint = complaints.find(number)
        .orElseThrow(() -> new IllegalStateException("no recorded state for complaint " + number));
    ExtensionRequest.Result result = ExtensionRequest.check(task.getVariable(EXTENSION_UNTIL), complaint, terms);
    if (result.request().isEmpty()) {
      throw new BadUserRequestException("the request for more time cannot be granted: " + result.refusal());
    }
  }
}
