package ua.dnipro.contactcenter.duplicates;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.StatusHistory;

/**
 * The merge is undone (a dispatcher's decision, or the parent left the city's hands: forwarded or
 * left unconsidered): the complaint is a defect of its own again and is routed anew.
 */
@Component("recordUnmerge")
public class RecordUnmerge implements JavaDelegate {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordUnmerge.class);

  private final DefectRecords defects;
  private final StatusHistory history;

  public RecordUnmerge(DefectRecords defects, StatusHistory history) {
    this.defects = defects;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    String parent = defects.parentOf(number).orElse(null);
    defects.unmerge(number);
    // decided anew on the complaint's next task
    execution.removeVariable(Variables.DUPLICATE_OF);
    execution.removeVariable(Variables.DISPATCH_DECISION);
    execution.removeVariable(Variables.OUTCOME);
    // by a dispatcher (transient, with the API's correlation; staff logins stay out of the history channels
    // read), or by nobody when the other complaint left the city's hands
    Object by = execution.getVariable(DefectMergeController.UNMERGED_BY);
    LOG.info("Merge of {} into {} undone{}", number, parent, by == null ? " as that one left the city's hands" : " by " + by);
    history.record(execution, ComplaintEvent.UNMERGED, ComplaintState::unmerged,
        StatusHistory.details("wasMergedInto", parent));
  }
}
