package ua.dnipro.contactcenter.duplicates;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DUPLICATE_OF;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * Merges the complaint into the one that reports the same defect (its parent, as the executor or
 * the dispatcher named it on their task, checked by CheckMerge): recorded, with who merged it. Its
 * department's task is done without counting as resolved or overdue; it waits for the parent.
 */
@Component("mergeIntoParent")
public class MergeIntoParent implements JavaDelegate {

  private final DefectRecords defects;
  private final ComplaintRecords complaints;
  private final StatusHistory history;

  public MergeIntoParent(DefectRecords defects, ComplaintRecords complaints, StatusHistory history) {
    this.defects = defects;
    this.complaints = complaints;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parent = (String) execution.getVariable(DUPLICATE_OF);
    // the parent's row locked: its resolution (which tells its children) waits for this merge or ran
    // before it, and then the parent is no longer open and the merge is refused
    ComplaintState locked = complaints.findForUpdate(parent)
        .orElseThrow(() -> new BadUserRequestException("duplicateOf: there is no complaint " + parent));
    if (!CheckMerge.OPEN.contains(locked.status())) {
      throw new BadUserRequestException("duplicateOf: " + parent + " is no longer open (" + locked.status() + ")");
    }
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    defects.merge(execution.getProcessBusinessKey(), parent, EngineClock.now(), who == null ? null : who.getUserId());
    history.record(execution, ComplaintEvent.MERGED, ComplaintState::merged,
        state -> StatusHistory.details("mergedInto", parent, "department", state.department()));
  }
}
